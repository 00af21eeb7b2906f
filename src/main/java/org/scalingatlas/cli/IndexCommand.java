package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.BenchCorpusAtlas;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.app.Services;
import org.scalingatlas.app.SolrCollection;
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
                + "previous build is the one served.",
            "With retrieve.engine=solr, also fills the SolrCloud collection at retrieve.solr.url with every passage and "
                + "its embedding, replacing what it held (docs/solr.md)."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas index",
            "  ./atlas bench-corpus 100000 --out /tmp/bench-100k",
            "  ATLAS_CORPUS_DIR=/tmp/bench-100k ATLAS_DATA_DIR=/tmp/data-100k ./atlas index --bench-embeddings",
            "  ATLAS_RETRIEVE_ENGINE=solr ATLAS_RETRIEVE_SOLR_URL=http://localhost:8983/solr/atlas ./atlas index"})
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
        // the local index is built whatever the engine: coverage's statistics come from it
        AtlasConfig local = config.retrieve().solr() ? config.withRetrieve(AtlasConfig.Retrieve.LOCAL) : config;
        Services services = benchEmbeddings ? BenchCorpusAtlas.services(local) : Atlas.services(local);
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
        if (config.retrieve().solr()) {
            out.printf("Sent %d passages to the Solr collection %s%n", SolrCollection.fill(config), config.retrieve().solrUrls().get(0));
        }
        return 0;
    }
}
