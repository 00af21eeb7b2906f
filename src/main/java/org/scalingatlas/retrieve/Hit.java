package org.scalingatlas.retrieve;

/**
 * A passage the retriever found, with the evidence of both rankers.
 *
 * @param kind       note or paper
 * @param id         its id
 * @param score      the fused score (reciprocal rank fusion)
 * @param lexicalRank 1-based rank in the BM25 list, 0 when absent
 * @param denseRank  1-based rank in the vector list, 0 when absent
 * @param similarity cosine similarity of question and passage embeddings, in [-1, 1]
 */
public record Hit(Passage.Kind kind, String id, double score, int lexicalRank, int denseRank, double similarity) {
}
