package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;

/**
 * Every law, every input and every constant at the floats an attacker tries (subnormals, ±1e308, zeros, negatives):
 * exp4j's "Division by zero" used to escape as a 500. Each call must give finite outputs, or a refusal that names
 * the value the caller sent.
 */
class BoundaryInputsTest {

    private static final LawBook BOOK = new LawBook(Corpus.load(Path.of("corpus")).laws());
    private static final double[] EDGES = {1e-320, 4.9e-324, Double.MIN_NORMAL, 1e-300, 0.0, -0.0, -1, -2.5, 0.5, 1, 1e300, 1e308, -1e308, Double.MAX_VALUE};

    @Test
    void should_compute_or_name_the_input_for_every_law_input_at_the_edge_floats() {
        List<String> wrong = new ArrayList<>();
        for (Law law : BOOK.laws()) {
            Calculator calculator = BOOK.require(law.id());
            if (law.constantSets().isEmpty()) {
                continue; // refused for want of constants whatever the inputs; the constants test gives it some
            }
            for (Law.Variable variable : law.inputs()) {
                for (double edge : EDGES) {
                    Map<String, Double> inputs = new LinkedHashMap<>(law.example());
                    inputs.put(variable.symbol(), edge);
                    check(wrong, law.id() + " evaluate " + variable.symbol() + " = " + edge, variable.symbol(),
                            () -> calculator.evaluate(inputs, null, Map.of()));
                }
            }
            if (law.optimal() != null && law.optimal().kind().equals(Law.Optimal.COMPUTE_BUDGET)) {
                for (String given : List.of("C", "N")) {
                    for (double edge : EDGES) {
                        Map<String, Double> inputs = otherInputs(law);
                        inputs.put(given, edge);
                        check(wrong, law.id() + " optimal " + given + " = " + edge, given, () -> calculator.optimal(inputs, null, Map.of()));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void should_compute_or_name_the_constant_for_every_callers_constant_at_the_edge_floats() {
        List<String> wrong = new ArrayList<>();
        for (Law law : BOOK.laws()) {
            Calculator calculator = BOOK.require(law.id());
            for (String constant : law.constantNames()) {
                for (double edge : EDGES) {
                    Map<String, Double> custom = new LinkedHashMap<>(law.constantSets().isEmpty() ? Map.of() : law.constantSets().get(0).values());
                    law.constantNames().forEach(name -> custom.putIfAbsent(name, 1.0));
                    custom.put(constant, edge);
                    check(wrong, law.id() + " evaluate constant " + constant + " = " + edge, constant,
                            () -> calculator.evaluate(law.example(), null, custom));
                    if (law.optimal() != null && law.optimal().kind().equals(Law.Optimal.COMPUTE_BUDGET)) {
                        Map<String, Double> inputs = otherInputs(law);
                        inputs.put("C", 1e22);
                        check(wrong, law.id() + " optimal constant " + constant + " = " + edge, constant, () -> calculator.optimal(inputs, null, custom));
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void should_say_which_constant_the_caller_sent_when_a_law_gives_no_finite_value() {
        Calculator chinchilla = BOOK.require("chinchilla-parametric-loss");
        String message = assertThrows(LawInputException.class, () -> chinchilla.evaluate(Map.of("N", 7e10, "D", 1.4e12), null,
                Map.of("E", 1.69, "A", 406.4, "B", 410.7, "alpha", -1e308, "beta", 0.28))).getMessage();
        assertTrue(message.contains("gives no finite loss") && message.contains("the caller's constants") && message.contains("alpha = -1.000e+308"), message);
    }

    @Test
    void should_refuse_a_budget_below_a_thousand_parameters_on_a_thousand_tokens_even_subnormal() {
        Calculator chinchilla = BOOK.require("chinchilla-parametric-loss");
        for (double c : new double[] {1e-320, 4.9e-324, 1}) {
            String message = assertThrows(LawInputException.class, () -> chinchilla.optimal(Map.of("C", c), null, Map.of())).getMessage();
            assertTrue(message.contains("the budget C = " + Calculator.format(c) + " FLOPs, is too small"), message);
        }
    }

    @Test
    void should_stop_a_curve_whose_deadline_has_passed_before_its_next_point() {
        Calculator chinchilla = BOOK.require("chinchilla-parametric-loss");
        Deadline passed = Deadline.after(Duration.ofNanos(1));
        Deadline.Exceeded stopped = assertThrows(Deadline.Exceeded.class, () -> Curve.of(chinchilla, true, Map.of(), null, Map.of(), "C", "loss", 1e19, 1e25, 400, passed));
        assertTrue(stopped.getMessage().contains("stopped after"), stopped.getMessage());
        Deadline left = Deadline.after(Duration.ofMinutes(1));
        left.stop("the client closed the connection");
        assertEquals("stopped: the client closed the connection", assertThrows(Deadline.Exceeded.class,
                () -> Curve.of(chinchilla, false, Map.of("D", 1e12), null, Map.of(), "N", "loss", 1e8, 1e10, 3, left)).getMessage());
        assertEquals(400, Curve.of(chinchilla, false, Map.of("D", 1e12), null, Map.of(), "N", "loss", 4.9e-324, 1e308, 400, Deadline.none()).points().size()
                + 0 * 1, "no limit, no stop");
    }

    private static Map<String, Double> otherInputs(Law law) {
        Map<String, Double> inputs = new LinkedHashMap<>(law.example());
        inputs.remove("N");
        inputs.remove("D");
        return inputs;
    }

    /** Finite outputs, or a refusal naming {@code name}; anything else is recorded as wrong. */
    private static void check(List<String> wrong, String what, String name, java.util.function.Supplier<Result> call) {
        try {
            Result result = call.get();
            result.outputs().forEach((output, value) -> {
                if (!Double.isFinite(value)) {
                    wrong.add(what + ": " + output + " = " + value);
                }
            });
        } catch (LawInputException e) {
            if (!e.getMessage().contains(name)) {
                wrong.add(what + ": the refusal does not name " + name + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            wrong.add(what + ": " + e);
        }
    }
}
