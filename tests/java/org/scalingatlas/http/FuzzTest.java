package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalingatlas.FuzzSeed;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Law;

/**
 * Thousands of generated requests to every endpoint that takes input (jqwik): questions of any characters and
 * length, law inputs of every JSON type and magnitude, fit data, curve ranges, identifiers, SPARQL text and raw bodies
 * under any content type. None may get a 5xx or a stack trace, and every refusal has the one JSON error shape.
 */
@Slow
class FuzzTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin server;

    @BeforeContainer
    static void start() {
        server = AtlasServer.create(TestAtlas.real().services()).start("127.0.0.1", 0);
    }

    @AfterContainer
    static void stop() {
        server.stop();
    }

    @Property(tries = 400, seed = FuzzSeed.VALUE)
    void any_question_is_answered_or_refused_cleanly(@ForAll("questions") String question) throws Exception {
        HttpResponse<String> response = get("/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertClean(response);
        if (response.statusCode() == 200) {
            assertTrue(JSON.readTree(response.body()).get("verdict").asText().matches("answered|partial|refused"));
        }
    }

    @Property(tries = 1500, seed = FuzzSeed.VALUE)
    void any_law_input_is_computed_or_refused_cleanly(@ForAll("lawCalls") LawCall call) throws Exception {
        assertClean(post("/api/laws/" + URLEncoder.encode(call.law, StandardCharsets.UTF_8) + "/" + call.action
                + (call.set == null ? "" : "?constants=" + URLEncoder.encode(call.set, StandardCharsets.UTF_8)), "application/json", call.body));
    }

    @Property(tries = 400, seed = FuzzSeed.VALUE)
    void any_fit_request_is_fitted_or_refused_cleanly(@ForAll("fitBodies") String body) throws Exception {
        assertClean(post("/api/laws/fit", "application/json", body));
    }

    @Property(tries = 600, seed = FuzzSeed.VALUE)
    void any_identifier_is_found_or_refused_cleanly(@ForAll("paths") String path, @ForAll @StringLength(max = 80) String id) throws Exception {
        assertClean(get(path.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"))));
    }

    @Property(tries = 500, seed = FuzzSeed.VALUE)
    void any_sparql_text_is_answered_or_refused_cleanly(@ForAll("sparql") String query) throws Exception {
        assertClean(get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        assertClean(post("/sparql", "application/sparql-query", query));
    }

    @Property(tries = 500, seed = FuzzSeed.VALUE)
    void any_body_under_any_content_type_is_refused_cleanly(@ForAll("postPaths") String path, @ForAll("contentTypes") String type,
            @ForAll @StringLength(max = 400) String body) throws Exception {
        assertClean(post(path, type, body));
    }

    /** Not a 5xx; no stack trace; a refusal is exactly {"error": "<words>"}. */
    private static void assertClean(HttpResponse<String> response) throws Exception {
        int status = response.statusCode();
        assertTrue(status < 500, status + ": " + response.body());
        assertFalse(response.body().contains("\tat ") || response.body().contains("Exception"), response.body());
        if (status >= 400) {
            JsonNode error = JSON.readTree(response.body());
            assertEquals(1, error.size(), response.body());
            assertTrue(error.get("error").isTextual() && !error.get("error").asText().isBlank(), response.body());
        }
    }

    record LawCall(String law, String action, String set, String body) {
    }

    @Provide
    Arbitrary<String> questions() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(300),
                Arbitraries.of("scaling", "loss", "70B", "1.4T", "tokens", "compute", "depth", "<script>", "🙂", "зак", "规模", "1e24", "-5", "NaN", "∞")
                        .list().ofMaxSize(25).map(words -> String.join(" ", words)),
                Arbitraries.strings().withChars('a', ' ', '\u0000', '\u202e', '\ud83d', '\n').ofMinLength(1).ofMaxLength(60),
                Arbitraries.integers().between(1, 120_000).map("x"::repeat));
    }

    @Provide
    Arbitrary<LawCall> lawCalls() {
        List<Law> laws = TestAtlas.real().corpus().laws();
        List<String> names = new ArrayList<>(List.of("constants", "", "N", "D", "C", "__proto__", "x".repeat(300)));
        List<String> sets = new ArrayList<>(List.of("", "nope", "../etc"));
        for (Law law : laws) {
            law.inputs().forEach(v -> names.add(v.symbol()));
            law.constantSets().forEach(s -> sets.add(s.id()));
        }
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.doubles().map(d -> Double.toString(d)),
                Arbitraries.of("0", "-1", "1e308", "1e-320", "-0", "7e10", "1.4e12", "1e400", "123456789012345678901234567890", "3.0e24"),
                Arbitraries.of("\"70B\"", "\"abc\"", "\"\"", "null", "true", "[]", "[1,2]", "{}", "{\"E\": 1.7}", "{\"E\": \"x\"}", "\"NaN\"", "\"Infinity\""));
        Arbitrary<String> body = Combinators.combine(Arbitraries.of(names), value).as((n, v) -> "\"" + n + "\": " + v)
                .list().ofMaxSize(6).map(fields -> "{" + String.join(", ", fields) + "}");
        Arbitrary<String> brokenBody = Arbitraries.of("", "{", "[]", "null", "\"text\"", "{\"N\": }", "{\"N\": 1,}", "42", "{\"constants\": 5}");
        Arbitrary<String> lawIds = Arbitraries.oneOf(Arbitraries.of(laws.stream().map(Law::id).toList()), Arbitraries.strings().ofMaxLength(30));
        return Combinators.combine(lawIds, Arbitraries.of("evaluate", "optimal", "curve"), Arbitraries.of(sets).injectNull(0.6),
                Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, body), net.jqwik.api.Tuple.of(1, brokenBody))).as(LawCall::new);
    }

    @Provide
    Arbitrary<String> fitBodies() {
        Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.doubles().map(d -> Double.toString(d)), Arbitraries.of("0", "-1", "1e308", "1e-300", "\"x\"", "null"));
        Arbitrary<String> point = number.list().ofMinSize(0).ofMaxSize(4).map(xs -> "[" + String.join(",", xs) + "]");
        Arbitrary<String> points = point.list().ofMaxSize(12).map(ps -> "\"points\": [" + String.join(",", ps) + "]");
        Arbitrary<String> csv = Arbitraries.strings().withChars("0123456789.,e-\nNDL ").ofMaxLength(200).map(s -> "\"csv\": " + quote(s));
        Arbitrary<String> family = Arbitraries.of("chinchilla", "kaplan", "power", "", "nope").map(f -> "\"family\": \"" + f + "\"");
        Arbitrary<String> bootstrap = Arbitraries.of("0", "1", "5", "-3", "1000000", "\"x\"").map(b -> "\"resamples\": " + b);
        return Combinators.combine(Arbitraries.oneOf(points, csv), family.injectNull(0.3), bootstrap.injectNull(0.6))
                .as((data, f, b) -> "{" + String.join(", ", Stream.of(data, f, b).filter(java.util.Objects::nonNull).toList()) + "}");
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("/api/notes/{id}", "/api/notes/{id}/trace", "/api/papers/{id}", "/api/laws/{id}", "/api/ceilings/{id}",
                "/api/notes?axis={id}", "/api/notes?q={id}", "/note/{id}", "/paper/{id}", "/{id}");
    }

    @Provide
    Arbitrary<String> sparql() {
        Arbitrary<String> token = Arbitraries.of("SELECT", "*", "WHERE", "{", "}", "?s", "?p", "?o", ".", "LIMIT", "10", "OPTIONAL", "FILTER", "(", ")",
                "PREFIX", "atlas:", "<http://x/>", "COUNT", "AS", "?n", "GROUP", "BY", "ASK", "CONSTRUCT", "DESCRIBE", "INSERT", "DELETE", "DATA",
                "LOAD", "CLEAR", "SERVICE", "<http://example.org/sparql>", "\"text\"", "REGEX", "ORDER", "DESC", "VALUES", "UNION", "#", "\n", "a");
        return Arbitraries.oneOf(token.list().ofMaxSize(30).map(t -> String.join(" ", t)), Arbitraries.strings().ofMaxLength(120));
    }

    @Provide
    Arbitrary<String> postPaths() {
        return Arbitraries.of("/api/laws/fit", "/api/laws/chinchilla-parametric-loss/evaluate", "/api/laws/chinchilla-parametric-loss/optimal",
                "/api/laws/chinchilla-parametric-loss/curve", "/sparql", "/api/ask", "/health", "/api/laws");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded",
                "text/plain", "multipart/form-data; boundary=x", "application/octet-stream", "", "garbage/;;;", "application/json; charset=bogus");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (!type.isEmpty()) {
            request.header("Content-Type", type);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
