package org.scalingatlas.retrieve;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.scalingatlas.bench.RecombinedEmbedder;
import org.scalingatlas.bench.SyntheticCorpus;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.nlp.MiniLmEmbedder;

/**
 * Index build throughput, one shot per configuration, three runs each (min / median / max passages per second):
 * BM25 alone (text fields, no vectors), BM25 with precomputed vectors (the HNSW graph, no model), and BM25 with the
 * real model embedding every passage.
 *
 * <pre>mvn -q test-compile exec:exec -Dbench.main=org.scalingatlas.retrieve.IndexBuildBench -Dbench.args="10000"</pre>
 */
public final class IndexBuildBench {

    private IndexBuildBench() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Corpus real = Corpus.load(Path.of("corpus"));
        List<Passage> synthetic = Passage.of(SyntheticCorpus.generate(real, size, 42));
        List<Passage> realPassages = Passage.of(real);
        MiniLmEmbedder model = new MiniLmEmbedder(TestAtlas.NATIVE_LIBRARIES);
        RecombinedEmbedder recombined = new RecombinedEmbedder(model, SyntheticCorpus.sentences(real));
        List<float[]> vectors = recombined.embedAll(synthetic.stream().map(Passage::embeddingText).toList());
        report("BM25 alone, " + synthetic.size() + " passages", synthetic.size(), () -> build(synthetic, null));
        report("BM25 + precomputed vectors (HNSW), " + synthetic.size() + " passages", synthetic.size(), () -> build(synthetic, vectors));
        report("BM25 + the real model embedding each passage, real corpus (" + realPassages.size() + " passages)", realPassages.size(),
                () -> build(realPassages, model.embedAll(realPassages.stream().map(Passage::embeddingText).toList())));
        System.exit(0);
    }

    private interface Build {
        void run() throws Exception;
    }

    private static void build(List<Passage> passages, List<float[]> vectors) throws Exception {
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(HybridIndex.analyzer()).setRAMBufferSizeMB(512))) {
            for (int i = 0; i < passages.size(); i++) {
                writer.addDocument(HybridIndex.document(passages.get(i), vectors == null ? null : vectors.get(i), null));
            }
            writer.commit();
        }
    }

    private static void report(String what, int passages, Build build) throws Exception {
        double[] rates = new double[3];
        for (int run = 0; run < rates.length; run++) {
            long started = System.nanoTime();
            build.run();
            rates[run] = passages / ((System.nanoTime() - started) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "| %s | %.0f / %.0f / %.0f |%n", what, rates[0], rates[1], rates[2]);
    }
}
