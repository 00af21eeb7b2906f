package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.Vocabulary;

/**
 * The graph downloaded and resolved over real HTTP: each dump, loaded into a fresh Jena model, is isomorphic to the
 * graph built from the corpus and ontology files; each kind of record IRI resolves by content negotiation.
 */
class GraphApiTest {

    private static Loopback api;
    private static Model expected;

    @BeforeAll
    static void start() {
        Atlas atlas = TestAtlas.real();
        api = Loopback.real();
        expected = KnowledgeGraph.model(atlas.corpus(), Ontology.load(atlas.config().ontologyDir()));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @CsvSource({"/graph.ttl, text/turtle, TURTLE", "/graph.jsonld, application/ld+json, JSONLD"})
    void should_dump_the_whole_graph_isomorphic_to_the_one_built_from_the_files(String path, String type, String lang) throws Exception {
        HttpResponse<byte[]> response = api.bytes(path, "*/*");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(type));
        Model loaded = ModelFactory.createDefaultModel();
        RDFDataMgr.read(loaded, new ByteArrayInputStream(response.body()), Map.of("TURTLE", Lang.TURTLE, "JSONLD", Lang.JSONLD).get(lang));
        assertEquals(expected.size(), loaded.size());
        assertTrue(loaded.isIsomorphicWith(expected), "the dump is the graph");
    }

    @ParameterizedTest
    @CsvSource({"note", "paper", "law", "axis", "ceiling"})
    void should_resolve_a_record_iri_to_its_triples_or_its_page(String kind) throws Exception {
        Resource iri = expected.listSubjects().filterKeep(s -> s.isURIResource() && s.getURI().startsWith(Vocabulary.ID + kind + "/")
                && Vocabulary.parse(s.getURI()).map(m -> s.getURI().equals(Vocabulary.ID + kind + "/" + m.id())).orElse(false)).next();
        String path = iri.getURI().substring("https://scalingatlas.org".length());

        HttpResponse<byte[]> turtle = api.bytes(path, "text/turtle");
        assertEquals(200, turtle.statusCode());
        Model record = ModelFactory.createDefaultModel();
        RDFDataMgr.read(record, new ByteArrayInputStream(turtle.body()), Lang.TURTLE);
        assertEquals(expected.listStatements(iri, null, (org.apache.jena.rdf.model.RDFNode) null).toSet(),
                record.listStatements(iri, null, (org.apache.jena.rdf.model.RDFNode) null).toSet(), "every triple of " + iri);
        assertTrue(record.listSubjects().toList().stream().allMatch(s -> s.getURI().startsWith(iri.getURI())), "only the record's own");

        HttpResponse<byte[]> jsonld = api.bytes(path, "application/ld+json");
        assertTrue(jsonld.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"));
        Model fromJsonLd = ModelFactory.createDefaultModel();
        RDFDataMgr.read(fromJsonLd, new ByteArrayInputStream(jsonld.body()), Lang.JSONLD);
        assertTrue(fromJsonLd.isIsomorphicWith(record));

        HttpResponse<byte[]> browser = api.bytes(path, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        assertEquals(303, browser.statusCode());
        assertEquals("/" + kind + "/" + Vocabulary.parse(iri.getURI()).orElseThrow().id(), browser.headers().firstValue("Location").orElse(""));
    }

    @Test
    void should_refuse_unknown_records_kinds_and_formats_in_the_error_shape() throws Exception {
        assertEquals(404, api.bytes("/id/note/no-such-note", "text/turtle").statusCode());
        HttpResponse<byte[]> kind = api.bytes("/id/gizmo/x", "text/turtle");
        assertEquals(404, kind.statusCode());
        assertTrue(new String(kind.body()).contains("no kind of record is called 'gizmo'"));
        assertEquals(406, api.bytes("/id/note/" + TestAtlas.real().corpus().notes().get(0).id(), "image/png").statusCode());
        assertFalse(new String(api.bytes("/id/note/no-such-note", "text/turtle").body()).contains("Exception"));
    }
}
