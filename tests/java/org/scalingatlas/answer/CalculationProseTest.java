package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingatlas.laws.Calculation;
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
}
