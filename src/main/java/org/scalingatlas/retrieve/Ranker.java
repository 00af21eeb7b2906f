package org.scalingatlas.retrieve;

import java.util.List;

/**
 * Ranks passages for a question: BM25 over its words and nearest neighbours of its embedding, fused by reciprocal
 * rank. The local Lucene index ranks ({@link HybridIndex}); so can a SolrCloud collection ({@code retrieve.engine=solr},
 * see {@code retrieve/solr}). Only the ranking moves: the corpus statistics coverage counts stay with the local index.
 */
public interface Ranker {

    /**
     * The best passages for a question: the top {@code depth} of each ranker fused by reciprocal rank, best first.
     *
     * @param text   the words BM25 ranks by
     * @param vector the question's embedding
     * @param kind   only passages of this kind, or {@code null} for both
     */
    List<Hit> search(String text, float[] vector, Passage.Kind kind, int depth);
}
