package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClausesTest {

    @Test
    void should_give_each_sentence_and_each_stretch_between_commas_of_two_words_or_more() {
        assertEquals(List.of("In kernel regression with l2 regularisation, every round mixes in the labels",
                        "In kernel regression with l2 regularisation", "every round mixes in the labels",
                        "The best weight has a closed form"),
                Clauses.of("In kernel regression with l2 regularisation, every round mixes in the labels. The best weight has a closed form."));
        assertEquals(List.of("Coverage rises (log-linearly) with samples", "Coverage rises", "with samples"),
                Clauses.of("Coverage rises (log-linearly) with samples."), "a bracketed single word is no clause");
        assertEquals(List.of(), Clauses.of("Yes."));
    }
}
