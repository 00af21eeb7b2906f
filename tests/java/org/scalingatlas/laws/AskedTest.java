package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A question read once for its laws: the numbers it gives and what it asks of them. */
class AskedTest {

    @Test
    void should_read_the_numbers_and_what_is_asked_once() {
        Asked asked = Asked.of("What learning rates and batch sizes should a 1B model trained on 50B tokens use?", Set.of());
        assertEquals(List.of(new Calculation.Given("parameters", 1e9), new Calculation.Given("tokens", 5e10)), asked.given());
        assertTrue(asked.valuesOf().containsAll(Set.of("learning", "rate", "batch", "size")), "in the singular: " + asked.valuesOf());
        assertTrue(asked.words().contains("token") && asked.words().contains("model"), asked.words().toString());
        assertTrue(asked.asksForAValue());
        // a unit's short form is read as its kind's name, so "effective toks" names the output effective_tokens
        Asked shortened = Asked.of("1B model, 100B unique toks repeated up to 600B toks seen. how many effective toks is that worth?", Set.of());
        assertTrue(shortened.valuesOf().containsAll(Set.of("effective", "token")), shortened.valuesOf().toString());
        assertTrue(Asked.of("peak lr for 3B params?", Set.of()).words().contains("parameter"));
    }

    @Test
    void should_tell_a_question_asking_for_a_value_from_one_giving_numbers() {
        assertFalse(Asked.of("Is it worth training a 1B model on 2T tokens?", Set.of()).asksForAValue(), "numbers, but no value asked for");
        assertTrue(Asked.of("How should I split 1e23 FLOPs between parameters and data?", Set.of()).asksForAValue(), "a budget to split");
        assertFalse(Asked.of("How should I split my budget between parameters and data?", Set.of()).asksForAValue(), "no budget stated");
    }

    @Test
    void should_tell_an_allocated_amount_asked_for() {
        assertTrue(Asked.of("How many tokens per parameter should a compute-optimal LLM see?", Set.of()).asksForAnAllocatedAmount());
        assertTrue(Asked.of("What model size in parameters fits 1e22 FLOPs?", Set.of()).asksForAnAllocatedAmount());
        assertFalse(Asked.of("What step size should I use for a 1B model?", Set.of()).asksForAnAllocatedAmount());
        assertFalse(Asked.of("Why do Kaplan and Chinchilla disagree about model size?", Set.of("kaplan", "chinchilla")).asksForAnAllocatedAmount());
    }

    @Test
    void should_read_a_choice_between_training_runs_as_no_allocation() {
        Asked runs = Asked.of("Should I train a 3B model on 300B tokens or a 1B model on 900B tokens?", Set.of());
        assertTrue(runs.comparesRuns());
        assertFalse(runs.allocation(), "both runs state their split");
        assertEquals(List.of(List.of(new Calculation.Given("parameters", 1e9), new Calculation.Given("tokens", 9e11))), runs.compared());
        assertTrue(runs.asksForAValue());
        Asked sizes = Asked.of("How many tokens should a 7B or a 70B model see?", Set.of());
        assertFalse(sizes.comparesRuns());
        assertTrue(sizes.allocation(), "the tokens are what it asks for");
    }

    @Test
    void should_read_the_functions_a_question_writes_as_law_names_write_them() {
        assertEquals(Set.of("l(c_min)"), Asked.of("kaplan L(C_min) at 3e20 flops", Set.of()).symbols());
        assertEquals(Set.of("l(n,d)", "n_opt(c)"), Asked.symbols("Minimising L(N, D) or N_opt (C)?"));
        assertEquals(Set.of("n_opt(c_min)", "d_opt(c_min)"), Asked.symbols("Kaplan compute-efficient model size and data N_opt(C_min), D_opt(C_min)"));
        assertEquals(Set.of(), Asked.symbols("that cross-domain paper (images, video, math, text)"), "an aside is no function");
    }
}
