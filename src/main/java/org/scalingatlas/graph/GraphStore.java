package org.scalingatlas.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the graph lives: in memory (tests, one-shot commands), or a TDB2 database in the data folder that is kept
 * while the corpus fingerprint it was built from still matches, and otherwise rebuilt beside it and swapped in.
 */
public final class GraphStore {

    private static final Logger LOG = LoggerFactory.getLogger(GraphStore.class);
    static final String FOLDER = "graph";
    static final String FINGERPRINT = "FINGERPRINT";
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
        Path dir = dataDir.resolve(FOLDER);
        try {
            if (!fingerprint.equals(storedFingerprint(dir))) {
                rebuild(dataDir, dir, fingerprint, content.get());
            } else {
                LOG.info("graph store {} is up to date", dir);
            }
            return TDB2Factory.connectDataset(dir.resolve(DATABASE).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the graph store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void rebuild(Path dataDir, Path dir, String fingerprint, Model content) throws IOException {
        long started = System.nanoTime();
        Files.createDirectories(dataDir);
        Path fresh = Files.createTempDirectory(dataDir, FOLDER + ".new-");
        Dataset dataset = TDB2Factory.connectDataset(fresh.resolve(DATABASE).toString());
        Txn.executeWrite(dataset, () -> dataset.getDefaultModel().add(content));
        TDBInternal.expel(dataset.asDatasetGraph());
        Files.writeString(fresh.resolve(FINGERPRINT), fingerprint, StandardCharsets.UTF_8);
        Path old = dataDir.resolve(FOLDER + ".old");
        deleteRecursively(old);
        if (Files.exists(dir)) {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
        LOG.info("graph store {} rebuilt: {} triples in {} ms", dir, content.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static String storedFingerprint(Path dir) throws IOException {
        Path file = dir.resolve(FINGERPRINT);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
