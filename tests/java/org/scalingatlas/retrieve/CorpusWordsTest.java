package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which words the corpus uses, as the coverage judge asks: plurals, British spellings and inflections meet; derivations do not. */
class CorpusWordsTest {

    private static HybridIndex index;

    @BeforeAll
    static void build() {
        index = HybridIndex.inMemory(List.of(
                new Passage(Passage.Kind.PAPER, "a", "Loss curves", "We forecast the loss and calculate the optimum under a smooth generalization bound."),
                new Passage(Passage.Kind.NOTE, "b", "Does it iterate?", "Models iterate over repeated data.")), new IndexUpdateTest.CountingEmbedder());
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void should_count_an_inflection_of_a_corpus_word_as_used() {
        assertTrue(index.uses("forecasts"), "plural");
        assertTrue(index.uses("forecasting"), "participle of 'forecast'");
        assertTrue(index.uses("iterating"), "participle of 'iterate'");
        assertTrue(index.uses("smoothness"), "'-ness' of 'smooth'");
        assertTrue(index.uses("generalisation"), "British spelling");
    }

    @Test
    void should_find_a_phrase_mentioned_in_any_form_of_its_words() {
        assertTrue(index.mentions("Hardware accelerators with more memory", "accelerator memory"));
        assertTrue(index.mentions("Scaling transformers", "transformer scaling"));
        assertFalse(index.mentions("Speech transcription errors", "transformer errors"), "six letters apart: transc, transf");
        assertFalse(index.mentions("Accelerator memory", "photonic accelerators"));
    }

    @Test
    void should_tell_a_phrase_held_word_for_word_from_its_words_scattered_through_a_passage() {
        HybridIndex.Holding phrase = index.holding(List.of("repeated", "data"));
        assertTrue(phrase.verbatim() && phrase.count() == 1 && phrase.first().id().equals("b"), phrase.toString());
        HybridIndex.Holding scattered = index.holding(List.of("loss", "optimum"));
        assertTrue(scattered.count() == 1 && !scattered.verbatim(), "both words, but apart: " + scattered);
        assertTrue(index.holding(List.of("loss")).verbatim(), "one word is held as it is");
        assertTrue(index.holding(List.of("photonic")).count() == 0);
        for (List<String> words : List.of(List.of("repeated", "data"), List.of("loss", "optimum"), List.of("loss"), List.of("photonic"))) {
            assertEquals(index.holding(words).count(), index.holdingCount(words), "counted alone as when found: " + words);
        }
    }

    @Test
    void should_count_the_words_of_a_law_as_used_though_no_passage_holds_them() {
        IndexStatistics statistics = new IndexStatistics(index, () -> { throw new AssertionError("not needed"); },
                List.of("An irreducible loss E plus power laws in model size and data"));
        assertFalse(index.uses("irreducible"), "no passage uses it");
        assertTrue(statistics.uses("irreducible"), "the law does");
        assertTrue(statistics.uses("Irreducibles"), "in any form, as for passages");
        assertTrue(statistics.uses("forecast"), "the passages' words still count");
        assertFalse(statistics.uses("photonic"));
    }

    @Test
    void should_count_the_passages_that_write_words_together_in_their_order() {
        IndexStatistics statistics = new IndexStatistics(index, () -> { throw new AssertionError("not needed"); },
                List.of("An irreducible loss E plus power laws in model size and data", "loss spikes"));
        assertEquals(1, statistics.passagesWriting(List.of("repeated", "data")));
        assertEquals(1, statistics.passagesWriting(List.of("loss", "curve")), "in any form of its words: \"Loss curves\"");
        assertEquals(0, statistics.passagesWriting(List.of("loss", "optimum")), "both words, but apart");
        assertEquals(0, statistics.passagesWriting(List.of("data", "repeated")), "the other order");
        assertEquals(1, statistics.passagesWriting(List.of("power", "law")), "a law's words count as a passage");
        assertEquals(1, statistics.passagesWriting(List.of("loss", "spike")), "so does a label of the ontology");
        assertEquals(0, statistics.passagesWriting(List.of("photonic", "loss")));
    }

    @Test
    void should_not_count_a_derived_word_of_another_meaning_as_used() {
        assertFalse(index.uses("calculator"), "a device, not the verb 'calculate'");
        assertFalse(index.uses("photonic"));
        assertFalse(index.uses("spiking"), "absent stem");
    }
}
