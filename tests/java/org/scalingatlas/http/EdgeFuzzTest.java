package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalingatlas.Atlas;
import org.scalingatlas.FuzzSeed;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.graph.KnowledgeGraph;

/**
 * The edge's odd text and odd framing, generated (jqwik, fixed seed): questions of combining marks, U+FFFD, halves of
 * surrogate pairs, bytes that are not UTF-8, invisible characters and mixed scripts; and requests to every route with
 * every method, odd {@code Content-Length} values and chunked bodies that stop. None may get a 5xx, and every refusal
 * has the one JSON error shape.
 */
@Slow
class EdgeFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ROUTES = new ArrayList<>();
    private static Javalin server;

    @BeforeContainer
    static void start() throws IOException {
        // a short idle timeout: a body announced longer than sent is answered (408) after half a second, not after the default 10 s
        AtlasConfig config = TestAtlas.config(TestAtlas.FIXTURE_CORPUS, TestAtlas.scratch("atlas-edge-fuzz-"));
        AtlasConfig.Limits limits = config.limits();
        config = config.withLimits(new AtlasConfig.Limits(0, limits.burst(), limits.maxBodyBytes(), Duration.ofMillis(500), limits.connectionsPerClient()));
        server = AtlasServer.create(Atlas.open(config, KnowledgeGraph.Storage.IN_MEMORY).services(), route -> {
            if (!route.contains("*")) {
                ROUTES.add(route.substring(route.indexOf(' ') + 1).replace("{id}", "some-id").replace("{kind}", "paper"));
            }
        }).start("127.0.0.1", 0);
    }

    @AfterContainer
    static void stop() {
        server.stop();
    }

    @Property(tries = 300, seed = FuzzSeed.VALUE)
    void any_odd_question_is_answered_or_refused_in_words(@ForAll("oddQuestions") List<String> pieces) throws Exception {
        String response = RawHttp.exchange(server.port(), "GET /api/ask?q=" + encode(pieces) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", false, java.time.Duration.ofSeconds(15));
        int status = status(response);
        assertTrue(status == 200 || status == 400, response);
        if (status == 400) {
            assertErrorShape(response);
        } else {
            assertTrue(JSON.readTree(body(response)).get("verdict").asText().matches("answered|partial|refused"), response);
        }
    }

    @Property(tries = 400, seed = FuzzSeed.VALUE)
    void any_method_and_framing_on_any_route_is_answered_without_a_5xx(@ForAll("methods") String method, @ForAll("routes") String route,
            @ForAll("framings") Framing framing) throws Exception {
        String request = method + " " + route + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + framing.headers + "\r\n" + framing.body;
        String response = RawHttp.exchange(server.port(), request, framing.stops, java.time.Duration.ofSeconds(15));
        if (response.isEmpty()) {
            assertTrue(framing.stops, "no answer to a request that was whole: " + request);
            return;
        }
        int status = status(response);
        assertTrue(status < 500, request + "\n→ " + response);
        assertFalse(response.contains("\tat ") || response.contains("Exception"), response);
        if (status >= 400 && !method.equals("HEAD")) {
            assertErrorShape(response);
        }
        if (status == 405) {
            assertTrue(response.toLowerCase(Locale.ROOT).contains("\r\nallow: "), "405 says what is allowed: " + response);
        }
    }

    @Provide
    Arbitrary<List<String>> oddQuestions() {
        Arbitrary<String> marks = Arbitraries.oneOf(Arbitraries.chars().range('\u0300', '\u036f'), Arbitraries.chars().range('\u20d0', '\u20ff'),
                Arbitraries.of('\u0903', '\u093f', '\u0e31')).map(String::valueOf);
        Arbitrary<String> replacement = Arbitraries.just("\uFFFD");
        Arbitrary<String> halves = Arbitraries.oneOf(Arbitraries.chars().range('\ud800', '\udbff'), Arbitraries.chars().range('\udc00', '\udfff'))
                .map(String::valueOf);
        Arbitrary<String> invisible = Arbitraries.of("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u00a0", "\u3000", " ", "\t", "\n");
        Arbitrary<String> notUtf8 = Arbitraries.of("%FF", "%FE", "%C0%AF", "%E2%82", "%ED%A0%80", "%F4%90%80%80", "%80", "%C3");
        Arbitrary<String> latin = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> cjk = Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> arabic = Arbitraries.strings().withCharRange('\u0620', '\u064a').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> hangul = Arbitraries.strings().withCharRange('\uac00', '\ud7a3').ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> emoji = Arbitraries.integers().between(0x1F300, 0x1FAFF).map(Character::toString);
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, marks), net.jqwik.api.Tuple.of(3, replacement), net.jqwik.api.Tuple.of(2, halves),
                net.jqwik.api.Tuple.of(3, invisible), net.jqwik.api.Tuple.of(2, notUtf8), net.jqwik.api.Tuple.of(2, latin),
                net.jqwik.api.Tuple.of(1, cjk), net.jqwik.api.Tuple.of(1, arabic), net.jqwik.api.Tuple.of(1, hangul), net.jqwik.api.Tuple.of(2, emoji));
        return piece.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "BREW", "get");
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.oneOf(Arbitraries.of(ROUTES), Arbitraries.of("/", "/no/such/route", "/api/laws/some-id/nope"));
    }

    @Provide
    Arbitrary<Framing> framings() {
        Arbitrary<String> body = Arbitraries.of("", "{}", "{\"points\": [[1,2]]}", "SELECT * WHERE { ?s ?p ?o }", "x".repeat(300));
        Arbitrary<Framing> length = Combinators.combine(Arbitraries.of("-1", "abc", "99999999999", "99999999999999999999", " 5", "1,2", "0x10",
                "", "+3", "00000000000000000004", "5, 5"), body).as((value, text) -> new Framing("Content-Length: " + value + "\r\n", text, false));
        Arbitrary<Framing> exact = body.map(text -> new Framing("Content-Length: " + text.getBytes(StandardCharsets.UTF_8).length + "\r\n", text, false));
        Arbitrary<Framing> twice = body.map(text -> new Framing("Content-Length: " + text.length() + "\r\nContent-Length: " + (text.length() + 1) + "\r\n", text, false));
        Arbitrary<Framing> chunked = body.map(text -> new Framing("Transfer-Encoding: chunked\r\n", chunk(text) + "0\r\n\r\n", false));
        Arbitrary<Framing> stops = body.map(text -> new Framing("Transfer-Encoding: chunked\r\n", chunk(text + "and more") .substring(0, 3), true));
        Arbitrary<Framing> badChunk = Arbitraries.of("zz\r\nabc\r\n0\r\n\r\n", "-1\r\n\r\n", "ffffffffffffffffff\r\nabc", "3\r\nabcdef\r\n0\r\n\r\n")
                .map(text -> new Framing("Transfer-Encoding: chunked\r\n", text, true));
        Arbitrary<Framing> both = body.map(text -> new Framing("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n", chunk(text) + "0\r\n\r\n", false));
        Arbitrary<Framing> shortBody = body.filter(text -> !text.isEmpty())
                .map(text -> new Framing("Content-Length: " + (text.length() + 50) + "\r\n", text, true));
        return Arbitraries.oneOf(length, exact, twice, chunked, stops, badChunk, both, shortBody, Arbitraries.just(new Framing("", "", false)));
    }

    /**
     * A request's head and body as sent. {@code stops}: the body is cut short and the client then stops sending
     * (closes its side), so the server may answer a refusal or just close.
     */
    record Framing(String headers, String body, boolean stops) {
    }

    private static String chunk(String text) {
        return text.isEmpty() ? "" : Integer.toHexString(text.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + text + "\r\n";
    }

    /** Each piece percent-encoded as UTF-8, except a half of a surrogate pair (as the 3 bytes no decoder takes) and pieces already encoded. */
    private static String encode(List<String> pieces) {
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            if (piece.startsWith("%")) {
                out.append(piece);
                continue;
            }
            for (int i = 0; i < piece.length(); ) {
                int codePoint = piece.codePointAt(i);
                i += Character.charCount(codePoint);
                byte[] bytes = Character.getType(codePoint) == Character.SURROGATE
                        ? new byte[] {(byte) 0xED, (byte) (0x80 | ((codePoint >> 6) & 0x3F)), (byte) (0x80 | (codePoint & 0x3F))}
                        : Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) {
                    out.append('%').append(String.format("%02X", b & 0xFF));
                }
            }
        }
        return out.toString();
    }

    private static int status(String response) {
        assertTrue(response.startsWith("HTTP/1.1 "), response);
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String body(String response) {
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        String body = response.substring(response.indexOf("\r\n\r\n") + 4);
        return head.contains("transfer-encoding: chunked") ? body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf('}') + 1) : body;
    }

    private static void assertErrorShape(String response) throws Exception {
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertTrue(head.contains("content-type: application/json"), response);
        JsonNode json = JSON.readTree(body(response));
        assertEquals(1, json.size(), response);
        assertTrue(json.get("error").isTextual() && !json.get("error").asText().isBlank(), response);
    }
}
