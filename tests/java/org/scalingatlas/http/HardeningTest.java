package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalingatlas.Slow;

/**
 * The HTTP edge against hostile requests, over real sockets: security headers on every response, no way out of the
 * web folder, size limits answered in the one JSON error shape, and a heavy SPARQL query stopped while the server
 * keeps answering.
 */
@Slow
class HardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Loopback api;

    @BeforeAll
    static void start() {
        api = Loopback.real();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/ask", "/style.css", "/js/app.js", "/health", "/api/laws", "/api/notes/no-such-note", "/no/such/thing", "/api/ask"})
    void should_send_the_security_headers_on_every_kind_of_response(String path) throws Exception {
        HttpResponse<String> response = api.get(path);
        String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'") && policy.contains("object-src 'none'"), path + ": " + policy);
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), path);
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/%2e%2e/pom.xml", "/js/../../pom.xml", "/js/%2e%2e/%2e%2e/pom.xml", "/..%2fpom.xml", "/js/..%2f..%2fpom.xml",
        "/%2e%2e%2f%2e%2e%2fpom.xml", "/js/..%5c..%5cpom.xml", "/note/..%2f..%2fpom.xml", "/..;/pom.xml", "/%252e%252e/pom.xml", "//etc/passwd",
        "/../../../../etc/passwd", "/js/%00/../../pom.xml"})
    void should_never_serve_a_file_outside_the_web_folder(String path) throws Exception {
        String response = RawHttp.exchange(api.port(), "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", false, java.time.Duration.ofSeconds(10));
        String status = response.lines().findFirst().orElse("");
        assertFalse(status.contains(" 200 ") && (response.contains("<artifactId>") || response.contains("root:")), path + " leaked a file: " + status);
        assertFalse(response.contains("<modelVersion>") || response.contains("root:x:0:0"), path + " leaked a file: " + response);
        assertFalse(response.contains("Exception") || response.contains("\tat "), path + " showed a stack trace: " + response);
        if (status.contains(" 200 ")) {
            assertTrue(response.contains("<title>Scaling Atlas</title>"), path + ": only the app's own page, for an app route: " + response);
        } else {
            assertErrorShape(response);
        }
    }

    /** A refusal, whoever makes it (Jetty or the application), is JSON with one "error" field. */
    private static void assertErrorShape(String response) throws Exception {
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase(java.util.Locale.ROOT);
        assertTrue(head.contains("content-type: application/json"), head);
        String body = response.substring(split + 4);
        if (head.contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
        }
        JsonNode json = JSON.readTree(body);
        assertEquals(1, json.size(), body);
        assertFalse(json.get("error").asText().isBlank(), body);
    }

    @Test
    void should_refuse_a_body_past_the_size_limit_in_the_json_error_shape() throws Exception {
        // the server refuses an announced length past the limit before reading the body and then closes; a client that
        // sends large bodies waits for that answer first (Expect: 100-continue), or it may lose it to the close
        String huge = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(2 * 1024 * 1024);
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/sparql")).expectContinue(true).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(huge)).build());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(error(response).contains("larger than 1048576 bytes"), response.body());

        HttpResponse<String> fit = api.send(HttpRequest.newBuilder(api.uri("/api/laws/fit")).expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"points\": [" + "[1,2],".repeat(300_000) + "[1,2]]}")).build());
        assertEquals(413, fit.statusCode(), fit.body());
        assertTrue(error(fit).contains("server.max.body.bytes"), fit.body());
    }

    @Test
    void should_refuse_an_oversized_request_line_without_a_stack_trace() throws Exception {
        String response = RawHttp.exchange(api.port(), "GET /api/ask?q=" + "x".repeat(300 * 1024) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", false, java.time.Duration.ofSeconds(10));
        String status = response.lines().findFirst().orElse("");
        assertTrue(status.matches("HTTP/1.1 4\\d\\d .*"), status);
        assertFalse(response.contains("Exception") || response.contains("\tat "), response);
        assertErrorShape(response);
        assertEquals(200, api.get("/health").statusCode(), "the server still answers");
    }

    @Test
    void should_stop_a_heavy_sparql_query_while_the_server_keeps_answering() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(api.uri("/sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8)))
                .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            assertEquals(200, api.get("/api/ask?q=" + URLEncoder.encode("How should compute be split between parameters and tokens?", StandardCharsets.UTF_8)).statusCode());
            assertEquals(200, api.get("/api/laws").statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - before).toMillis() < 3_000, "answers while the heavy query runs");
        }
        HttpResponse<String> response = slow.get();
        assertEquals(503, response.statusCode(), response.body());
        assertTrue(error(response).contains("ran longer than"), response.body());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(seconds < 5 + 10, "cut off near the configured timeout, not run to the end: " + seconds + " s");
    }

    @Test
    void should_refuse_sparql_update_in_every_form() throws Exception {
        String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
        assertEquals(403, api.get("/sparql?update=" + URLEncoder.encode(update, StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> posted = api.send(HttpRequest.newBuilder(api.uri("/sparql")).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build());
        assertEquals(403, posted.statusCode());
        HttpResponse<String> asQuery = api.send(HttpRequest.newBuilder(api.uri("/sparql")).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofString(update)).build());
        assertTrue(asQuery.statusCode() == 400 || asQuery.statusCode() == 403, asQuery.body());
        String count = "SELECT (COUNT(*) AS ?n) WHERE { <urn:x> ?p ?o }";
        assertTrue(api.get("/sparql?query=" + URLEncoder.encode(count, StandardCharsets.UTF_8)).body().contains("\"0\""), "nothing was written");
    }

    private static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.size(), "the one error shape: " + response.body());
        return body.get("error").asText();
    }
}
