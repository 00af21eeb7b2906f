package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.bench.Corpora;

/**
 * A bounded load over loopback: 32 clients for 60 s ({@code -Datlas.load.seconds} changes it) mixing questions (the
 * evaluation set's, and new ones that churn the embedding cache), traces, law evaluations and optimal allocations,
 * SPARQL queries, paper records and the page itself. No request may fail, and the live heap after the run must be
 * within 16 MB of the live heap after the warm-up.
 */
@Slow
class LoadTest {

    private static final int CLIENTS = 32;
    private static final long HEAP_GROWTH_ALLOWED = 16L << 20;

    @Test
    void should_serve_32_clients_for_a_minute_without_an_error_and_with_flat_memory() throws Exception {
        Atlas atlas = TestAtlas.real();
        Javalin server = AtlasServer.create(atlas.services()).start("127.0.0.1", 0);
        int seconds = Integer.getInteger("atlas.load.seconds", 60);
        try {
            List<LongFunction<HttpRequest>> mix = requests(atlas, "http://127.0.0.1:" + server.port());
            HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
            run(client, mix, Math.min(10, seconds / 6), new ConcurrentHashMap<>());
            long heapAfterWarmUp = liveHeap();

            Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
            long[] all = run(client, mix, seconds, errors);
            long total = all.length;
            long heapAfterRun = liveHeap();

            System.out.printf(Locale.ROOT, "load: %d clients, %d s, %d requests (%.0f/s), p50 %.1f ms, p99 %.1f ms, errors %d; live heap %d MB after warm-up, %d MB after%n",
                    CLIENTS, seconds, total, total / (double) seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    errors.values().stream().mapToLong(AtomicLong::get).sum(), heapAfterWarmUp >> 20, heapAfterRun >> 20);
            assertEquals(Map.of(), Map.copyOf(errors), "no request failed");
            assertTrue(total > seconds * 20L, "the server kept answering: " + total + " requests");
            assertTrue(heapAfterRun - heapAfterWarmUp < HEAP_GROWTH_ALLOWED,
                    "live heap grew from " + (heapAfterWarmUp >> 20) + " MB to " + (heapAfterRun >> 20) + " MB");
        } finally {
            server.stop();
        }
    }

    /** Runs the clients until the time is up; returns every request's latency in nanoseconds, sorted. */
    private static long[] run(HttpClient client, List<LongFunction<HttpRequest>> mix, int seconds, Map<String, AtomicLong> errors) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong counter = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[]>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long i = counter.getAndIncrement();
                    HttpRequest request = mix.get((int) (i % mix.size())).apply(i);
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            errors.computeIfAbsent(request.uri().getPath() + " " + response.statusCode() + " " + response.body(), k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (java.io.IOException e) {
                        errors.computeIfAbsent(request.uri().getPath() + " " + e, k -> new AtomicLong()).incrementAndGet();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - started;
                }
                return Arrays.copyOf(mine, n);
            }));
        }
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> f : done) {
            latencies.add(f.get());
        }
        clients.shutdown();
        return latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    private static List<LongFunction<HttpRequest>> requests(Atlas atlas, String base) {
        List<String> questions = Corpora.questions();
        List<String> notes = atlas.corpus().notes().stream().map(n -> n.id()).toList();
        List<String> papers = atlas.corpus().papers().stream().map(p -> p.id()).toList();
        String select = "PREFIX atlas: <https://scalingatlas.org/ontology#> SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 50";
        List<LongFunction<HttpRequest>> mix = new ArrayList<>();
        mix.add(i -> get(base + "/api/ask?q=" + encode(questions.get((int) (i % questions.size())))));
        mix.add(i -> get(base + "/api/ask?q=" + encode("Question " + i + ": " + questions.get((int) (i % questions.size())))));
        mix.add(i -> get(base + "/api/notes/" + notes.get((int) (i % notes.size())) + "/trace"));
        mix.add(i -> post(base + "/api/laws/chinchilla-parametric-loss/evaluate", "{\"N\": " + (1e8 + i * 1e6) + ", \"D\": 1.4e12}"));
        mix.add(i -> post(base + "/api/laws/chinchilla-parametric-loss/optimal", "{\"C\": " + (1e20 + i * 1e18) + "}"));
        mix.add(i -> get(base + "/sparql?query=" + encode(select)));
        mix.add(i -> get(base + "/api/papers/" + papers.get((int) (i % papers.size()))));
        mix.add(i -> get(base + "/"));
        return mix;
    }

    private static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).build();
    }

    private static HttpRequest post(String uri, String json) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The heap still in use after a full collection (asked for twice, as the JVM may ignore one request). */
    private static long liveHeap() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
