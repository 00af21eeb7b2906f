package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.BenchCorpusAtlas;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.app.Services;
import org.scalingatlas.config.AtlasConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "index",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the corpus and build the derived data in data.dir (the TDB2 graph store and the search index), so "
                + "that `serve` starts without rebuilding. Refuses an invalid corpus with the same report as `check`.",
            "Derived data records the fingerprint of the corpus and ontology it was built from and is rebuilt only "
                + "when they change. Both are written to disk as the records stream in (the graph in batches through "
                + "TDB2's bulk loader, the index committed every 50,000 passages), so the heap does not grow with them; "
                + "a build that is killed continues from its last batch the next time, and until it completes the "
                + "previous build is the one served."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas index",
            "  ./atlas bench-corpus 100000 --out /tmp/bench-100k",
            "  ATLAS_CORPUS_DIR=/tmp/bench-100k ATLAS_DATA_DIR=/tmp/data-100k ./atlas index --bench-embeddings"})
final class IndexCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--bench-embeddings",
            description = "For a corpus written by bench-corpus: do not validate it (it is made to pass the shapes) and embed "
                + "passages as recombinations of the real papers' sentences, as the benchmarks do (the model would take hours "
                + "over a million passages).")
    boolean benchEmbeddings;

    @Override
    public Integer call() {
        AtlasConfig config = AtlasCli.config();
        long started = System.nanoTime();
        Services services = benchEmbeddings ? BenchCorpusAtlas.services(config) : Atlas.services(config);
        CorpusRecords records = services.records();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Indexed %d papers and %d notes: %d triples in %s%n",
                records.paperCount(), records.noteCount(), records.tripleCount(), config.dataDir());
        if (benchEmbeddings) {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            out.printf("%.1f s; heap in use after a collection %d MB of at most %d MB%n",
                    (System.nanoTime() - started) / 1e9, (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        }
        return 0;
    }
}
