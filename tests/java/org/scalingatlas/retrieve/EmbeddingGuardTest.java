package org.scalingatlas.retrieve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.question.InvalidQuestionException;

/**
 * The embedding call site refuses, in words, a text the model would read as no token at all (the model itself fails
 * with "Cannot embed empty or whitespace-only text", which reached users as a 500): it is never called with one.
 */
class EmbeddingGuardTest {

    /** Records what it is asked to embed; a unit vector for anything. */
    private static final class Recording implements Embedder {
        final List<String> asked = new ArrayList<>();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public int dimension() {
            return 2;
        }

        @Override
        public float[] embed(String text) {
            asked.add(text);
            return new float[] {1, 0};
        }
    }

    @Test
    void should_never_hand_the_model_a_text_without_letters_digits_or_symbols() {
        Recording model = new Recording();
        HybridIndex index = HybridIndex.inMemory(List.of(), model);
        for (String nothing : new String[] {"", "\u0301", "\uFFFD", " \u0301\u200b\uFFFD "}) {
            InvalidQuestionException refused = assertThrows(InvalidQuestionException.class, () -> index.embed(nothing));
            assertTrue(refused.getMessage().contains("no letters, digits or symbols"), refused.getMessage());
        }
        assertEquals(List.of(), model.asked);
        index.embed("大规模 scaling");
        assertEquals(List.of("大规模 scaling"), model.asked, "a text in any script reaches the model");
    }
}
