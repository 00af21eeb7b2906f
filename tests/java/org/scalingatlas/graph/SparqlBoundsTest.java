package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Slow;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.TestAtlas;

/** What one SPARQL query may cost: each input from issue #13 answered with a 4xx naming the problem, a 503 at the limit, or a correct result. */
@Slow
class SparqlBoundsTest {

    private static final Duration LIMIT = Duration.ofMillis(800);
    /** Catastrophic backtracking: (.*a){12} over 5,000 characters ran more than 160 s in one call before. */
    private static final String BOMB_TEXT = "\"" + "a".repeat(5000) + "!\"";
    private static final String BOMB = "\"(.*a){12}$\"";

    @TempDir
    static Path data;

    private static KnowledgeGraph memory;
    private static KnowledgeGraph tdb2;

    @BeforeAll
    static void open() {
        Corpus corpus = Corpus.load(TestAtlas.FIXTURE_CORPUS);
        Ontology ontology = Ontology.load(Path.of("ontology"));
        memory = KnowledgeGraph.open(corpus, ontology, KnowledgeGraph.Storage.IN_MEMORY, null, "fixture");
        tdb2 = KnowledgeGraph.open(corpus, ontology, KnowledgeGraph.Storage.PERSISTENT, data, "fixture");
    }

    private static SparqlEndpoint endpoint(KnowledgeGraph graph, long maxResultBytes) {
        return graph.sparqlEndpoint(new AtlasConfig.Sparql(LIMIT, 1000, "", List.of(), maxResultBytes), 2);
    }

    private static String csv(String query) {
        return new String(endpoint(memory, 1 << 20).query(query, "text/csv").body(), StandardCharsets.UTF_8);
    }

    private static SparqlEndpoint.Refusal refused(String query) {
        return assertThrows(SparqlEndpoint.Refusal.class, () -> endpoint(memory, 1 << 20).query(query, "text/csv"));
    }

    private static void assertRefused(int status, String mention, String query) {
        SparqlEndpoint.Refusal refusal = refused(query);
        assertEquals(status, refusal.status(), refusal.getMessage());
        assertTrue(refusal.getMessage().contains(mention), refusal.getMessage());
    }

    @Test
    void should_refuse_deep_or_huge_queries_with_a_400_naming_the_problem() {
        assertRefused(400, "nested more than 128 levels", "SELECT ?x WHERE { BIND(1" + "+1".repeat(10_000) + " AS ?x) }");
        assertRefused(400, "nested more than 128 levels", "ASK { FILTER(" + "?a || ".repeat(5_000) + "?a) }");
        assertRefused(400, "nested more than 128 levels", "ASK { FILTER(" + "?a && ".repeat(5_000) + "?a) }");
        assertRefused(400, "UNION of 5000 branches", "SELECT * WHERE { " + "{ ?s ?p ?o } UNION ".repeat(4_999) + "{ ?s ?p ?o } }");
        assertRefused(400, "nested", "SELECT * WHERE " + "{ ".repeat(5_000) + "?s ?p ?o" + " }".repeat(5_000));
        assertRefused(400, "nested", "SELECT ?x WHERE { BIND(" + "(".repeat(20_000) + "1" + ")".repeat(20_000) + " AS ?x) }");
        assertRefused(400, "nested more than 128 levels", "SELECT * WHERE { ?s " + "<urn:p>/".repeat(3_000) + "<urn:p> ?o }");
        String subqueries = "?s ?p ?o";
        for (int i = 0; i < 100; i++) {
            subqueries = "{ SELECT * WHERE { " + subqueries + " } }";
        }
        assertRefused(400, "nested more than 128 levels", "SELECT * WHERE { " + subqueries + " }");
        assertRefused(400, "more than 20000 terms", "SELECT ?x WHERE { VALUES ?x { 1 } FILTER(?x IN (" + "1, ".repeat(25_000) + "1)) }");
        assertEquals("n\r\n3\r\n", csv("SELECT (1" + "+1".repeat(2) + " AS ?n) WHERE { }"), "a modest expression still answers");
        assertEquals("s\r\nurn:a\r\n", csv("SELECT ?s WHERE { " + "{ BIND(<urn:a> AS ?s) } UNION ".repeat(1) + "{ BIND(<urn:a> AS ?s) FILTER(false) } }"));
    }

    @Test
    void should_stop_a_catastrophic_regex_at_the_time_limit_wherever_it_stands() {
        List<String> bombs = List.of(
                "ASK { FILTER(REGEX(" + BOMB_TEXT + ", " + BOMB + ")) }",
                "SELECT ?m WHERE { BIND(REGEX(" + BOMB_TEXT + ", " + BOMB + ") AS ?m) }",
                "SELECT (REGEX(" + BOMB_TEXT + ", " + BOMB + ", \"i\") AS ?m) WHERE { }",
                "SELECT ?r WHERE { BIND(REPLACE(" + BOMB_TEXT + ", " + BOMB + ", \"x\") AS ?r) }",
                "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> ASK { FILTER(fn:matches(" + BOMB_TEXT + ", " + BOMB + ")) }",
                "SELECT * WHERE { ?s ?p ?o FILTER EXISTS { FILTER(REGEX(" + BOMB_TEXT + ", " + BOMB + ")) } }",
                "SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o FILTER(REGEX(" + BOMB_TEXT + ", " + BOMB + ")) } } }",
                "SELECT (GROUP_CONCAT(REPLACE(" + BOMB_TEXT + ", " + BOMB + ", \"x\")) AS ?g) WHERE { ?s ?p ?o }",
                "SELECT ?s WHERE { ?s ?p ?o } ORDER BY (REGEX(" + BOMB_TEXT + ", " + BOMB + "))");
        for (String query : bombs) {
            long started = System.nanoTime();
            SparqlEndpoint.Refusal refusal = refused(query);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, refusal.status(), query + " -> " + refusal.getMessage());
            assertTrue(millis < LIMIT.toMillis() + 3_000, query + " stopped after " + millis + " ms");
        }
    }

    @Test
    void should_keep_regex_replace_and_concat_correct() {
        assertEquals("m,i,r,l,c\r\ntrue,true,aXcaXc,ab-c,abc\r\n", csv("""
                SELECT ?m ?i ?r ?l ?c WHERE {
                  BIND(REGEX("Chinchilla", "^chin", "i") AS ?m) BIND(!REGEX("Chinchilla", "^chin") AS ?i)
                  BIND(REPLACE("abcabc", "b", "X") AS ?r) BIND(REPLACE("ab c", " ", "-") AS ?l) BIND(CONCAT("a", "b", "c") AS ?c) }"""));
        String json = new String(endpoint(memory, 1 << 20).query("SELECT ?r ?c WHERE { BIND(REPLACE(\"abc\"@en, \"b\", \"x\") AS ?r) BIND(CONCAT(\"a\"@en, \"b\"@en) AS ?c) }", null).body(), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"xml:lang\": \"en\" , \"value\": \"axc\"") || json.replace(" ", "").contains("\"xml:lang\":\"en\",\"value\":\"axc\""), json);
        assertEquals("r\r\nx\r\n", csv("SELECT ?r WHERE { BIND(REPLACE(\"\", \".*\", \"x\") AS ?r) }"), "Jena's one empty match");
        assertRefused(400, "not a valid SPARQL query: Regex pattern exception", "ASK { FILTER(REGEX(\"a\", \"(\")) }");
        assertEquals("n\r\n0\r\n", csv("SELECT (COUNT(*) AS ?n) WHERE { BIND(\"(\" AS ?p) FILTER(REGEX(\"a\", ?p)) }"), "a bad pattern at run time is an evaluation error, as in Jena");
        assertTrue(csv("PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?id WHERE { ?p dcterms:identifier ?id FILTER(REGEX(?id, \"^compute\")) }")
                .contains("compute-optimal-study"));
    }

    @Test
    void should_refuse_a_string_built_past_the_bound() {
        SparqlEndpoint patient = memory.sparqlEndpoint(new AtlasConfig.Sparql(Duration.ofSeconds(20), 1000, "", List.of(), 1 << 20), 1);
        for (String operator : List.of("CONCAT", "REPLACE")) {
            SparqlEndpoint.Refusal refusal = assertThrows(SparqlEndpoint.Refusal.class, () -> patient.query(doubling(12, operator), "text/csv"));
            assertEquals(400, refusal.status(), refusal.getMessage());
            assertTrue(refusal.getMessage().startsWith(operator + " built a string longer than 1048576 characters"), refusal.getMessage());
        }
        assertEquals("n\r\n" + 1000 * 1024 + "\r\n", new String(patient.query(doubling(10, "CONCAT"), "text/csv").body(), StandardCharsets.UTF_8),
                "under the bound it still builds");
        String joined = "SELECT (STRLEN(GROUP_CONCAT(%s?v)) AS ?n) WHERE { ?s ?p ?o BIND(\"" + "a".repeat(2000) + "\" AS ?v) }";
        for (String distinct : List.of("", "DISTINCT ")) {
            SparqlEndpoint.Refusal refusal = assertThrows(SparqlEndpoint.Refusal.class, () -> patient.query(joined.formatted(distinct)
                    .replace("BIND(", distinct.isEmpty() ? "BIND(" : "BIND(CONCAT(STR(?s), STR(?p), STR(?o), ").replace("\" AS ?v)", distinct.isEmpty() ? "\" AS ?v)" : "\") AS ?v)"), "text/csv"));
            assertTrue(refusal.getMessage().startsWith("GROUP_CONCAT built a string longer than 1048576 characters"), refusal.getMessage());
        }
        assertEquals("g\r\n\"a, b\"\r\n", csv("SELECT (GROUP_CONCAT(?x; SEPARATOR=\", \") AS ?g) WHERE { VALUES ?x { \"a\" \"b\" } }"));
        assertEquals("g\r\na b\r\n", csv("SELECT (GROUP_CONCAT(DISTINCT ?x) AS ?g) WHERE { VALUES ?x { \"a\" \"b\" \"a\" } }"));
    }

    @Test
    void should_refuse_an_integer_built_past_the_bound() {
        StringBuilder squaring = new StringBuilder("SELECT (STRLEN(STR(?v30)) AS ?n) WHERE { BIND(10 AS ?v0) ");
        for (int i = 1; i <= 30; i++) {
            squaring.append("BIND(?v").append(i - 1).append(" * ?v").append(i - 1).append(" AS ?v").append(i).append(") ");
        }
        assertRefused(400, "* would build an integer wider than 65536 bits", squaring + "}");
        String pow = "PREFIX math: <http://www.w3.org/2005/xpath-functions/math#> SELECT ?p WHERE { BIND(math:pow(%s, %s) AS ?p) }";
        assertRefused(400, "math:pow would build an integer wider than 65536 bits", pow.formatted("10", "2000000000"));
        assertRefused(400, "math:pow would build an integer wider than 65536 bits", pow.formatted("2", "99999999999999999999"));
        assertEquals("p\r\n1024\r\n", csv(pow.formatted("2", "10")));
        assertEquals("p\r\n0.5e0\r\n", csv(pow.formatted("2", "-1")));
        assertEquals("n,d\r\n12,7.5\r\n", csv("SELECT (3 * 4 AS ?n) (2.5 * 3 AS ?d) WHERE { }"), "products under the bound are as before");
    }

    /** A query that doubles a 1,000-character string {@code times} times, one BIND each. */
    private static String doubling(int times, String operator) {
        StringBuilder query = new StringBuilder("SELECT (STRLEN(?v" + times + ") AS ?n) WHERE { BIND(\"" + "a".repeat(1000) + "\" AS ?v0) ");
        for (int i = 1; i <= times; i++) {
            String previous = "?v" + (i - 1);
            String twice = operator.equals("CONCAT") ? "CONCAT(" + previous + ", " + previous + ")" : "REPLACE(" + previous + ", \"a\", \"aa\")";
            query.append("BIND(").append(twice).append(" AS ?v").append(i).append(") ");
        }
        return query.append("}").toString();
    }

    @Test
    void should_bound_the_serialised_result_with_a_422() {
        SparqlEndpoint small = endpoint(memory, 2048);
        SparqlEndpoint.Refusal refusal = assertThrows(SparqlEndpoint.Refusal.class, () -> small.query("SELECT * WHERE { ?s ?p ?o }", null));
        assertEquals(422, refusal.status());
        assertTrue(refusal.getMessage().contains("larger than 2048 bytes (sparql.max.result.bytes)"), refusal.getMessage());
        assertEquals(422, assertThrows(SparqlEndpoint.Refusal.class, () -> small.query("CONSTRUCT WHERE { ?s ?p ?o }", null)).status());
        assertTrue(new String(small.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 2", "text/csv").body(), StandardCharsets.UTF_8).startsWith("s\r\n"));
    }

    @Test
    void should_refuse_what_would_load_code_or_data_and_never_run_property_functions() {
        assertRefused(400, "FROM and FROM NAMED are not supported", "SELECT * FROM <http://127.0.0.1:9/graph> WHERE { ?s ?p ?o }");
        assertRefused(400, "FROM and FROM NAMED are not supported", "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }");
        assertRefused(400, "<java:org.apache.jena.sparql.function.library.sha1sum> is not allowed", "SELECT (<java:org.apache.jena.sparql.function.library.sha1sum>(\"a\") AS ?x) WHERE { }");
        assertEquals("x\r\n", csv("PREFIX apf: <http://jena.apache.org/ARQ/property#> SELECT ?x WHERE { ?x apf:strSplit (\"a,b\" \",\") }"),
                "a property function is only a predicate to match, not code to run");
        assertEquals("x\r\n", csv("SELECT ?x WHERE { ?x <java:org.apache.jena.sparql.pfunction.library.strSplit> (\"a,b\" \",\") }"));
    }

    @Test
    void should_answer_no_rows_where_tdb2_used_to_fail_with_peek_iterator_is_already_empty() {
        SparqlEndpoint stored = endpoint(tdb2, 1 << 20);
        for (String query : List.of(
                "SELECT * WHERE { ?g ?h ?o FILTER(CONTAINS(STR(?o), \"no-such-text\")) ?a ?b ?c . ?d ?e ?f }",
                "SELECT * WHERE { ?g ?h ?o FILTER(?o = \"no-such-text\") ?a ?b ?c . ?d ?e ?f }")) {
            assertEquals("g,h,o,a,b,c,d,e,f\r\n", new String(stored.query(query, "text/csv").body(), StandardCharsets.UTF_8), query);
        }
        String found = new String(stored.query("PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?id ?t WHERE { ?p dcterms:identifier ?id FILTER(?id = \"compute-optimal-study\") ?p a ?t . ?t a ?k } LIMIT 1",
                "text/csv").body(), StandardCharsets.UTF_8);
        assertTrue(found.contains("compute-optimal-study"), found);
    }
}
