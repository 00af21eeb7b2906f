package org.scalingatlas.retrieve.solr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * by {@link RankFusion}, as the local index fuses them. Each is one request to the collection (Solr merges the shards),
 * and the two are sent at once.
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
        // the two rankings are independent requests: sent at once, an ask waits for the slower, not for both
        CompletableFuture<List<SolrDocument>> bm25 = text.isBlank() ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> query(bm25(text, constant, kind, depth)), nodes.executor());
        List<SolrDocument> neighbours;
        List<SolrDocument> lexicalDocs;
        try {
            neighbours = query(knn(constant, kind, depth));
        } finally {
            lexicalDocs = join(bm25);
        }
        Map<String, Double> similarity = new HashMap<>();
        List<String> lexical = new ArrayList<>();
        for (SolrDocument doc : lexicalDocs) {
            String key = (String) doc.getFieldValue(SolrFields.ID);
            lexical.add(key);
            similarity.put(key, cosine(doc.getFieldValue("sim")));
        }
        List<String> dense = new ArrayList<>();
        for (SolrDocument doc : neighbours) {
            String key = (String) doc.getFieldValue(SolrFields.ID);
            dense.add(key);
            similarity.put(key, cosine(doc.getFieldValue("score")));
        }
        return RankFusion.fuse(lexical, dense, similarity);
    }

    /**
     * BM25 over title (boost 2) and body. The local index parses with Lucene's classic query parser over both fields,
     * escaped the same way; Solr's standard parser reads the same syntax. Each hit brings its cosine to the question.
     */
    private static ModifiableSolrParams bm25(String text, String constant, Passage.Kind kind, int depth) {
        String words = SolrFields.escape(text);
        ModifiableSolrParams params = params(kind, depth);
        params.set("q", SolrFields.TITLE + ":(" + words + ")^2 " + SolrFields.BODY + ":(" + words + ")");
        params.set("q.op", "OR");
        params.set("sow", true);
        params.set("fl", SolrFields.ID + ",sim:vectorSimilarity(" + SolrFields.VECTOR + "," + constant + ")");
        return params;
    }

    /** The nearest passages by embedding: each shard's HNSW search collects the candidates, the best {@code depth} are kept. */
    private ModifiableSolrParams knn(String constant, Passage.Kind kind, int depth) {
        ModifiableSolrParams params = params(kind, depth);
        params.set("q", "{!knn f=" + SolrFields.VECTOR + " topK=" + Math.max(depth, candidates) + "}" + constant);
        params.set("fl", SolrFields.ID + ",score");
        return params;
    }

    private static List<SolrDocument> join(CompletableFuture<List<SolrDocument>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static ModifiableSolrParams params(Passage.Kind kind, int depth) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("rows", depth);
        // the shards return the few fields asked for with their top ids: no second round trip to fetch them
        params.set("distrib.singlePass", true);
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
