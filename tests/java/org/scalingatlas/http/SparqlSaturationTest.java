package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;

/**
 * Eight clients keep the SPARQL endpoint saturated with regex bombs and cross products for about eight seconds while
 * another measures {@code /health} and {@code /api/ask}: every heavy query ends at its limit (or is turned away as
 * busy), and the rest of the server keeps answering.
 */
@Slow
class SparqlSaturationTest {

    private static final Duration SATURATION = Duration.ofSeconds(8);
    private static final List<String> HEAVY = List.of(
            "ASK { FILTER(REGEX(\"" + "a".repeat(5000) + "!\", \"(.*a){12}$\")) }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?o FILTER(CONTAINS(STR(?o), \"no-such-text\")) }",
            "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?o FILTER(REGEX(STR(?o), \"(.*a){12}$\")) }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }");

    @TempDir
    static Path data;

    @Test
    void should_keep_health_and_ask_answering_while_sparql_is_saturated() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (Loopback api = new Loopback(AtlasServer.create(TestAtlas.open(TestAtlas.FIXTURE_CORPUS, data).services()).start("127.0.0.1", 0));
                ExecutorService clients = Executors.newFixedThreadPool(9)) {
            long end = System.nanoTime() + SATURATION.toNanos();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int client0 = c;
                running.add(clients.submit(() -> {
                    for (int i = client0; System.nanoTime() < end; i++) {
                        String query = HEAVY.get(i % HEAVY.size());
                        HttpResponse<String> response = client.send(HttpRequest.newBuilder(api.uri("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.statusCode() != 200 && response.statusCode() != 503) {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                    }
                    return null;
                }));
            }
            Future<List<Long>> healthChecks = clients.submit(() -> {
                List<Long> millis = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long started = System.nanoTime();
                    assertEquals(200, client.send(HttpRequest.newBuilder(api.uri("/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode());
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    Thread.sleep(20);
                }
                return millis;
            });
            int asks = 0;
            URI ask = api.uri("/api/ask?q=" + URLEncoder.encode("How should compute be split between parameters and tokens?", StandardCharsets.UTF_8));
            while (System.nanoTime() < end) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(ask).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), answer.body());
                asks++;
                Thread.sleep(50);
            }
            List<Long> health = new ArrayList<>(healthChecks.get());
            for (Future<?> f : running) {
                f.get();
            }
            Collections.sort(health);
            long p99 = health.get((int) Math.ceil(health.size() * 0.99) - 1);
            System.out.printf("saturation: %d health checks, p50 %d ms, p99 %d ms, max %d ms (slowest %s); %d asks answered 200; sparql statuses %s%n",
                    health.size(), health.get(health.size() / 2), p99, health.get(health.size() - 1),
                    health.subList(Math.max(0, health.size() - 5), health.size()), asks, statuses);
            assertTrue(p99 < 1_000, "/health p99 " + p99 + " ms");
            assertTrue(asks > 0 && health.size() >= 50, "measured while saturated: " + health.size() + " health checks");
            assertEquals(List.of(), unexpected, "every heavy query ends at its limit or is turned away as busy");
            assertTrue(statuses.getOrDefault(503, new AtomicInteger()).get() > 0, "the heavy queries were really stopped: " + statuses);
            assertEquals(200, api.get("/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8)).statusCode(),
                    "the endpoint is free again afterwards");
        }
    }
}
