package org.scalingatlas;

import java.util.List;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/**
 * The composition root: builds every part of the application from one configuration, with {@code new}. The CLI and
 * the HTTP server both start here; nothing else creates services or keeps static state.
 */
public final class Atlas {

    private final AtlasConfig config;
    private final List<Paper> papers;

    private Atlas(AtlasConfig config, List<Paper> papers) {
        this.config = config;
        this.papers = papers;
    }

    /** Loads the corpus named by the configuration, finishing any write a crash interrupted. */
    public static Atlas open(AtlasConfig config) {
        PaperStore store = new PaperStore(config.corpusDir());
        store.recover();
        return new Atlas(config, store.loadAll());
    }

    public AtlasConfig config() {
        return config;
    }

    public List<Paper> papers() {
        return papers;
    }

    public static String version() {
        String version = Atlas.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
