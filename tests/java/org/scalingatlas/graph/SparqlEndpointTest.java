package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;

class SparqlEndpointTest {

    private static final String PREFIXES = "PREFIX atlas: <https://scalingatlas.org/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> ";
    private static final String HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";

    @TempDir
    static Path data;

    private static Atlas atlas;

    @BeforeAll
    static void open() {
        atlas = TestAtlas.open(TestAtlas.FIXTURE_CORPUS, data);
    }

    private static SparqlEndpoint endpoint(Duration timeout, int limit) {
        return atlas.graph().sparqlEndpoint(timeout, limit, 2);
    }

    private static String text(SparqlEndpoint.Response response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    @Test
    void should_answer_select_in_the_format_the_client_accepts() {
        String query = PREFIXES + "SELECT ?id WHERE { ?p a atlas:Paper ; dcterms:identifier ?id } ORDER BY ?id";
        SparqlEndpoint sparql = endpoint(Duration.ofSeconds(5), 100);
        SparqlEndpoint.Response json = sparql.query(query, null);
        assertEquals("application/sparql-results+json", json.contentType());
        assertTrue(text(json).contains("\"value\": \"compute-optimal-study\""), text(json));
        SparqlEndpoint.Response csv = sparql.query(query, "text/csv");
        assertEquals("id\r\ncompute-optimal-study\r\nsampling-ceiling-study\r\n", text(csv));
        assertTrue(text(sparql.query(query, "application/sparql-results+xml;q=0.9, text/html")).contains("<sparql"));
        assertEquals("text/turtle", sparql.query("CONSTRUCT WHERE { ?s a ?t } LIMIT 1", "text/turtle, */*").contentType());
        assertEquals("application/sparql-results+json", sparql.query("ASK { ?s ?p ?o }", "*/*").contentType());
    }

    @Test
    void should_refuse_updates_syntax_errors_and_unsupported_formats_with_their_status() {
        SparqlEndpoint sparql = endpoint(Duration.ofSeconds(5), 100);
        assertEquals(403, assertThrows(SparqlEndpoint.Refusal.class, () -> sparql.query("INSERT DATA { <urn:a> <urn:b> <urn:c> }", null)).status());
        assertEquals(403, assertThrows(SparqlEndpoint.Refusal.class, () -> sparql.query("DELETE WHERE { ?s ?p ?o }", null)).status());
        SparqlEndpoint.Refusal syntax = assertThrows(SparqlEndpoint.Refusal.class, () -> sparql.query("SELEKT * WHERE {}", null));
        assertEquals(400, syntax.status());
        assertTrue(syntax.getMessage().startsWith("not a valid SPARQL query"), syntax.getMessage());
        assertEquals(400, assertThrows(SparqlEndpoint.Refusal.class, () -> sparql.query("  ", null)).status());
        assertEquals(406, assertThrows(SparqlEndpoint.Refusal.class, () -> sparql.query("SELECT * WHERE { ?s ?p ?o }", "image/png")).status());
        assertTrue(text(sparql.query(PREFIXES + "ASK { ?p a atlas:Paper }", null)).contains("true"), "the data is unchanged");
    }

    @Test
    void should_cap_the_number_of_results_and_say_so() {
        SparqlEndpoint sparql = endpoint(Duration.ofSeconds(5), 3);
        SparqlEndpoint.Response capped = sparql.query("SELECT ?s WHERE { ?s ?p ?o }", "text/csv");
        assertEquals(1 + 3, text(capped).split("\r\n").length);
        assertTrue(capped.limited());
        SparqlEndpoint.Response small = sparql.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", "text/csv");
        assertFalse(small.limited());
    }

    @Test
    void should_stop_a_query_that_runs_past_the_timeout() {
        SparqlEndpoint sparql = endpoint(Duration.ofMillis(300), 100);
        long started = System.nanoTime();
        SparqlEndpoint.Refusal refusal = assertThrows(SparqlEndpoint.Refusal.class, () -> sparql.query(HEAVY, null));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, refusal.status());
        assertTrue(refusal.getMessage().contains("longer than 300 ms"), refusal.getMessage());
        assertTrue(millis < 10_000, "stopped near the limit, not after the whole cross product: " + millis + " ms");
    }

    @Test
    void should_choose_the_media_type_by_quality_then_order() {
        assertEquals("text/csv", SparqlEndpoint.negotiate("application/json;q=0.5, text/csv", true));
        assertEquals("application/json", SparqlEndpoint.negotiate("application/json, text/csv", true));
        assertEquals("application/ld+json", SparqlEndpoint.negotiate("text/html, application/ld+json;q=0.8", false));
        assertEquals("text/turtle", SparqlEndpoint.negotiate("text/*", false));
        assertEquals(406, assertThrows(SparqlEndpoint.Refusal.class, () -> SparqlEndpoint.negotiate("text/csv;q=0", true)).status());
    }
}
