package org.scalingatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real WordNet 3.1 data shipped with extJWNL: which words written apart it lists as one noun. */
class WordNetCompoundsTest {

    private static WordNetCompounds wordNet;

    @BeforeAll
    static void open() {
        wordNet = new WordNetCompounds();
    }

    @Test
    void should_know_compound_nouns_in_their_base_form_and_with_an_inflected_last_word() {
        assertTrue(wordNet.isOne(List.of("search", "engine")));
        assertTrue(wordNet.isOne(List.of("civil", "engineering")));
        assertTrue(wordNet.isOne(List.of("video", "games")), "a plural last word");
        assertTrue(wordNet.isOne(List.of("Credit", "Card")), "whatever the case");
    }

    @Test
    void should_not_take_the_entry_a_phrase_starts_with_for_the_phrase() {
        // WordNet answers "search budget" with its entry "search": one word, not the two asked
        assertFalse(wordNet.isOne(List.of("search", "budget")));
        assertFalse(wordNet.isOne(List.of("engine", "search")), "the order of the words matters");
        assertFalse(wordNet.isOne(List.of("searches", "engine")), "only the last word may be inflected");
    }

    @Test
    void should_need_two_words_at_least() {
        assertFalse(wordNet.isOne(List.of("engine")));
        assertFalse(wordNet.isOne(List.of()));
    }
}
