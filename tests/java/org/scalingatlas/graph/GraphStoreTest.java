package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphStoreTest {

    @TempDir
    Path data;

    @Test
    void should_reuse_the_store_while_the_fingerprint_matches_and_rebuild_when_it_changes() throws Exception {
        Dataset first = GraphStore.persistent(data, "fingerprint-a", () -> model(3));
        assertEquals(3, size(first));
        TDBInternal.expel(first.asDatasetGraph());

        Dataset reused = GraphStore.persistent(data, "fingerprint-a", () -> {
            throw new AssertionError("an up-to-date store must not be rebuilt");
        });
        assertEquals(3, size(reused));
        TDBInternal.expel(reused.asDatasetGraph());

        Dataset rebuilt = GraphStore.persistent(data, "fingerprint-b", () -> model(5));
        assertEquals(5, size(rebuilt));
        TDBInternal.expel(rebuilt.asDatasetGraph());
        assertTrue(Files.exists(data.resolve(GraphStore.FOLDER).resolve(GraphStore.FINGERPRINT)));
        try (var leftovers = Files.list(data)) {
            assertEquals(1, leftovers.filter(f -> !f.getFileName().toString().startsWith(".")).count(), "no half-built or old store left behind");
        }
    }

    private static Model model(int triples) {
        Model model = ModelFactory.createDefaultModel();
        for (int i = 0; i < triples; i++) {
            model.add(model.createResource("urn:s" + i), model.createProperty("urn:p"), "o" + i);
        }
        return model;
    }

    private static long size(Dataset dataset) {
        return Txn.calculateRead(dataset, () -> dataset.getDefaultModel().size());
    }
}
