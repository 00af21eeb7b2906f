package org.scalingatlas.retrieve.solr;

import java.util.List;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.retrieve.Embedder;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.retrieve.Ranker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code retrieve.engine=solr}: ranking by a SolrCloud collection ({@link #connect}) and filling it from the corpus
 * ({@link #populate}, what {@code ./atlas index} does). The collection is created by the operator from the configset
 * in {@code src/main/resources/solr/atlas} (docs/solr.md).
 */
public final class SolrEngine {

    private static final Logger LOG = LoggerFactory.getLogger(SolrEngine.class);
    /**
     * How many neighbours each shard's HNSW search collects before the best 40 are kept. The local index's small
     * segments are searched exactly; HNSW with 40 candidates found 99.5% of the exact 40 nearest on the evaluation
     * questions, with 100 candidates 99.9%, which made the fused top 10 identical to the local one for 339 of 345
     * questions instead of 330 (SolrCloudTest).
     */
    static final int KNN_CANDIDATES = 100;

    private SolrEngine() {
    }

    /**
     * A ranker over the collection, checked to answer now; a collection that holds another number of passages than
     * {@code passages} (the corpus has changed since {@code ./atlas index}, or it never ran) is logged as a warning.
     *
     * @throws SolrUnavailableException when no node answers or the collection does not exist
     */
    public static Ranker connect(AtlasConfig.Retrieve config, int passages) {
        SolrNodes nodes = new SolrNodes(config);
        try {
            long held = count(nodes);
            if (held != passages) {
                LOG.warn("the Solr collection {} holds {} passages, the corpus {}: run ./atlas index", nodes.current(), held, passages);
            } else {
                LOG.info("passages are ranked by the Solr collection {} ({} passages)", nodes.current(), held);
            }
            return new SolrRanker(nodes, KNN_CANDIDATES);
        } catch (RuntimeException e) {
            nodes.close();
            throw e;
        }
    }

    /** Replaces the collection's passages with the corpus's; returns how many the collection holds afterwards. */
    public static long populate(AtlasConfig.Retrieve config, List<Passage> passages, Embedder embedder) {
        try (SolrNodes nodes = new SolrNodes(config)) {
            return new SolrIndexer(nodes).populate(passages, embedder);
        }
    }

    static long count(SolrNodes nodes) {
        ModifiableSolrParams params = new ModifiableSolrParams();
        params.set("q", "*:*");
        params.set("rows", 0);
        return nodes.send(new QueryRequest(params, SolrRequest.METHOD.POST)).getResults().getNumFound();
    }
}
