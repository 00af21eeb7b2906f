package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Slow;

/**
 * Every hostile input of the outside attack on the server (issue #13), replayed against one real server while its log
 * is captured: each is answered with a 4xx in the JSON error shape, a correct answer, or (for work stopped at its time
 * limit) a 503 in words; and nothing the clients sent puts a stack trace in the log. The focused tests of each area
 * (SPARQL, fits, the HTTP edge) prove the details; this one proves the whole list holds on one server at once.
 */
@Slow
class AttackReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A line of a printed stack trace: "\tat pkg.Class.method(File.java:12)" or "Caused by: ...". */
    private static final Pattern STACK_LINE = Pattern.compile("^\\s+at [\\w.$/<>]+\\(.*\\)$|^Caused by: ");

    private static Loopback api;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static PrintStream originalErr;

    @BeforeAll
    static void start() {
        api = Loopback.real();
        originalErr = System.err;
        // slf4j-simple resolves System.err at each call, so the server's log (and Jetty's) lands here too
        System.setErr(new PrintStream(new TeeStream(originalErr, LOG), true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        System.setErr(originalErr);
        api.close();
    }

    /** How an attack may be answered: a refusal in words, or the correct result. */
    private record Replay(String what, HttpResponse<String> response, Predicate<HttpResponse<String>> correct) {
    }

    @Test
    void should_answer_every_attack_in_words_and_log_no_stack_trace() throws Exception {
        List<Replay> replays = new ArrayList<>();
        String service = "SELECT ?x WHERE { SERVICE <http://127.0.0.1:9/anything> { ?x ?y ?z } }";
        replays.add(new Replay("SERVICE by GET", sparqlGet(service), AttackReplayTest::refused));
        replays.add(new Replay("SERVICE SILENT", sparqlGet(service.replace("SERVICE", "SERVICE SILENT")), AttackReplayTest::refused));
        replays.add(new Replay("SERVICE by a variable", sparqlGet("SELECT * WHERE { BIND(<http://127.0.0.1:9/> AS ?e) SERVICE ?e { ?x ?y ?z } }"), AttackReplayTest::refused));
        replays.add(new Replay("SERVICE by POST body", api.post("/sparql", "application/sparql-query", service), AttackReplayTest::refused));
        replays.add(new Replay("SERVICE by form", api.post("/sparql", "application/x-www-form-urlencoded", "query=" + URLEncoder.encode(service, StandardCharsets.UTF_8)), AttackReplayTest::refused));
        replays.add(new Replay("SERVICE file:", sparqlGet("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?x ?y ?z } }"), AttackReplayTest::refused));
        replays.add(new Replay("a 10,000-term sum", sparqlGet("SELECT (" + IntStream.range(0, 10_000).mapToObj(i -> "1").collect(Collectors.joining("+")) + " AS ?n) WHERE {}"),
                r -> refused(r) || (r.statusCode() == 200 && r.body().contains("10000"))));
        replays.add(new Replay("a long || chain", sparqlGet("SELECT * WHERE { ?s ?p ?o FILTER(" + IntStream.range(0, 5_000).mapToObj(i -> "?o = " + i).collect(Collectors.joining(" || ")) + ") } LIMIT 1"),
                r -> refused(r) || r.statusCode() == 200));
        replays.add(new Replay("5,000 UNION branches", api.post("/sparql", "application/sparql-query",
                "SELECT * WHERE { " + IntStream.range(0, 5_000).mapToObj(i -> "{ ?s ?p " + i + " }").collect(Collectors.joining(" UNION ")) + " } LIMIT 1"),
                r -> refused(r) || r.statusCode() == 200));
        // backtracking that Java's own matcher does not cut short: over 160 s unbounded
        replays.add(new Replay("a catastrophic regex", sparqlGet("SELECT * WHERE { BIND(\"" + "a".repeat(5_000) + "b\" AS ?s) FILTER(REGEX(?s, \"(.*a){12}$\")) }"),
                r -> refused(r) || stopped(r) || (r.statusCode() == 200 && noRows(r))));
        replays.add(new Replay("a three-way join with a string filter", sparqlGet("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(CONTAINS(STR(?c), \"scaling\")) } LIMIT 5"),
                r -> refused(r) || stopped(r) || r.statusCode() == 200));

        for (String question : new String[] {"\u0301", "\uFFFD", "%FF", "%C3%28", "\u0301\u0301\u0301"}) {
            String q = question.startsWith("%") ? question : URLEncoder.encode(question, StandardCharsets.UTF_8);
            replays.add(new Replay("the question " + question, api.get("/api/ask?q=" + q), r -> refused(r) || r.statusCode() == 200));
        }
        replays.add(new Replay("an all-CJK question", api.get("/api/ask?q=" + URLEncoder.encode("大规模语言模型的缩放定律", StandardCharsets.UTF_8)), r -> r.statusCode() == 200));

        replays.add(new Replay("a subnormal compute", api.post("/api/laws/chinchilla-approach-1-allocation/evaluate", "application/json", "{\"C\": 1e-320}"), AttackReplayTest::refusedOrFinite));
        replays.add(new Replay("a subnormal compute, optimal", api.post("/api/laws/chinchilla-parametric-loss/optimal", "application/json", "{\"C\": 1e-320}"), AttackReplayTest::refusedOrFinite));
        replays.add(new Replay("constants of -1e308", api.post("/api/laws/chinchilla-parametric-loss/evaluate", "application/json",
                "{\"N\": 7e10, \"D\": 1.4e12, \"constants\": {\"E\": -1e308, \"A\": -1e308, \"B\": -1e308, \"alpha\": -1e308, \"beta\": -1e308}}"), AttackReplayTest::refusedOrFinite));
        replays.add(new Replay("a plateauing learning curve", api.post("/api/laws/fit", "application/json", plateau()),
                r -> (r.statusCode() == 200 && r.body().contains("\"constants\"")) || refused(r)));

        replays.add(new Replay("a wrong method", api.send(HttpRequest.newBuilder(api.uri("/api/laws")).DELETE().build()), r -> r.statusCode() == 405 && refused(r)));

        for (Replay replay : replays) {
            assertTrue(replay.correct().test(replay.response()), replay.what() + ": " + replay.response().statusCode() + " " + abbreviate(replay.response().body()));
            assertTrue(replay.response().statusCode() < 500 || stopped(replay.response()), replay.what() + ": " + replay.response().statusCode());
        }
        String huge = RawHttp.exchange(api.port(), "POST /api/laws/fit HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{");
        assertTrue(huge.startsWith("HTTP/1.1 413"), "a huge Content-Length is refused at once: " + abbreviate(huge));

        System.err.flush();
        List<String> stack = LOG.toString(StandardCharsets.UTF_8).lines().filter(line -> STACK_LINE.matcher(line).find()).toList();
        assertTrue(stack.isEmpty(), "the log has stack-trace lines: " + stack.subList(0, Math.min(5, stack.size())));
        assertEquals(200, api.get("/health").statusCode(), "the server still answers");
    }

    private static HttpResponse<String> sparqlGet(String query) throws Exception {
        return api.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8), "application/sparql-results+json");
    }

    /** 19 points of a benchmark score that rises, then flattens (as loss: 1 - score). */
    private static String plateau() {
        double[] score = {0.20, 0.31, 0.38, 0.44, 0.48, 0.52, 0.55, 0.57, 0.585, 0.595, 0.60, 0.605, 0.607, 0.609, 0.61, 0.61, 0.611, 0.612, 0.612};
        return "{\"family\": \"power-law\", \"resamples\": 20, \"points\": [" + IntStream.range(0, score.length)
                .mapToObj(i -> String.format(Locale.ROOT, "{\"C\": %.3e, \"loss\": %.4f}", 1e18 * Math.pow(2, i), 1 - score[i]))
                .collect(Collectors.joining(", ")) + "]}";
    }

    /** A 4xx whose body is exactly {@code {"error": "..."}} with words in it. */
    private static boolean refused(HttpResponse<String> response) {
        return response.statusCode() >= 400 && response.statusCode() < 500 && errorInWords(response);
    }

    /** Work stopped at its time limit, said in words. */
    private static boolean stopped(HttpResponse<String> response) {
        return response.statusCode() == 503 && errorInWords(response);
    }

    /** A SPARQL JSON result with no rows: the string does not match the pattern. */
    private static boolean noRows(HttpResponse<String> response) {
        try {
            JsonNode bindings = JSON.readTree(response.body()).path("results").path("bindings");
            return bindings.isArray() && bindings.isEmpty();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean refusedOrFinite(HttpResponse<String> response) {
        if (refused(response)) {
            return true;
        }
        if (response.statusCode() != 200) {
            return false;
        }
        try {
            JsonNode outputs = JSON.readTree(response.body()).path("outputs");
            List<Boolean> finite = new ArrayList<>();
            outputs.forEach(value -> finite.add(value.isNumber() && Double.isFinite(value.asDouble())));
            return !finite.isEmpty() && !finite.contains(false);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean errorInWords(HttpResponse<String> response) {
        try {
            JsonNode json = JSON.readTree(response.body());
            return json.isObject() && json.size() == 1 && json.path("error").asText().strip().length() > 10;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** Writes to both streams: the console keeps its output while the test reads it. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            first.flush();
        }
    }
}
