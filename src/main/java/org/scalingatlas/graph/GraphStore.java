package org.scalingatlas.graph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scalingatlas.corpus.DerivedFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the graph lives: in memory (tests, one-shot commands), or a TDB2 database in the data folder that is kept
 * while the corpus fingerprint it was built from still matches, and otherwise rebuilt beside it and swapped in.
 * The database is loaded batch by batch with TDB2's parallel bulk loader, so only one batch's triples are ever in
 * the heap, and a load killed part way continues from the last batch it recorded as loaded.
 */
public final class GraphStore {

    private static final Logger LOG = LoggerFactory.getLogger(GraphStore.class);
    static final String FOLDER = "graph";
    static final String FINGERPRINT = DerivedFolder.STAMP;
    static final String DATABASE = "tdb2";

    private GraphStore() {
    }

    public static Dataset inMemory(Model content) {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> dataset.getDefaultModel().add(content));
        return dataset;
    }

    /** Opens the persisted graph, first rebuilding it from {@code content} (one batch) when {@code fingerprint} has changed. */
    public static Dataset persistent(Path dataDir, String fingerprint, Supplier<Model> content) {
        return persistent(dataDir, fingerprint, List.of(content));
    }

    /**
     * Opens the persisted graph, first loading it from {@code batches} when {@code fingerprint} has changed: each
     * batch's model is made, bulk-loaded and let go in turn, and the count of batches loaded is recorded after each.
     * The previous store stays in place, and is what this returns to other readers, until every batch is in.
     */
    public static Dataset persistent(Path dataDir, String fingerprint, List<Supplier<Model>> batches) {
        return persistentInBatches(dataDir, fingerprint, () -> batches);
    }

    /** The same, asking for the batches only when the store has to be built (a store that is up to date needs no corpus). */
    public static Dataset persistentInBatches(Path dataDir, String fingerprint, Supplier<List<Supplier<Model>>> batches) {
        Path dir = DerivedFolder.ensureResumable(dataDir, FOLDER, fingerprint, building -> load(building, batches.get()));
        return TDB2Factory.connectDataset(dir.resolve(DATABASE).toString());
    }

    private static void load(Path building, List<Supplier<Model>> batches) throws IOException {
        long started = System.nanoTime();
        LoadProgress progress = new LoadProgress(building, batches.size());
        int from = progress.batchesLoaded();
        if (from == 0) {
            progress.clearDatabase(building.resolve(DATABASE));
        } else {
            LOG.info("continuing the graph load after batch {} of {}", from, batches.size());
        }
        DatasetGraph database = DatabaseMgr.connectDatasetGraph(building.resolve(DATABASE).toString());
        long triples = 0;
        try {
            for (int batch = from; batch < batches.size(); batch++) {
                Model model = batches.get(batch).get();
                triples += model.size();
                bulkLoad(database, model);
                progress.record(batch + 1);
                if ((batch + 1) % 10 == 0 || batch + 1 == batches.size()) {
                    LOG.info("graph: {}/{} batches loaded, {} triples this run, {} s", batch + 1, batches.size(), triples,
                            (System.nanoTime() - started) / 1_000_000_000);
                }
            }
        } finally {
            TDBInternal.expel(database);
        }
        LOG.info("graph store built: {} triples loaded in {} ms", triples, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * One batch through the parallel loader. It commits each index on its own, so a kill during a batch can leave
     * some indexes with part of it; the batch is then loaded again on resume, which adds to each index only what it
     * lacks (a triple is stored once however often it is added).
     */
    private static void bulkLoad(DatasetGraph database, Model model) {
        DataLoader loader = LoaderFactory.parallelLoader(database, (format, args) -> LOG.debug(String.format(format, args)));
        loader.startBulk();
        try {
            StreamRDF stream = loader.stream();
            model.getGraph().find().forEachRemaining(stream::triple);
            loader.finishBulk();
        } catch (RuntimeException e) {
            loader.finishException(e);
            throw e;
        }
    }
}
