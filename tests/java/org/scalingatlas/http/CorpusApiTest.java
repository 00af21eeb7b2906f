package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.graph.KnowledgeGraph;

/** Papers, notes, traces and SPARQL over real HTTP, on the fixture corpus, with a short SPARQL timeout. */
class CorpusApiTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;

    private static Javalin server;

    @BeforeAll
    static void start() {
        Atlas atlas = Atlas.open(TestAtlas.config(TestAtlas.FIXTURE_CORPUS, data).withSparql(Duration.ofMillis(1500), 1000),
                KnowledgeGraph.Storage.IN_MEMORY);
        server = AtlasServer.create(atlas.services()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void should_trace_a_note_with_its_papers_and_evidence() throws Exception {
        JsonNode trace = json(get("/api/notes/should-parameters-and-tokens-grow-together/trace"), 200);
        assertEquals("Should parameters and tokens grow together under a fixed compute budget?", trace.at("/note/title").asText());
        assertEquals(1, trace.get("papers").size());
        JsonNode paper = trace.at("/papers/0");
        assertEquals("compute-optimal-study", paper.get("id").asText());
        assertEquals("2203.15556", paper.get("arxiv").asText());
        assertEquals("2022-03-29", paper.get("date").asText());
        assertEquals(2, paper.get("evidence").size());
        assertEquals("does-more-sampling-always-help", trace.at("/related/0/id").asText());
    }

    @Test
    void should_serve_notes_papers_and_axes() throws Exception {
        assertEquals(3, json(get("/api/notes"), 200).size());
        JsonNode onAxis = json(get("/api/notes?axis=verification"), 200);
        assertEquals(1, onAxis.size());
        assertEquals("does-resampling-hit-a-ceiling", onAxis.at("/0/id").asText());
        JsonNode note = json(get("/api/notes/does-resampling-hit-a-ceiling"), 200);
        assertEquals("sampling-ceiling-study", note.at("/papers/0/id").asText());
        assertEquals("disagrees", note.at("/relations/0/type").asText());
        JsonNode papers = json(get("/api/papers"), 200);
        assertEquals(2, papers.size());
        JsonNode paper = json(get("/api/papers/sampling-ceiling-study"), 200);
        assertEquals(2, paper.get("notes").size());
        assertTrue(paper.get("abstractText").asText().startsWith("Repeated sampling"));
        assertEquals(paper.get("date").asText(), paper.get("issued").asText(), "a stated date is issued as it is");
        assertEquals("stated", paper.get("dateSource").asText());
        assertTrue(json(get("/api/axes"), 200).size() >= 39);
    }

    @Test
    void should_answer_404_and_400_with_a_json_error() throws Exception {
        assertEquals("no note with id 'no-such-note'", json(get("/api/notes/no-such-note/trace"), 404).get("error").asText());
        assertEquals("no paper with id 'nope'", json(get("/api/papers/nope"), 404).get("error").asText());
        assertTrue(json(get("/api/notes/Not%20An%20Id"), 400).get("error").asText().contains("is not a note id"));
        assertTrue(json(get("/api/notes?axis=vibes"), 400).get("error").asText().contains("unknown axis 'vibes'"));
    }

    @Test
    void should_speak_the_sparql_protocol_and_refuse_updates() throws Exception {
        String query = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://scalingatlas.org/ontology#Paper> }";
        HttpResponse<String> viaGet = get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(200, viaGet.statusCode());
        assertEquals("2", JSON.readTree(viaGet.body()).at("/results/bindings/0/n/value").asText());
        HttpResponse<String> viaBody = send(HttpRequest.newBuilder(uri("/sparql")).header("Content-Type", "application/sparql-query")
                .header("Accept", "text/csv").POST(HttpRequest.BodyPublishers.ofString(query)).build());
        assertEquals("n\r\n2\r\n", viaBody.body());
        assertTrue(viaBody.headers().firstValue("content-type").orElseThrow().startsWith("text/csv"));
        HttpResponse<String> viaForm = send(HttpRequest.newBuilder(uri("/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))).build());
        assertEquals(200, viaForm.statusCode());

        HttpResponse<String> update = send(HttpRequest.newBuilder(uri("/sparql")).header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString("DROP ALL")).build());
        assertEquals(403, update.statusCode());
        HttpResponse<String> formUpdate = send(HttpRequest.newBuilder(uri("/sparql")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=DROP%20ALL")).build());
        assertEquals(403, formUpdate.statusCode());
        assertEquals("read-only", json(formUpdate, 403).get("error").asText().split(":")[0].replace("this endpoint is ", ""));
        assertEquals(400, get("/sparql").statusCode());
        assertEquals(415, send(HttpRequest.newBuilder(uri("/sparql")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build()).statusCode());
        assertEquals("2", JSON.readTree(get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body())
                .at("/results/bindings/0/n/value").asText(), "nothing was deleted");
    }

    @Test
    void should_keep_answering_while_a_heavy_query_runs_and_then_cut_it_off() throws Exception {
        String heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        CompletableFuture<HttpResponse<String>> slow = CLIENT.sendAsync(
                HttpRequest.newBuilder(uri("/sparql?query=" + URLEncoder.encode(heavy, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200);
        long started = System.nanoTime();
        HttpResponse<String> health = get("/health");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, health.statusCode());
        assertTrue(millis < 1000, "health answered in " + millis + " ms while the heavy query ran");
        HttpResponse<String> cut = slow.get();
        assertEquals(503, cut.statusCode());
        assertTrue(JSON.readTree(cut.body()).get("error").asText().contains("longer than 1500 ms"), cut.body());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
