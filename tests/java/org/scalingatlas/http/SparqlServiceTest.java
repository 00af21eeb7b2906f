package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.config.AtlasConfig;

/**
 * SPARQL {@code SERVICE} over the real server: without an allow-list no request ever leaves, in any form a query can
 * take and by any way it can be sent; with one, only the listed endpoint is called, and a slow or flooding endpoint
 * is cut at the query's limits without leaving the service busy.
 */
@Slow
class SparqlServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    @TempDir
    static Path data;

    private static Atlas fixture;

    @BeforeAll
    static void open() {
        fixture = TestAtlas.open(TestAtlas.FIXTURE_CORPUS, data);
    }

    /** The fixture application with these SPARQL settings. */
    static Atlas withSparql(Atlas base, List<String> allow, long maxResultBytes) {
        AtlasConfig.Sparql settings = new AtlasConfig.Sparql(TIMEOUT, 1000, "", allow, maxResultBytes);
        return new Atlas(base.config().withSparql(settings), base.corpus(), base.graph(), base.graph().sparqlEndpoint(settings, 4),
                base.index(), base.pipeline(), base.laws(), base.fingerprint());
    }

    /** Every form of SERVICE the issue lists, aimed at {@code url}. */
    static List<String> serviceForms(String url) {
        String u = "<" + url + ">";
        return List.of(
                "SELECT ?x WHERE { SERVICE " + u + " { ?x ?y ?z } }",
                "SELECT ?x WHERE { SERVICE SILENT " + u + " { ?x ?y ?z } }",
                "SELECT ?x WHERE { BIND(" + u + " AS ?e) SERVICE ?e { ?x ?y ?z } }",
                "SELECT ?x WHERE { VALUES ?e { " + u + " } SERVICE SILENT ?e { ?x ?y ?z } }",
                "SELECT ?s WHERE { ?s ?p ?o OPTIONAL { SERVICE " + u + " { ?s ?y ?z } } } LIMIT 3",
                "SELECT ?s WHERE { ?s ?p ?o MINUS { SERVICE " + u + " { ?s ?y ?z } } } LIMIT 3",
                "SELECT ?s WHERE { { ?s ?p ?o } UNION { SERVICE " + u + " { ?s ?y ?z } } } LIMIT 3",
                "SELECT ?x WHERE { { SELECT ?x WHERE { SERVICE " + u + " { ?x ?y ?z } } } }",
                "SELECT ?s WHERE { ?s ?p ?o FILTER EXISTS { SERVICE " + u + " { ?s ?y ?z } } } LIMIT 3",
                "SELECT ?s WHERE { ?s ?p ?o FILTER NOT EXISTS { SERVICE " + u + " { ?s ?y ?z } } } LIMIT 3",
                "SELECT (EXISTS { SERVICE " + u + " { ?a ?b ?c } } AS ?e) WHERE { }",
                "SELECT ?s WHERE { GRAPH ?g { SERVICE " + u + " { ?s ?y ?z } } }",
                "CONSTRUCT { ?x ?y ?z } WHERE { SERVICE " + u + " { ?x ?y ?z } }",
                "ASK { SERVICE " + u + " { ?x ?y ?z } }",
                "DESCRIBE ?x WHERE { SERVICE " + u + " { ?x ?y ?z } }");
    }

    @Test
    void should_refuse_service_in_every_form_and_method_with_nothing_leaving_the_server() throws Exception {
        try (ServiceListener listener = new ServiceListener(ServiceListener.Mode.ANSWER);
                Loopback api = new Loopback(AtlasServer.create(fixture.services()).start("127.0.0.1", 0))) {
            for (String query : serviceForms(listener.url())) {
                for (HttpResponse<String> response : sendEveryWay(api, query)) {
                    assertRefused(response, 400, "SERVICE", query);
                    assertTrue(error(response).contains("sparql.service.allow"), response.body());
                }
            }
            assertRefused(api.get("/sparql?query=" + encode("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?x ?y ?z } }")), 400, "SERVICE <file:///etc/passwd>", "file");
            for (String from : List.of("SELECT * FROM <" + listener.url() + "> WHERE { ?s ?p ?o }",
                    "SELECT * FROM NAMED <" + listener.url() + "> WHERE { GRAPH ?g { ?s ?p ?o } }")) {
                for (HttpResponse<String> response : sendEveryWay(api, from)) {
                    assertRefused(response, 400, "FROM", from);
                }
            }
            String plain = encode("SELECT * WHERE { ?s ?p ?o } LIMIT 1");
            for (String dataset : List.of("default-graph-uri", "named-graph-uri")) {
                assertRefused(api.get("/sparql?query=" + plain + "&" + dataset + "=" + encode(listener.url())), 400, dataset, dataset);
                assertRefused(api.post("/sparql", "application/x-www-form-urlencoded", "query=" + plain + "&" + dataset + "=" + encode(listener.url())), 400, dataset, dataset);
            }
            assertEquals(0, listener.connections(), "no request may leave the server");
        }
    }

    @Test
    void should_refuse_at_run_time_a_variable_endpoint_bound_off_the_allow_list_even_when_silent() throws Exception {
        try (ServiceListener allowed = new ServiceListener(ServiceListener.Mode.ANSWER);
                ServiceListener other = new ServiceListener(ServiceListener.Mode.ANSWER);
                Loopback api = new Loopback(AtlasServer.create(withSparql(fixture, List.of(allowed.url()), 1 << 20).services()).start("127.0.0.1", 0))) {
            HttpResponse<String> fine = api.get("/sparql?query=" + encode("SELECT ?x WHERE { SERVICE <" + allowed.url() + "> { ?x ?y ?z } }"));
            assertEquals(200, fine.statusCode(), fine.body());
            assertTrue(fine.body().contains("urn:remote:answer"), fine.body());
            for (String query : List.of(
                    "SELECT ?x WHERE { VALUES ?e { <" + other.url() + "> } SERVICE ?e { ?x ?y ?z } }",
                    "SELECT ?x WHERE { BIND(IRI(CONCAT(\"http://127.0.0.1:\", \"" + other.url().substring("http://127.0.0.1:".length()) + "\")) AS ?e) SERVICE SILENT ?e { ?x ?y ?z } }",
                    "SELECT ?x WHERE { SERVICE <" + other.url() + "> { ?x ?y ?z } }")) {
                for (HttpResponse<String> response : sendEveryWay(api, query)) {
                    assertRefused(response, 400, "SERVICE", query);
                }
            }
            assertEquals(0, other.connections(), "nothing reached the endpoint off the list");
        }
    }

    @Test
    void should_cut_a_silent_or_trickling_allowed_endpoint_at_the_time_limit_and_release_the_service() throws Exception {
        for (ServiceListener.Mode mode : List.of(ServiceListener.Mode.SILENT, ServiceListener.Mode.TRICKLE)) {
            try (ServiceListener slow = new ServiceListener(mode);
                    Loopback api = new Loopback(AtlasServer.create(withSparql(fixture, List.of(slow.url()), 1 << 20).services()).start("127.0.0.1", 0))) {
                String query = "/sparql?query=" + encode("SELECT ?x WHERE { SERVICE <" + slow.url() + "> { ?x ?y ?z } }");
                for (int i = 0; i < 6; i++) { // more than the four queries that may run at once
                    long started = System.nanoTime();
                    HttpResponse<String> response = api.get(query);
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertRefused(response, 503, "ran longer than " + TIMEOUT.toMillis() + " ms", mode.name());
                    assertTrue(millis < TIMEOUT.toMillis() + 1500, mode + ": answered after " + millis + " ms");
                }
                HttpResponse<String> after = api.get("/sparql?query=" + encode("ASK { ?s ?p ?o }"));
                assertEquals(200, after.statusCode(), mode + ": the service is not left busy: " + after.body());
                assertEquals(6, slow.connections(), mode + ": one call per query");
            }
        }
    }

    @Test
    void should_read_no_more_of_an_allowed_endpoints_answer_than_the_result_bound() throws Exception {
        try (ServiceListener flood = new ServiceListener(ServiceListener.Mode.FLOOD);
                Loopback api = new Loopback(AtlasServer.create(withSparql(fixture, List.of(flood.url()), 4096).services()).start("127.0.0.1", 0))) {
            HttpResponse<String> response = api.get("/sparql?query=" + encode("SELECT ?x WHERE { SERVICE <" + flood.url() + "> { ?x ?y ?z } }"));
            assertRefused(response, 422, "more than 4096 bytes", "flood");
        }
    }

    private static List<HttpResponse<String>> sendEveryWay(Loopback api, String query) throws Exception {
        return List.of(api.get("/sparql?query=" + encode(query)),
                api.post("/sparql", "application/sparql-query", query),
                api.post("/sparql", "application/x-www-form-urlencoded", "query=" + encode(query)));
    }

    static void assertRefused(HttpResponse<String> response, int status, String mention, String what) throws Exception {
        assertEquals(status, response.statusCode(), what + " -> " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
        assertTrue(error(response).contains(mention), what + " -> " + response.body());
    }

    static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.size(), response.body());
        return body.get("error").asText();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
