package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corpus's terms with their vectors: the closest one found, kept on disk, rebuilt embedding only what is new. */
class TermIndexTest {

    @TempDir
    Path data;

    private static final List<String> TERMS = List.of("batch size", "learning rate", "syntheticity", "reverse direction");

    @Test
    void should_give_the_closest_term_and_its_cosine() throws Exception {
        IndexUpdateTest.CountingEmbedder embedder = new IndexUpdateTest.CountingEmbedder();
        try (TermIndex terms = TermIndex.inMemory(TERMS, embedder)) {
            assertEquals(4, terms.size());
            TermIndex.Match match = terms.nearest(embedder.embed("learning rate"));
            assertEquals("learning rate", match.term());
            assertEquals(1.0, match.similarity(), 1e-5);
            float[] other = embedder.embed("zzzz");
            double expected = TERMS.stream().mapToDouble(term -> dot(embedder.embed(term), other)).max().orElseThrow();
            assertEquals(expected, terms.closest(other), 1e-5);
        }
    }

    @Test
    void should_cut_words_as_a_question_is_cut_keeping_hyphenated_compounds_whole() {
        Passage note = new Passage(Passage.Kind.NOTE, "n", "Is compute-optimal training sample-efficient?",
                "Loss falls as a power law (exponent 0.34) with 70B parameters; see -- the 2nd figure. Scaling, scaling.");
        assertEquals(java.util.Set.of("compute-optimal", "training", "sample-efficient", "loss", "falls", "power", "law", "exponent",
                "with", "70b", "parameters", "see", "the", "2nd", "figure", "scaling"), TermIndex.words(List.of(note)));
    }

    @Test
    void should_answer_minus_one_when_the_corpus_has_no_terms() throws Exception {
        try (TermIndex terms = TermIndex.inMemory(List.of(), new IndexUpdateTest.CountingEmbedder())) {
            assertEquals(-1, terms.closest(new IndexUpdateTest.CountingEmbedder().embed("anything")));
        }
    }

    @Test
    void should_reopen_without_embedding_and_embed_only_new_terms_after_a_change() throws Exception {
        IndexUpdateTest.CountingEmbedder embedder = new IndexUpdateTest.CountingEmbedder();
        AtomicInteger extracted = new AtomicInteger();
        try (TermIndex first = TermIndex.persistent(data, "corpus-1", () -> {
            extracted.incrementAndGet();
            return TERMS;
        }, embedder)) {
            assertEquals(4, first.size());
        }
        assertEquals(4, embedder.embedded.get());

        try (TermIndex same = TermIndex.persistent(data, "corpus-1", () -> {
            extracted.incrementAndGet();
            return TERMS;
        }, embedder)) {
            assertEquals(4, same.size());
        }
        assertEquals(1, extracted.get(), "an index built for this corpus is opened, not extracted again");
        assertEquals(4, embedder.embedded.get());

        List<String> changed = List.of("batch size", "learning rate", "syntheticity", "critical batch size", "data repetition");
        try (TermIndex next = TermIndex.persistent(data, "corpus-2", () -> changed, embedder)) {
            assertEquals(6, embedder.embedded.get(), "only the two new terms were embedded");
            assertEquals(5, next.size());
            assertNotEquals("reverse direction", next.nearest(embedder.embed("reverse direction")).term(), "a term the corpus no longer uses is gone");
            assertEquals("critical batch size", next.nearest(embedder.embed("critical batch size")).term());
        }
        assertTrue(data.resolve("terms").toFile().isDirectory());
    }

    @Test
    void should_rebuild_without_asking_the_model_for_nothing_when_every_term_is_known() throws Exception {
        IndexUpdateTest.CountingEmbedder strict = new IndexUpdateTest.CountingEmbedder() {
            @Override
            public List<float[]> embedAll(List<String> texts) {
                if (texts.isEmpty()) {
                    throw new IllegalArgumentException("segments cannot be null or empty"); // as the real model says
                }
                return super.embedAll(texts);
            }
        };
        TermIndex.persistent(data, "corpus-1", () -> TERMS, strict).close();
        try (TermIndex fewer = TermIndex.persistent(data, "corpus-2", () -> TERMS.subList(0, 2), strict)) {
            assertEquals(2, fewer.size());
        }
        assertEquals(4, strict.embedded.get());
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
