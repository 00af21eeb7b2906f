package org.scalingatlas;

import java.util.List;
import org.scalingatlas.app.Services;
import org.scalingatlas.bench.RecombinedEmbedder;
import org.scalingatlas.bench.SyntheticCorpus;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.nlp.MiniLmEmbedder;

/**
 * Beside the composition root: the application over a corpus written by {@code ./atlas bench-corpus}, with graph and index on disk in the
 * configured data folder: the corpus is not validated (it is made to pass the shapes, {@code SyntheticCorpusTest}),
 * and passages are embedded by {@link RecombinedEmbedder} from the real papers' sentences, as the in-memory
 * benchmarks do, since the model would take hours over a million passages.
 */
public final class BenchCorpusAtlas {

    /** What {@link SyntheticCorpus} writes in a synthetic paper's sources. */
    private static final String SYNTHETIC = "synthetic";

    private BenchCorpusAtlas() {
    }

    /** The services of {@link #open}, for the command line. */
    public static Services services(AtlasConfig config) {
        return open(config).services();
    }

    public static Atlas open(AtlasConfig config) {
        Corpus corpus = Corpus.load(config.corpusDir());
        List<Paper> real = corpus.papers().stream().filter(p -> !p.sources().contains(SYNTHETIC)).toList();
        if (real.isEmpty()) {
            throw new IllegalArgumentException(config.corpusDir() + " holds no real paper: --bench-embeddings is for corpora written by bench-corpus");
        }
        Corpus realPapers = new Corpus(config.corpusDir(), real, List.of(), List.of(), List.of());
        RecombinedEmbedder embedder = new RecombinedEmbedder(new MiniLmEmbedder(config.nativeLibrariesDir()), SyntheticCorpus.sentences(realPapers));
        return Atlas.persistent(config, corpus, embedder);
    }
}
