package org.scalingatlas.ask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingatlas.question.Question;
import org.scalingatlas.retrieve.Embedder;
import org.scalingatlas.retrieve.HybridIndex;

/** The question's embedding: as asked, or for a question with numbers that stand alone, the mean of two wordings. */
class RetrievalTest {

    /** Gives each known text its own unit vector, and records what it is asked to embed. */
    private static final class Known implements Embedder {
        private final Map<String, float[]> vectors = Map.of(
                "How should I split 1e23 FLOPs between parameters and data?", new float[] {1, 0},
                "How should I split FLOPs between parameters and data?", new float[] {0, 1},
                "Can GPT-4 beat Llama-2-13B?", new float[] {0.6f, 0.8f});
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "known";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            asked.add(text);
            return vectors.get(text).clone();
        }
    }

    @Test
    void should_embed_a_question_with_numbers_as_the_mean_of_its_wordings_with_and_without_them() {
        Known model = new Known();
        Retrieval retrieval = new Retrieval(HybridIndex.inMemory(List.of(), model));
        float half = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[] {half, half}, retrieval.meaning(Question.of("How should I split 1e23 FLOPs between parameters and data?")), 1e-6f);
        assertEquals(List.of("How should I split 1e23 FLOPs between parameters and data?", "How should I split FLOPs between parameters and data?"), model.asked);
    }

    @Test
    void should_embed_a_question_whose_digits_belong_to_names_once_as_asked() {
        Known model = new Known();
        Retrieval retrieval = new Retrieval(HybridIndex.inMemory(List.of(), model));
        assertArrayEquals(new float[] {0.6f, 0.8f}, retrieval.meaning(Question.of("Can GPT-4 beat Llama-2-13B?")), 1e-6f);
        assertEquals(List.of("Can GPT-4 beat Llama-2-13B?"), model.asked);
    }
}
