package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;

/**
 * The graph served by a real SPARQL server: a Fuseki started here on a free port, loaded with the corpus graph;
 * the application configured with {@code sparql.remote.url} answers traces, neighbours and SPARQL from it exactly
 * as from its local store.
 */
@Slow
class RemoteGraphTest {

    private static FusekiServer fuseki;
    private static Atlas remote;
    private static Atlas local;

    @BeforeAll
    static void start() throws Exception {
        local = TestAtlas.real();
        Corpus corpus = local.corpus();
        Dataset dataset = DatasetFactory.createTxnMem();
        dataset.getDefaultModel().add(KnowledgeGraph.model(corpus, Ontology.load(Path.of("ontology"))));
        fuseki = FusekiServer.create().port(0).loopback(true).add("/atlas", dataset, false).build().start();
        String endpoint = "http://127.0.0.1:" + fuseki.getPort() + "/atlas/query";
        remote = Atlas.open(TestAtlas.config(TestAtlas.REAL_CORPUS, TestAtlas.scratch("atlas-remote-")).withSparqlRemote(endpoint),
                KnowledgeGraph.Storage.IN_MEMORY);
    }

    @AfterAll
    static void stop() {
        if (fuseki != null) {
            fuseki.stop();
        }
    }

    @Test
    void should_trace_every_note_from_the_remote_server_as_from_the_local_store() {
        assertEquals(local.graph().triples(), remote.graph().triples());
        for (Note note : local.corpus().notes()) {
            assertEquals(local.graph().trace(note.id()), remote.graph().trace(note.id()), note.id());
        }
        assertEquals(local.graph().allNeighbours(), remote.graph().allNeighbours());
        assertEquals(local.graph().axes(), remote.graph().axes());
    }

    @Test
    void should_answer_a_question_and_a_sparql_query_through_the_remote_server() {
        String question = "How many epochs of repeated data can a language model train on before extra epochs stop helping?";
        assertEquals(local.pipeline().ask(question).notes(), remote.pipeline().ask(question).notes());
        String body = new String(remote.sparql().query("SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://scalingatlas.org/ontology#Law> }", "text/csv").body(),
                StandardCharsets.UTF_8);
        assertTrue(body.contains(String.valueOf(local.corpus().laws().size())), body);
    }

    @Test
    void should_refuse_to_start_when_the_remote_server_cannot_be_queried() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KnowledgeGraph.remote("http://127.0.0.1:9/atlas/query"));
        assertTrue(e.getMessage().contains("cannot be queried"), e.getMessage());
    }
}
