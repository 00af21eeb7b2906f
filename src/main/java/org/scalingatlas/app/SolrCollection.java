package org.scalingatlas.app;

import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.nlp.MiniLmEmbedder;
import org.scalingatlas.retrieve.Passage;
import org.scalingatlas.retrieve.solr.SolrEngine;
import org.scalingatlas.retrieve.solr.SolrUnavailableException;

/** The SolrCloud collection {@code retrieve.engine=solr} ranks in, filled from the corpus by {@code ./atlas index}. */
public final class SolrCollection {

    private SolrCollection() {
    }

    /**
     * Replaces what the collection at {@code retrieve.solr.url} holds with every passage of the corpus and its
     * embedding.
     *
     * @return the passages the collection holds afterwards
     * @throws SearchUnavailableException when no node of the collection answers
     */
    public static long fill(AtlasConfig config) {
        try {
            return SolrEngine.populate(config.retrieve(), Passage.of(Corpus.load(config.corpusDir())), new MiniLmEmbedder(config.nativeLibrariesDir()));
        } catch (SolrUnavailableException e) {
            throw new SearchUnavailableException(e.getMessage(), e);
        }
    }
}
