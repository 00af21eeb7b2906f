package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingatlas.laws.Calculation;
import org.scalingatlas.laws.InlineCalculations;
import org.scalingatlas.laws.Plan;
import org.scalingatlas.laws.Result;

/** The calculation paragraph: allocations that disagree are said to, with the reasons the law files record. */
class CalculationProseTest {

    private static Calculation allocation(String law, String set, double n, double d, List<String> warnings) {
        Result result = new Result(law, "optimal", set, Map.of(), Map.of("C", 1e24), Map.of("N_opt", n, "D_opt", d),
                Map.of("N_opt", "parameters", "D_opt", "tokens", "C", "FLOPs"), warnings, "closed form");
        return new Calculation(law, law + " allocation", "", "note-" + law, "How should the budget be split?", null, Calculation.FROM_QUESTION, result);
    }

    @Test
    void should_say_why_allocations_disagree_from_the_constant_sets_caveats() {
        String text = CalculationProse.of(List.of(
                allocation("a", "rounded", 4e10, 4e12, List.of("constants 'rounded': Rounded exponents favour many tokens.")),
                allocation("b", "table", 9e10, 1.8e12, List.of("C = 1e24 is above the range the law was fitted on: an extrapolation"))));
        assertTrue(text.contains("These allocations disagree (100, 20 tokens per parameter)"), text);
        assertTrue(text.contains("a allocation (rounded): Rounded exponents favour many tokens"), text);
        assertFalse(text.contains("above the range the law was fitted on: an extrapolation"), "only the constants' caveats explain the disagreement");
    }

    @Test
    void should_not_call_close_allocations_a_disagreement() {
        assertEquals(java.util.Optional.empty(), CalculationProse.disagreement(List.of(
                allocation("a", "x", 4e10, 8e11, List.of()), allocation("b", "y", 5e10, 1.1e12, List.of()))));
    }

    @Test
    void should_say_so_plainly_when_no_caveat_is_recorded() {
        String sentence = CalculationProse.disagreement(List.of(allocation("a", "x", 1e10, 1e12, List.of()), allocation("b", "y", 1e11, 1e12, List.of())))
                .orElseThrow();
        assertTrue(sentence.endsWith("they come from different fits, so read each law's conditions before choosing."), sentence);
    }

    private static Plan.Row row(String law, String set, double n, Double d, String warning) {
        return new Plan.Row(law, law + " allocation", set, set, "V-paper", new Plan.PaperRef("p", "P", "1"), 1e24, n, d, d == null ? null : d / n, null,
                "parameters (total)", List.of(), "closed form", new Plan.Extrapolation(warning == null ? 0.0 : 2.0, List.of(), List.of(), warning),
                "none recorded in the law file", null, List.of(), List.of());
    }

    @Test
    void should_write_a_plan_as_one_sentence_per_row_then_the_spread() {
        Plan plan = new Plan(new Plan.Budget(1e24, null, null, null, null),
                List.of(row("a", "rounded", 4e10, 4e12, null), row("a", "refit", 8e10, 2e12, null), row("b", "table", 9e10, null, "C = 1e24 lies 2.0 decades above")),
                new Plan.Spread(2.25, "b (table)", "a (rounded)", List.of("a (rounded): Rounded exponents favour many tokens.")));
        String text = CalculationProse.of(List.of(allocation("a", "rounded", 4e10, 4e12, List.of()), allocation("a", "refit", 8e10, 2e12, List.of()),
                allocation("b", "table", 9e10, 1e12, List.of())), plan);
        assertTrue(text.startsWith("Planned for your budget of C = 1.00e24 FLOPs"), text);
        assertTrue(text.contains("A allocation (constants: rounded), cited by \u201cHow should the budget be split?\u201d: N_opt = 4.00e10 parameters, "
                + "D_opt = 4.00e12 tokens, 100 tokens per parameter."), text);
        assertTrue(text.contains(" With constants refit: N_opt = 8.00e10 parameters, D_opt = 2.00e12 tokens, 25.0 tokens per parameter."), text);
        assertTrue(text.contains("B allocation (constants: table), cited by \u201cHow should the budget be split?\u201d: N_opt = 9.00e10 parameters. "
                + "Extrapolation: C = 1e24 lies 2.0 decades above."), "a row without D_opt says N only, and its warning follows it: " + text);
        assertTrue(text.endsWith("Spread: the largest N_opt (b (table)) is 2.25 times the smallest (a (rounded)). a (rounded): Rounded exponents favour many tokens."),
                text);
        assertFalse(text.contains("These allocations disagree"), "the spread replaces the per-law disagreement sentence");
        assertEquals("Spread: the largest N_opt (b (table)) is 2.25 times the smallest (a (rounded)). a (rounded): Rounded exponents favour many tokens.",
                CalculationProse.spread(List.of(allocation("a", "rounded", 4e10, 4e12, List.of()), allocation("a", "refit", 8e10, 2e12, List.of()),
                        allocation("b", "table", 9e10, 1e12, List.of())), plan), "the spread alone, as the web page shows it beside the calculators");
    }

    private static final List<String> PLANNED = List.of("N_opt", "D_opt");

    @Test
    void should_sum_up_a_plan_for_the_stated_budget_in_one_clause_for_the_straight_answer() {
        Plan plan = new Plan(new Plan.Budget(1e24, null, null, null, null),
                List.of(row("a", "rounded", 4e10, 4e12, null), row("a", "refit", 8e10, 2e12, null), row("b", "table", 9e10, null, null)),
                new Plan.Spread(2.25, "b (table)", "a (rounded)", List.of()));
        List<Calculation> rows = List.of(allocation("a", "rounded", 4e10, 4e12, List.of()), allocation("a", "refit", 8e10, 2e12, List.of()),
                allocation("b", "table", 9e10, 1e12, List.of()));
        assertEquals(java.util.Optional.of("for your budget of C = 1.00e24 FLOPs, the laws the cited notes carry put the compute-optimal model at "
                + "4.00e10 to 9.00e10 parameters trained on 2.00e12 to 4.00e12 tokens (25.0 to 100 tokens per parameter); each constant set's row, "
                + "and why they differ, follow the answer."), CalculationProse.headline(rows, plan, PLANNED), "a row without D_opt widens the parameters only");
        Plan one = new Plan(new Plan.Budget(1e24, null, null, null, null), List.of(row("b", "table", 9e10, null, null)), new Plan.Spread(1, "b", "b", List.of()));
        assertEquals(java.util.Optional.of("for your budget of C = 1.00e24 FLOPs, the law the cited notes carry puts the compute-optimal model at "
                + "9.00e10 parameters; the calculation follows the answer."), CalculationProse.headline(List.of(allocation("b", "table", 9e10, 1e12, List.of())), one, PLANNED));
        // the first row reads a number of the question the other two leave aside (inference tokens, say): its allocation
        // is the answer, the others' follow it
        Plan served = new Plan(new Plan.Budget(1e24, null, null, 2e12, null),
                List.of(row("b", "table", 3e10, 6e12, null), row("a", "rounded", 4e10, 4e12, null), row("a", "refit", 8e10, 2e12, null)),
                new Plan.Spread(2.67, "a (refit)", "b (table)", List.of()));
        List<Calculation> servedRows = List.of(allocation("b", "table", 3e10, 6e12, List.of()), allocation("a", "rounded", 4e10, 4e12, List.of()),
                allocation("a", "refit", 8e10, 2e12, List.of()));
        assertEquals(java.util.Optional.of("for your budget of C = 1.00e24 FLOPs, the law the cited notes carry that reads every number you gave puts the "
                + "compute-optimal model at 3.00e10 parameters trained on 6.00e12 tokens (200 tokens per parameter), and those that leave one aside at "
                + "4.00e10 to 8.00e10 parameters; each constant set's row, and why they differ, follow the answer."),
                CalculationProse.headline(new InlineCalculations.Inline(servedRows, served, PLANNED, List.of(), 1)));
        assertEquals(CalculationProse.headline(servedRows, served, PLANNED), CalculationProse.headline(new InlineCalculations.Inline(servedRows, served, PLANNED, List.of(), 3)),
                "when every row reads as much, one range over them all");
        // a number no row reads: the first row reads the most of them, not every one
        String withBits = CalculationProse.headline(new InlineCalculations.Inline(servedRows, served, PLANNED, List.of(new Calculation.Given("bits", 4)), 1)).orElseThrow();
        assertTrue(withBits.startsWith("for your budget of C = 1.00e24 FLOPs, the law the cited notes carry that reads the most of the numbers you gave puts "), withBits);
        assertTrue(withBits.contains(" parameters, leaving aside the 4 bits you gave (no law the cited notes carry reads it); each constant set's row"), withBits);
    }

    @Test
    void should_sum_up_laws_run_on_the_questions_numbers_by_the_output_it_asks_for() {
        Map<String, Double> given = new java.util.LinkedHashMap<>();
        given.put("N", 7e10);
        given.put("D", 1.4e12);
        Result one = new Result("a", "evaluate", "published", Map.of(), given, Map.of("L", 1.937),
                Map.of("N", "parameters", "D", "tokens", "L", "nats per token"), List.of(), "formula");
        Result two = new Result("a", "evaluate", "refit", Map.of(), given, Map.of("L", 1.932),
                Map.of("N", "parameters", "D", "tokens", "L", "nats per token"), List.of(), "formula");
        List<Calculation> runs = List.of(new Calculation("a", "a loss", "", "n", "Which loss?", null, Calculation.FROM_QUESTION, one),
                new Calculation("a", "a loss", "", "m", "Which refit?", null, Calculation.FROM_QUESTION, two)); // a refit another note carries
        assertEquals(java.util.Optional.of("with your numbers (N = 7.00e10 parameters, D = 1.40e12 tokens), the laws the cited notes carry give "
                + "L = 1.932 to 1.937 nats per token; each calculation, and where they differ, follow the answer."),
                CalculationProse.headline(runs, null, List.of("L")));
        assertEquals(java.util.Optional.of("with your numbers (N = 7.00e10 parameters, D = 1.40e12 tokens), the law the cited notes carry gives "
                + "L = 1.937 nats per token; the calculation follows the answer."), CalculationProse.headline(runs.subList(0, 1), null, List.of("L")));
        assertEquals(java.util.Optional.empty(), CalculationProse.headline(runs, null, List.of()), "numbers the laws took, for nothing the question asks");
        // a number of the question no law read is said to be left aside, as the question gave it
        assertEquals(java.util.Optional.of("with your numbers (N = 7.00e10 parameters, D = 1.40e12 tokens), the law the cited notes carry gives "
                + "L = 1.937 nats per token, leaving aside the 4 bits you gave (no law the cited notes carry reads it); the calculation follows the answer."),
                CalculationProse.headline(new InlineCalculations.Inline(runs.subList(0, 1), null, List.of("L"), List.of(new Calculation.Given("bits", 4)), 1)));
        assertTrue(CalculationProse.headline(new InlineCalculations.Inline(runs.subList(0, 1), null, List.of("L"),
                List.of(new Calculation.Given("bits", 4), new Calculation.Given("unique-tokens", 1e11)), 1))
                .orElseThrow().contains(", leaving aside the 4 bits and the 1.00e11 unique tokens you gave (no law the cited notes carry reads them); "));
    }

    @Test
    void should_not_sum_up_a_worked_example_or_a_missing_plan_as_the_answer() {
        Plan plan = new Plan(new Plan.Budget(1e24, null, null, null, null), List.of(row("a", "rounded", 4e10, 4e12, null)), new Plan.Spread(1, "a", "a", List.of()));
        Calculation example = allocation("a", "rounded", 4e10, 4e12, List.of());
        example = new Calculation(example.law(), example.name(), example.formula(), example.note(), example.noteTitle(), null, Calculation.EXAMPLE, example.result());
        assertEquals(java.util.Optional.empty(), CalculationProse.headline(List.of(example), plan, List.of()), "a representative budget is not the user's: nothing asked");
        assertEquals(java.util.Optional.empty(), CalculationProse.headline(List.of(allocation("a", "rounded", 4e10, 4e12, List.of())), null, List.of()));
        assertEquals(java.util.Optional.empty(), CalculationProse.headline(List.of(), null, PLANNED));
    }

    @Test
    void should_give_the_disagreement_as_the_spread_of_calculations_without_a_plan_and_nothing_when_they_agree() {
        List<Calculation> apart = List.of(allocation("a", "x", 1e10, 1e12, List.of()), allocation("b", "y", 1e11, 1e12, List.of()));
        assertEquals(CalculationProse.disagreement(apart).orElseThrow(), CalculationProse.spread(apart, null));
        assertEquals("", CalculationProse.spread(List.of(allocation("a", "x", 1e10, 2e11, List.of()), allocation("b", "y", 1e10, 2.2e11, List.of())), null));
        assertEquals("", CalculationProse.spread(List.of(), null));
    }

    private static Calculation fit(String set, String label, double value) {
        Result result = new Result("p", "evaluate", set, Map.of(), nd(2e9, 1e11), Map.of("loss", value),
                Map.of("N", "parameters", "D", "tokens", "loss", "nats per token"), List.of(), "formula");
        return new Calculation("p", "L(N, D)", "", "note-p", "What loss?", null, Calculation.FROM_QUESTION, result, label);
    }

    @Test
    void should_say_what_each_constant_set_of_a_law_run_more_than_once_is() {
        List<Calculation> runs = List.of(fit("python", "fitted on Python code", 1.05), fit("pile", "fitted on the Pile", 1.90));
        String text = CalculationProse.of(runs);
        assertTrue(text.endsWith(" Only the constants differ between these runs: python is \u201cfitted on Python code\u201d and pile is "
                + "\u201cfitted on the Pile\u201d."), text);
        assertEquals("with your numbers (N = 2.00e09 parameters, D = 1.00e11 tokens), the law the cited notes carry gives loss = 1.050 nats per token "
                + "with its python constants and loss = 1.900 nats per token with its pile constants; each calculation, and what each constant set is, "
                + "follow the answer.", CalculationProse.headline(runs, null, List.of("loss")).orElseThrow(), "each set's value, not a range");
        assertEquals("", CalculationProse.spread(List.of(fit("pile", "fitted on the Pile", 1.90)), null), "one set: nothing to compare");
        assertEquals("", CalculationProse.spread(List.of(fit("pile", null, 1.90), fit("python", null, 1.05)), null), "no labels: nothing to say");
        List<Calculation> apart = List.of(allocation("a", "x", 1e10, 1e12, List.of()), allocation("b", "y", 1e11, 1e12, List.of()));
        assertEquals(CalculationProse.disagreement(apart).orElseThrow(), CalculationProse.spread(apart, null), "the disagreement says why first");
    }

    @Test
    void should_write_an_output_as_prose_by_its_symbol_or_its_name() {
        assertEquals("N_opt = 4.17e10 non-embedding parameters", CalculationProse.valued("N_opt", "4.17e10", " non-embedding parameters"));
        assertEquals("lr = 0.000760 learning rate", CalculationProse.valued("lr", "0.000760", " learning rate"));
        assertEquals("reducible loss = 2.300 nats per token", CalculationProse.valued("reducible_loss", "2.300", " nats per token"));
        assertEquals("batch size = 4.41e05 tokens", CalculationProse.valued("batch_size", "4.41e05", " tokens"));
        assertEquals("20.57 to 66.81 tokens per parameter", CalculationProse.valued("tokens_per_parameter", "20.57 to 66.81", " tokens per parameter"));
        assertEquals("loss = 1.937 nats per token", CalculationProse.valued("loss", "1.937", " nats per token"));
    }

    private static Map<String, Double> nd(double n, double d) {
        Map<String, Double> inputs = new java.util.LinkedHashMap<>();
        inputs.put("N", n);
        inputs.put("D", d);
        return inputs;
    }

    private static Calculation loss(double n, double d, double value) {
        Result result = new Result("l", "evaluate", "published", Map.of(), nd(n, d), Map.of("loss", value),
                Map.of("N", "parameters", "D", "tokens", "loss", "nats per token"), List.of(), "closed form");
        return new Calculation("l", "L(N, D)", "loss = E + A / N^alpha + B / D^beta", "note-l", "What loss?", null, Calculation.FROM_QUESTION, result);
    }

    @Test
    void should_give_each_setting_compared_with_the_inputs_that_differ_then_those_shared() {
        List<Calculation> runs = List.of(loss(1e9, 1e12, 2.223), loss(7e9, 1e12, 2.052));
        String headline = CalculationProse.headline(new InlineCalculations.Inline(runs, null, List.of("loss"), List.of(), List.of(), 1, 2)).orElseThrow();
        assertEquals("with your numbers, the law the cited notes carry gives loss = 2.223 nats per token at N = 1.00e09 parameters; and loss = 2.052 "
                + "nats per token at N = 7.00e09 parameters (D = 1.00e12 tokens in each); lower at N = 7.00e09 parameters, higher at N = 1.00e09 "
                + "parameters; each calculation follows the answer.", headline);
        // three settings or more: the two ends, whichever way is better
        String three = CalculationProse.headline(new InlineCalculations.Inline(List.of(loss(1e9, 1e12, 2.223), loss(7e9, 1e12, 2.052),
                loss(3e9, 1e12, 2.4)), null, List.of("loss"), List.of(), List.of(), 1, 3)).orElseThrow();
        assertTrue(three.contains("; lowest at N = 7.00e09 parameters, highest at N = 3.00e09 parameters; "), three);
        // values the answer writes alike name no end
        String tied = CalculationProse.headline(new InlineCalculations.Inline(List.of(loss(1e9, 1e12, 2.2231), loss(7e9, 1e12, 2.2229)), null,
                List.of("loss"), List.of(), List.of(), 1, 2)).orElseThrow();
        assertFalse(tied.contains("lower at") || tied.contains("higher at"), tied);
        // numbers the calculations do not take are named, never dropped in silence
        String unplaced = CalculationProse.headline(new InlineCalculations.Inline(runs.subList(0, 1), null, List.of("loss"), List.of(),
                List.of(new Calculation.Given("parameters", 3e9), new Calculation.Given("flops", 1e24)), 1, 1)).orElseThrow();
        assertTrue(unplaced.contains(", leaving aside the 3.00e09 parameters and the 1.00e24 FLOPs you also gave (the calculation takes the first number "
                + "of each kind); "), unplaced);
    }

    @Test
    void should_write_a_law_run_at_several_settings_in_one_sentence_and_never_a_sentence_twice() {
        String text = CalculationProse.of(List.of(loss(1e9, 1e12, 2.223), loss(7e9, 1e12, 2.052)));
        assertTrue(text.contains("gives loss = 2.223 nats per token at N = 1.00e09 parameters, D = 1.00e12 tokens; and loss = 2.052 nats per token at "
                + "N = 7.00e09 parameters, D = 1.00e12 tokens."), text);
        assertEquals(1, text.split("cited by", -1).length - 1, "the law and its note once: " + text);
        // two constant sets giving the same values (a refit republishing the constants) share the sentence
        Calculation republished = new Calculation("l", "L(N, D)", "", "note-r", "Who republished it?", null, Calculation.FROM_QUESTION,
                new Result("l", "evaluate", "republished", Map.of(), nd(1e9, 1e12), Map.of("loss", 2.223),
                        Map.of("N", "parameters", "D", "tokens", "loss", "nats per token"), List.of(), "closed form"));
        String shared = CalculationProse.of(List.of(loss(1e9, 1e12, 2.223), republished));
        assertTrue(shared.contains("(constants: published, cited by \u201cWhat loss?\u201d; republished, cited by \u201cWho republished it?\u201d) give loss = 2.223"),
                shared);
    }
}
