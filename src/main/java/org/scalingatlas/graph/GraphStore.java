package org.scalingatlas.graph;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.scalingatlas.corpus.DerivedFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the graph lives: in memory (tests, one-shot commands), or a TDB2 database in the data folder that is kept
 * while the corpus fingerprint it was built from still matches, and otherwise rebuilt beside it and swapped in.
 */
public final class GraphStore {

    private static final Logger LOG = LoggerFactory.getLogger(GraphStore.class);
    static final String FOLDER = "graph";
    static final String FINGERPRINT = DerivedFolder.STAMP;
    private static final String DATABASE = "tdb2";

    private GraphStore() {
    }

    public static Dataset inMemory(Model content) {
        Dataset dataset = DatasetFactory.createTxnMem();
        Txn.executeWrite(dataset, () -> dataset.getDefaultModel().add(content));
        return dataset;
    }

    /** Opens the persisted graph, first rebuilding it from {@code content} when {@code fingerprint} has changed. */
    public static Dataset persistent(Path dataDir, String fingerprint, Supplier<Model> content) {
        Path dir = DerivedFolder.ensure(dataDir, FOLDER, fingerprint, fresh -> {
            long started = System.nanoTime();
            Model model = content.get();
            Dataset dataset = TDB2Factory.connectDataset(fresh.resolve(DATABASE).toString());
            Txn.executeWrite(dataset, () -> dataset.getDefaultModel().add(model));
            TDBInternal.expel(dataset.asDatasetGraph());
            LOG.info("graph store rebuilt: {} triples in {} ms", model.size(), (System.nanoTime() - started) / 1_000_000);
        });
        return TDB2Factory.connectDataset(dir.resolve(DATABASE).toString());
    }
}
