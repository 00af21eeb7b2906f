package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalingatlas.TestAtlas;

/**
 * The edge against the inputs of issue #13, each refused in the JSON error shape with what is wrong: a body announced
 * past the size limit (before any of it is read), a wrong method on a known route (405 with Allow), questions the
 * embedding model cannot read, and an Error thrown in a handler.
 */
class EdgeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static Loopback api;

    @BeforeAll
    static void start() {
        api = new Loopback(AtlasServer.create(TestAtlas.open(TestAtlas.FIXTURE_CORPUS, data).services()).start("127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sparql", "/api/laws/fit", "/health", "/api/no/such/route"})
    void should_refuse_a_huge_content_length_at_once_without_reading_the_body(String path) throws Exception {
        // no byte of the body is sent: a server that waited for it would never answer (the socket times out)
        String response = RawHttp.exchange(api.port(), "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413 "), response);
        String error = errorOf(response);
        assertTrue(error.contains("larger than 1048576 bytes") && error.contains("server.max.body.bytes"), error);
        assertTrue(error.contains("99999999999"), "names the size announced: " + error);
    }

    @Test
    void should_refuse_a_chunked_body_that_grows_past_the_limit() throws Exception {
        String chunk = "x".repeat(64 * 1024);
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            body.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        String response = RawHttp.exchange(api.port(), "POST /sparql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/sparql-query\r\nTransfer-Encoding: chunked\r\n\r\n"
                + body + "0\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413 "), response.lines().findFirst().orElse(""));
        assertTrue(errorOf(response).contains("larger than 1048576 bytes"), response);
    }

    @ParameterizedTest
    @CsvSource({"DELETE, /api/laws, 'GET, HEAD'", "POST, /health, 'GET, HEAD'", "GET, /api/laws/chinchilla/evaluate, POST",
        "PUT, /sparql, 'GET, HEAD, POST'", "PATCH, /api/notes/some-note, 'GET, HEAD'", "DELETE, /api/ask, 'GET, HEAD'"})
    void should_answer_405_with_allow_for_a_wrong_method_on_a_known_route(String method, String path, String allow) throws Exception {
        String response = RawHttp.exchange(api.port(), method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 405 "), response);
        assertTrue(head(response).contains("\r\nallow: " + allow.toLowerCase(Locale.ROOT) + "\r\n"), response);
        String error = errorOf(response);
        assertEquals(method + " is not allowed on " + path + "; it answers " + allow, error);
    }

    @Test
    void should_still_answer_404_for_an_unknown_path_whatever_the_method() throws Exception {
        String response = RawHttp.exchange(api.port(), "DELETE /api/no-such-thing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 404 "), response);
        assertTrue(errorOf(response).contains("no such page or endpoint"), response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%CC%81", "%EF%BF%BD", "%FF", "%C0%AF", "%ED%A0%80", "%CC%81%CC%88%E2%80%8B", "%EF%BF%BD%EF%BF%BD"})
    void should_refuse_a_question_with_nothing_to_search_for_in_words(String encoded) throws Exception {
        // a lone combining mark, U+FFFD, bytes that are not UTF-8 (decoded as U+FFFD), an encoded surrogate
        HttpResponse<String> response = api.get("/api/ask?q=" + encoded);
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(error(response).contains("no letters, digits or symbols to search for"), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"大规模语言模型的缩放定律是什么？", "ما هي قوانين التوسع؟", "🚀 scaling laws", "é\u0301tude du scaling", "\uFFFD scaling laws"})
    void should_answer_questions_in_any_script(String question) throws Exception {
        HttpResponse<String> response = api.get("/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(JSON.readTree(response.body()).get("verdict").asText().matches("answered|partial|refused"), response.body());
    }

    @Test
    void should_answer_an_error_thrown_in_a_handler_with_one_log_line_and_the_json_shape() throws Exception {
        Javalin bare = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/deep", ctx -> ctx.result(Integer.toString(depth(0))));
            config.routes.get("/oom", ctx -> {
                throw new OutOfMemoryError("Java heap space");
            });
            ErrorResponses.install(config, 1024, null);
        }).start("127.0.0.1", 0);
        PrintStream stderr = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (Loopback server = new Loopback(bare)) {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            for (String path : new String[] {"/deep", "/oom"}) {
                HttpResponse<String> response = server.get(path);
                assertEquals(500, response.statusCode(), response.body());
                assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
                assertEquals(ErrorResponses.INTERNAL, error(response));
                assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            }
        } finally {
            System.setErr(stderr);
        }
        String lines = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, lines.lines().filter(l -> l.contains("StackOverflowError")).count(), lines);
        assertEquals(1, lines.lines().filter(l -> l.contains("OutOfMemoryError")).count(), lines);
        assertFalse(lines.contains("\tat "), "no stack trace: " + lines);
        assertTrue(lines.lines().count() <= 4, "one line each: " + lines);
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }

    static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.size(), "the one error shape: " + response.body());
        return body.get("error").asText();
    }

    private static String head(String response) {
        return response.substring(0, response.indexOf("\r\n\r\n") + 2).toLowerCase(Locale.ROOT);
    }

    /** The error message of a raw response, checking the shape: JSON, one "error" field. */
    static String errorOf(String response) throws Exception {
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase(Locale.ROOT);
        assertTrue(head.contains("content-type: application/json"), head);
        String body = response.substring(split + 4);
        if (head.contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        JsonNode json = JSON.readTree(body);
        assertEquals(1, json.size(), body);
        assertFalse(json.get("error").asText().isBlank(), body);
        return json.get("error").asText();
    }
}
