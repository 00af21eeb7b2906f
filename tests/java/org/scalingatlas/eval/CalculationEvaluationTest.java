package org.scalingatlas.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;

/** The calculation judge: a question counts only when every setting it states gets the asked value from a run on its numbers. */
class CalculationEvaluationTest {

    private static CalculationEvaluation.Outcome judged(CalculationQuestion question) {
        return new CalculationEvaluation(TestAtlas.real().pipeline(), TestAtlas.real().corpus()).run(List.of(question)).outcomes().get(0);
    }

    /** Numbers of a setting in the order given, as a question file lists them. */
    private static Map<String, Double> inOrder(String kind, double value, String otherKind, double otherValue) {
        Map<String, Double> numbers = new java.util.LinkedHashMap<>();
        numbers.put(kind, value);
        numbers.put(otherKind, otherValue);
        return numbers;
    }

    @Test
    void should_count_a_value_given_from_the_question_s_numbers() {
        CalculationEvaluation.Outcome loss = judged(new CalculationQuestion("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?",
                "chinchilla-parametric-loss", Map.of("parameters", 7e10, "tokens", 1.4e12), List.of(), "loss"));
        assertTrue(loss.correct(), loss.miss());
        assertTrue(loss.lawAsIntended());
        CalculationEvaluation.Outcome compared = judged(new CalculationQuestion("Which reaches lower loss: a 7B model on 2T tokens or a 13B model on 1T tokens?",
                "chinchilla-parametric-loss", Map.of("parameters", 7e9, "tokens", 2e12), List.of(Map.of("parameters", 1.3e10, "tokens", 1e12)), "loss"));
        assertTrue(compared.correct(), compared.miss());
        assertEquals(2, compared.answered());
    }

    @Test
    void should_miss_a_setting_no_run_reads_and_a_value_the_answer_does_not_give() {
        CalculationEvaluation.Outcome third = judged(new CalculationQuestion("Which reaches lower loss: a 7B model on 2T tokens or a 13B model on 1T tokens?",
                null, Map.of("parameters", 7e9, "tokens", 2e12), List.of(Map.of("parameters", 3e10, "tokens", 1e12)), "loss"));
        assertFalse(third.correct());
        assertEquals(1, third.answered());
        assertTrue(third.miss().startsWith("no run reads"), third.miss());
        assertFalse(third.lawAsIntended(), "no law was meant");
        CalculationEvaluation.Outcome other = judged(new CalculationQuestion("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?",
                null, inOrder("parameters", 7e10, "tokens", 1.4e12), List.of(), "coverage"));
        assertEquals("the straight answer gives no coverage for {parameters=7.0E10, tokens=1.4E12}", other.miss());
        CalculationEvaluation.Outcome none = judged(new CalculationQuestion("Does depth matter more than width for a 20M model?", null,
                Map.of("parameters", 2e7), List.of(), "loss"));
        assertFalse(none.correct());
        assertNull(none.law());
    }

    @Test
    void should_miss_a_value_computed_with_another_constant_set_than_the_question_names() {
        String pile = "1.6B non-embedding parameters, 4 parallel streams, trained on the Pile: what loss does ParScale predict?";
        Map<String, Double> setting = inOrder("parameters", 1.6e9, "streams", 4);
        assertTrue(judged(new CalculationQuestion(pile, "parscale-loss", setting, List.of(), "loss", "pile")).correct());
        CalculationEvaluation.Outcome python = judged(new CalculationQuestion(pile, "parscale-loss", setting, List.of(), "loss", "stack-v2-python"));
        assertEquals("the loss given for {parameters=1.6E9, streams=4.0} uses the constants pile, not the stack-v2-python the question names",
                python.miss());
    }

    @Test
    void should_count_a_comparison_of_constant_sets_only_when_every_set_gives_the_value() {
        String both = "What loss would a 2B model reach on Python code with 2 parallel streams, and on the Pile?";
        Map<String, Double> setting = inOrder("parameters", 2e9, "streams", 2);
        CalculationEvaluation.Outcome compared = judged(new CalculationQuestion(both, "parscale-loss", setting, List.of(), "loss",
                List.of("stack-v2-python", "pile")));
        assertTrue(compared.correct(), compared.miss());
        assertEquals(2, compared.settings(), "one setting under two sets");
        String one = "What loss would a 2B model reach on Python code with 2 parallel streams?";
        CalculationEvaluation.Outcome half = judged(new CalculationQuestion(one, "parscale-loss", setting, List.of(), "loss",
                List.of("stack-v2-python", "pile")));
        assertEquals(1, half.answered());
        assertEquals("the loss given for {parameters=2.0E9, streams=2.0} uses the constants stack-v2-python, not the pile the question names", half.miss());
        assertThrows(IllegalArgumentException.class, () -> new CalculationQuestion(both, null, setting, List.of(), "loss", List.of("pile", "pile")));
    }

    @Test
    void should_read_calculation_sets_and_refuse_malformed_ones(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.yaml");
        Files.writeString(file, "- question: \"What loss for a 1B model on 20B tokens?\"\n  law: chinchilla-parametric-loss\n"
                + "  given: {parameters: 1.0e9, tokens: 2.0e+10}\n  compare: [{parameters: 2.0e9, tokens: 2.0e10}]\n  asks: loss\n");
        CalculationQuestion read = EvalSet.loadCalculations(file).get(0);
        assertEquals(Map.of("parameters", 1e9, "tokens", 2e10), read.given(), "7.0e9 is a number though YAML 1.1 reads it as text");
        assertEquals(2, read.settings().size());
        assertEquals(List.of(), read.constants(), "a question names no constant set unless the file says so");
        Files.writeString(file, "- question: \"What loss on Python code, and on the Pile?\"\n  given: {parameters: 1.0e9, streams: 2}\n  asks: loss\n"
                + "  constants: [stack-v2-python, pile]\n- question: \"And on the Pile alone?\"\n  given: {parameters: 1.0e9, streams: 2}\n  asks: loss\n"
                + "  constants: pile\n");
        List<CalculationQuestion> named = EvalSet.loadCalculations(file);
        assertEquals(List.of("stack-v2-python", "pile"), named.get(0).constants());
        assertEquals(2, named.get(0).judged().size());
        assertEquals(List.of("pile"), named.get(1).constants(), "one set, without brackets");
        Files.writeString(file, "- question: \"What loss?\"\n  given: {parameters: many}\n  asks: loss\n");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> EvalSet.loadCalculations(file));
        assertTrue(bad.getMessage().contains("not a list of calculation questions"), bad.getMessage());
        Files.writeString(file, "- question: \"What loss?\"\n  given: {parameters: 1.0e9}\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EvalSet.loadCalculations(file)).getMessage().contains("no output named in asks"));
    }
}
