package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalingatlas.FuzzSeed;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;

/**
 * Query shapes that broke the endpoint in issue #13, generated: deep expressions, long {@code ||}/{@code &&} chains,
 * many UNION branches, nested subqueries, and SERVICE in random positions. Whatever the shape, the answer is a
 * result, a 4xx or the timeout's 503, always in the JSON error shape, and nothing reaches the SERVICE target.
 */
@Slow
class SparqlShapeFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Loopback api;
    private static ServiceListener target;

    @BeforeContainer
    static void start() throws Exception {
        target = new ServiceListener(ServiceListener.Mode.ANSWER);
        api = new Loopback(AtlasServer.create(SparqlServiceTest.withSparql(
                TestAtlas.open(TestAtlas.FIXTURE_CORPUS, TestAtlas.scratch("sparql-fuzz-")), List.of(), 1 << 20).services()).start("127.0.0.1", 0));
    }

    @AfterContainer
    static void stop() throws Exception {
        api.close();
        int leaked = target.connections();
        target.close();
        assertEquals(0, leaked, "no SERVICE request left the server");
    }

    /** One generated query: an expression, a UNION, nested subqueries, and maybe a SERVICE somewhere. */
    record Shape(String form, String expression, int unions, int subqueries, String service, boolean get) {
        String query() {
            String pattern = "?s ?p ?o";
            if (unions > 1) {
                pattern = "{ ?s ?p ?o } UNION ".repeat(unions - 1) + "{ ?s ?p ?o }";
            }
            pattern = pattern + " BIND((" + expression + ") AS ?x) " + service;
            for (int i = 0; i < subqueries; i++) {
                pattern = "{ SELECT * WHERE { " + pattern + " } LIMIT 5 }";
            }
            return form + " WHERE { " + pattern + " }";
        }
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE, edgeCases = EdgeCasesMode.NONE)
    void any_shape_is_answered_refused_or_timed_out_cleanly(@ForAll("shapes") Shape shape) throws Exception {
        String query = shape.query();
        HttpResponse<String> response = shape.get() && query.length() < 4000
                ? api.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                : api.post("/sparql", "application/sparql-query", query);
        int status = response.statusCode();
        Statistics.label("status").collect(status);
        Statistics.label("refusal").collect(status == 400 ? refusalKind(response.body()) : "-");
        String what = status + " for " + (query.length() > 300 ? query.substring(0, 300) + "…" : query) + " -> " + response.body();
        assertTrue(status < 500 || status == 503, what);
        assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"), what);
        if (status >= 400) {
            JsonNode error = JSON.readTree(response.body());
            assertEquals(1, error.size(), what);
            assertTrue(error.get("error").isTextual() && !error.get("error").asText().isBlank(), what);
            if (status == 503) {
                assertTrue(error.get("error").asText().contains("ran longer than") || error.get("error").asText().contains("busy"), what);
            }
        }
        if (!shape.service().isEmpty()) {
            assertEquals(400, status, what); // for SERVICE, or for a depth found before it
        }
    }

    private static String refusalKind(String body) {
        for (String kind : List.of("SERVICE", "UNION of", "nested", "terms", "not a valid")) {
            if (body.contains(kind)) {
                return kind;
            }
        }
        return "other";
    }

    @Provide
    Arbitrary<Shape> shapes() {
        Arbitrary<String> forms = Arbitraries.of("SELECT *", "SELECT ?s ?x", "ASK", "CONSTRUCT { ?s ?p ?x }", "DESCRIBE ?s", "SELECT (COUNT(*) AS ?n)");
        Arbitrary<String> operators = Arbitraries.of("+", "*", "-", "||", "&&", "=", "<");
        Arbitrary<String> chains = Combinators.combine(operators, Arbitraries.integers().between(0, 6000))
                .as((op, n) -> "1" + (" " + op + " 1").repeat(n));
        Arbitrary<String> nested = Combinators.combine(operators, Arbitraries.integers().between(0, 3000))
                .as((op, n) -> "(".repeat(n) + "1" + (" " + op + " 1)").repeat(n));
        Arbitrary<String> functions = Arbitraries.integers().between(0, 2000).map(n -> "STRLEN(".repeat(n) + "\"x\"" + ")".repeat(n));
        Arbitrary<String> expressions = Arbitraries.oneOf(chains, nested, functions);
        Arbitrary<Integer> unions = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(1, 20)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(20, 6000)));
        Arbitrary<Integer> subqueries = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 5)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(5, 400)));
        Arbitrary<String> services = Arbitraries.oneOf(Arbitraries.just(""), serviceClauses());
        return Combinators.combine(forms, expressions, unions, subqueries, services, Arbitraries.of(true, false)).as(Shape::new);
    }

    /** SERVICE to the counting listener, constant or variable, silent or not, in one of the places a pattern can be. */
    private Arbitrary<String> serviceClauses() {
        Arbitrary<String> endpoint = Arbitraries.of("<" + target.url() + ">", "?e");
        Arbitrary<String> call = Combinators.combine(Arbitraries.of("", "SILENT "), endpoint)
                .as((silent, e) -> (e.equals("?e") ? "VALUES ?e { <" + target.url() + "> } " : "") + "SERVICE " + silent + e + " { ?s ?y ?z }");
        return Combinators.combine(call, Arbitraries.of("%s", "OPTIONAL { %s }", "MINUS { %s }", "{ ?s ?p ?o } UNION { %s }",
                "{ SELECT ?s WHERE { %s } }", "FILTER EXISTS { %s }", "FILTER NOT EXISTS { %s }", "GRAPH ?g { %s }",
                "BIND(EXISTS { %s } AS ?b)")).as((c, place) -> place.formatted(c));
    }
}
