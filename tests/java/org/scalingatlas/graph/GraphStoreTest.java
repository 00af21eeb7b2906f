package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
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

    @Test
    void should_load_the_corpus_in_batches_to_the_same_graph_as_one_model() {
        Corpus corpus = Corpus.load(Path.of("tests/fixtures/corpus-mini"));
        Ontology ontology = Ontology.load(Path.of("ontology"));
        List<Supplier<Model>> batches = CorpusGraph.batches(corpus, ontology.vocabulary(), 1);
        assertEquals(1 + 2 + 3, batches.size(), "vocabulary and laws, then one batch per paper and per note");
        Dataset loaded = GraphStore.persistent(data, "fingerprint-a", batches);
        try {
            Model whole = KnowledgeGraph.model(corpus, ontology);
            assertTrue(Txn.calculateRead(loaded, () -> loaded.getDefaultModel().isIsomorphicWith(whole)), "the same triples as the one-model build");
        } finally {
            TDBInternal.expel(loaded.asDatasetGraph());
        }
    }

    @Test
    void should_resume_a_load_killed_part_way_and_serve_the_previous_store_meanwhile() {
        Dataset first = GraphStore.persistent(data, "fingerprint-a", () -> model(3));
        TDBInternal.expel(first.asDatasetGraph());

        AtomicInteger made = new AtomicInteger();
        List<Supplier<Model>> dying = batches(6, made, 4);
        assertThrows(IllegalStateException.class, () -> GraphStore.persistent(data, "fingerprint-b", dying));
        assertEquals(5, made.get(), "four batches loaded, the fifth died");
        Dataset previous = GraphStore.persistent(data, "fingerprint-a", () -> {
            throw new AssertionError("the previous store must be served as it is");
        });
        assertEquals(3, size(previous), "the previous store, whole, while the new one is unfinished");
        TDBInternal.expel(previous.asDatasetGraph());

        made.set(0);
        Dataset resumed = GraphStore.persistent(data, "fingerprint-b", batches(6, made, -1));
        assertEquals(2, made.get(), "only the batches after the last one recorded are made and loaded");
        Model uninterrupted = ModelFactory.createDefaultModel();
        batches(6, new AtomicInteger(), -1).forEach(batch -> uninterrupted.add(batch.get()));
        assertTrue(Txn.calculateRead(resumed, () -> resumed.getDefaultModel().isIsomorphicWith(uninterrupted)));
        TDBInternal.expel(resumed.asDatasetGraph());
        assertTrue(Files.notExists(data.resolve(GraphStore.FOLDER + ".building")), "the completed load took the served place");
    }

    /** {@code count} batches of 10 triples each; the one at {@code dieAt} (0-based) throws, as a crash would stop the load. */
    private static List<Supplier<Model>> batches(int count, AtomicInteger made, int dieAt) {
        List<Supplier<Model>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            int batch = b;
            batches.add(() -> {
                made.incrementAndGet();
                if (batch == dieAt) {
                    throw new IllegalStateException("injected crash in batch " + batch);
                }
                Model model = ModelFactory.createDefaultModel();
                for (int i = 0; i < 10; i++) {
                    model.add(model.createResource("urn:batch" + batch + ":s" + i), model.createProperty("urn:p"), "o" + i);
                }
                return model;
            });
        }
        return batches;
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
