package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.coverage.CoverageJudge;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.nlp.MiniLmEmbedder;

/**
 * The closest clause of cited notes to a phrase, with the real embedding model: a paraphrase comes within the judge's bar
 * where the whole note does not, an absent topic does not, and each clause is embedded once per process.
 */
class ClosestClauseTest {

    private static final String NOTE = "In kernel regression with l2 regularisation, where each self-distillation round mixes model outputs "
            + "with weighted ground-truth targets, every distilled solution can be written in terms of the initial fit. The best "
            + "ground-truth weight per round has a closed form.";

    private static final AtomicInteger EMBEDDED = new AtomicInteger();
    private static HybridIndex index;

    @BeforeAll
    static void build() {
        MiniLmEmbedder model = new MiniLmEmbedder(TestAtlas.NATIVE_LIBRARIES);
        Embedder counting = new Embedder() {
            @Override
            public String name() {
                return model.name();
            }

            @Override
            public int dimension() {
                return model.dimension();
            }

            @Override
            public float[] embed(String text) {
                EMBEDDED.incrementAndGet();
                return model.embed(text);
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                EMBEDDED.addAndGet(texts.size());
                return model.embedAll(texts);
            }
        };
        index = HybridIndex.inMemory(List.of(new Passage(Passage.Kind.NOTE, "n", "Does self-distillation only amplify regularisation?", NOTE)), counting);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void should_find_a_paraphrase_in_a_clause_and_embed_each_clause_once() {
        IndexStatistics statistics = new IndexStatistics(index, () -> null);
        double bar = CoverageJudge.Thresholds.CALIBRATED.clauseMatch();
        int before = EMBEDDED.get();
        double paraphrase = statistics.closestClause("kernel ridge regression", List.of(NOTE));
        int first = EMBEDDED.get() - before;
        assertTrue(paraphrase >= bar, "kernel ridge regression: " + paraphrase);
        assertTrue(index.closestPassage("kernel ridge regression") < CoverageJudge.Thresholds.CALIBRATED.semanticMatch(),
                "the whole note is not close enough, which is why clauses are read");
        double absent = statistics.closestClause("radiology scans", List.of(NOTE));
        assertTrue(absent < bar, "radiology scans: " + absent);
        assertEquals(Clauses.of(NOTE).size() + 1, first, "every clause and the phrase, the first time");
        assertEquals(first + 1, EMBEDDED.get() - before, "then the phrase alone");
        assertEquals(-1, statistics.closestClause("anything", List.of("Yes.")), 0.0, "no clause to compare with");
    }
}
