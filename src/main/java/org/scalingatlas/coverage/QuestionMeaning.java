package org.scalingatlas.coverage;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The question's meaning as the coverage judge weighs it: its embedding, and embeddings of it with parts left out,
 * each computed only when the judge asks for it.
 *
 * @param vector         the question's embedding
 * @param withoutNumbers the embedding of the question without its numbers, or empty when it has none
 * @param without        the embedding of the question with these words taken out, or empty when nothing would be left
 */
public record QuestionMeaning(float[] vector, Supplier<Optional<float[]>> withoutNumbers,
        Function<Collection<String>, Optional<float[]>> without) {
}
