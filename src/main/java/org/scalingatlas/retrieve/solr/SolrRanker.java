package org.scalingatlas.retrieve.solr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.retrieve.RankFusion;
import org.scalingatlas.retrieve.Ranker;

/**
 * Ranks passages in a SolrCloud collection the way the local index ranks them: BM25 over title (boost 2) and body,
 * analysed as the local index analyses them (the configset's {@code text_atlas}), with collection-wide statistics
 * (ExactStatsCache), and Solr's k-nearest-neighbour search over the passages' embeddings; the two lists are fused here
 * by {@link RankFusion}, as the local index fuses them. Each is one request to the collection (Solr merges the shards).
 */
final class SolrRanker implements Ranker, AutoCloseable {

    private final SolrNodes nodes;
    /** How many neighbours each shard's HNSW search collects before the best {@code depth} are kept (at least depth). */
    private final int candidates;

    SolrRanker(SolrNodes nodes, int candidates) {
        this.nodes = nodes;
        this.candidates = candidates;
    }

    @Override
    public List<Hit> search(String text, float[] vector, Passage.Kind kind, int depth) {
        String constant = SolrFields.vector(vector);
        Map<String, Double> similarity = new HashMap<>();
        List<String> lexical = new ArrayList<>();
        if (!text.isBlank()) {
            // the local index parses with Lucene's classic query parser over both fields, escaped the same way;
            // Solr's standard parser reads the same syntax
            String words = SolrFields.escape(text);
            ModifiableSolrParams bm25 = params(kind, depth);
            bm25.set("q", SolrFields.TITLE + ":(" + words + ")^2 " + SolrFields.BODY + ":(" + words + ")");
            bm25.set("q.op", "OR");
            bm25.set("sow", true);
            bm25.set("fl", SolrFields.ID + ",sim:vectorSimilarity(" + SolrFields.VECTOR + "," + constant + ")");
            for (SolrDocument doc : query(bm25)) {
                String key = (String) doc.getFieldValue(SolrFields.ID);
                lexical.add(key);
                similarity.put(key, cosine(doc.getFieldValue("sim")));
            }
        }
        ModifiableSolrParams knn = params(kind, depth);
        knn.set("q", "{!knn f=" + SolrFields.VECTOR + " topK=" + Math.max(depth, candidates) + "}" + constant);
        knn.set("fl", SolrFields.ID + ",score");
        List<String> dense = new ArrayList<>();
        for (SolrDocument doc : query(knn)) {
            String key = (String) doc.getFieldValue(SolrFields.ID);
            dense.add(key);
            similarity.put(key, cosine(doc.getFieldValue("score")));
        }
        return RankFusion.fuse(lexical, dense, similarity);
    }

    private static ModifiableSolrParams params(Passage.Kind kind, int depth) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("rows", depth);
        if (kind != null) {
            params.set("fq", SolrFields.KIND + ":" + kind.name());
        }
        return params;
    }

    private List<SolrDocument> query(ModifiableSolrParams params) {
        QueryResponse response = nodes.send(new QueryRequest(params, SolrRequest.METHOD.POST));
        return response.getResults();
    }

    /** A dot-product score of unit vectors, (1 + cos) / 2 as Lucene gives it, back to the cosine. */
    private static double cosine(Object score) {
        return score instanceof Number number ? 2.0 * number.floatValue() - 1.0 : 0.0;
    }

    @Override
    public void close() {
        nodes.close();
    }
}
