package org.scalingatlas.retrieve.solr;

import java.util.ArrayList;
import java.util.List;
import org.apache.solr.client.solrj.request.AbstractUpdateRequest;
import org.apache.solr.client.solrj.request.UpdateRequest;
import org.apache.solr.common.SolrInputDocument;
import org.scalingatlas.retrieve.Embedder;
import org.scalingatlas.retrieve.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the collection with the corpus's passages, replacing whatever it held: every passage with its title, body,
 * kind and embedding, then one commit and a merge to one segment per shard, so that BM25's statistics count no
 * deleted passage (the local index, built fresh, counts none either).
 */
final class SolrIndexer {

    private static final Logger LOG = LoggerFactory.getLogger(SolrIndexer.class);
    private static final int BATCH = 64;

    private final SolrNodes nodes;

    SolrIndexer(SolrNodes nodes) {
        this.nodes = nodes;
    }

    /** Replaces the collection's passages with these; returns how many it holds afterwards. */
    long populate(List<Passage> passages, Embedder embedder) {
        long started = System.nanoTime();
        nodes.send(new UpdateRequest().deleteByQuery("*:*"));
        for (int from = 0; from < passages.size(); from += BATCH) {
            List<Passage> slice = passages.subList(from, Math.min(passages.size(), from + BATCH));
            List<float[]> vectors = embedder.embedAll(slice.stream().map(Passage::embeddingText).toList());
            List<SolrInputDocument> docs = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                docs.add(document(slice.get(i), vectors.get(i)));
            }
            UpdateRequest add = new UpdateRequest();
            add.add(docs);
            nodes.send(add);
            LOG.info("sent {}/{} passages to Solr", from + slice.size(), passages.size());
        }
        nodes.send(new UpdateRequest().setAction(AbstractUpdateRequest.ACTION.COMMIT, true, true));
        nodes.send(new UpdateRequest().setAction(AbstractUpdateRequest.ACTION.OPTIMIZE, true, true, 1));
        long count = SolrEngine.count(nodes);
        LOG.info("Solr collection {} holds {} passages ({} ms)", nodes.current(), count, (System.nanoTime() - started) / 1_000_000);
        return count;
    }

    private static SolrInputDocument document(Passage passage, float[] vector) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(SolrFields.ID, passage.key());
        doc.addField(SolrFields.KIND, passage.kind().name());
        doc.addField(SolrFields.TITLE, passage.title());
        doc.addField(SolrFields.BODY, passage.body());
        List<Float> values = new ArrayList<>(vector.length);
        for (float value : vector) {
            values.add(value);
        }
        doc.addField(SolrFields.VECTOR, values);
        return doc;
    }
}
