package org.scalingatlas.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.scalingatlas.Atlas;
import org.scalingatlas.BenchCorpusAtlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.eval.EvalSet;
import org.scalingatlas.nlp.MiniLmEmbedder;

/** The application at each benchmark size: the real corpus as shipped, or a synthetic one of N papers. */
public final class Corpora {

    public static final String REAL = "real";

    private Corpora() {
    }

    /**
     * {@code real}: the bundled corpus with the real model; a number: a synthetic corpus with recombined embeddings,
     * in memory; a folder written by {@code ./atlas bench-corpus}: that corpus with graph and index on disk in the
     * system property {@code bench.data} (built there by {@code ./atlas index --bench-embeddings}, or now).
     */
    public static Atlas open(String size) {
        if (Files.isDirectory(Path.of(size)) && !REAL.equals(size)) {
            String data = System.getProperty("bench.data");
            if (data == null) {
                throw new IllegalArgumentException("a corpus folder needs -Dbench.data=DIR, the data folder its graph and index are in");
            }
            return BenchCorpusAtlas.open(TestAtlas.config(Path.of(size), Path.of(data)));
        }
        if (REAL.equals(size)) {
            return TestAtlas.open(TestAtlas.REAL_CORPUS, TestAtlas.scratch("atlas-bench-"));
        }
        Corpus real = Corpus.load(TestAtlas.REAL_CORPUS);
        Corpus synthetic = SyntheticCorpus.generate(real, Integer.parseInt(size), 42);
        RecombinedEmbedder embedder = new RecombinedEmbedder(new MiniLmEmbedder(TestAtlas.NATIVE_LIBRARIES), SyntheticCorpus.sentences(real));
        return Atlas.inMemory(TestAtlas.config(TestAtlas.REAL_CORPUS, TestAtlas.scratch("atlas-bench-")), synthetic, embedder);
    }

    /** The evaluation questions: in-corpus, partly covered and off-topic, as a user's mix. */
    public static List<String> questions() {
        return EvalSet.load(Path.of("tests/eval/questions.yaml")).stream().map(q -> q.question()).toList();
    }
}
