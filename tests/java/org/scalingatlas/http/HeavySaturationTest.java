package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Slow;
import org.scalingatlas.config.AtlasConfig;

/**
 * The attack of issue #13, scaled to a test: more expensive requests at once than the pool and its queue hold (fits of
 * 10,000 points and curves of 400 optimal allocations, each minutes of work unbounded) while another client measures
 * the cheap paths. The excess is refused at once, the admitted ones stop at the wall time, {@code /health} and the
 * asks keep answering, and afterwards the pool is free.
 */
@Slow
class HeavySaturationTest {

    private static final int CONCURRENT = 2;
    private static final int QUEUE = 4;
    private static final int FITS = 10;
    private static final int CURVES = 6;
    private static Loopback api;

    @BeforeAll
    static void start() throws Exception {
        api = HeavyFixtures.server(new AtlasConfig.Heavy(CONCURRENT, QUEUE, Duration.ofSeconds(4)));
        assertEquals(200, api.get("/api/ask?q=" + URLEncoder.encode("How does loss scale with compute?", StandardCharsets.UTF_8)).statusCode());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    record Sent(long nanos, HttpResponse<String> response) {
    }

    @Test
    void should_refuse_the_excess_at_once_and_keep_the_cheap_paths_answering() throws Exception {
        long testStart = System.nanoTime();
        AtomicBoolean flooding = new AtomicBoolean(true);
        List<Long> health = Collections.synchronizedList(new ArrayList<>());
        List<Integer> asks = Collections.synchronizedList(new ArrayList<>());
        List<Integer> healthStatus = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Exception> probeFailure = new AtomicReference<>();
        Thread healthProbe = Thread.ofPlatform().start(() -> probe(flooding, probeFailure, () -> {
            long start = System.nanoTime();
            healthStatus.add(api.get("/health").statusCode());
            health.add((System.nanoTime() - start) / 1_000_000);
            Thread.sleep(20);
        }));
        Thread askProbe = Thread.ofPlatform().start(() -> probe(flooding, probeFailure, () -> {
            asks.add(api.get("/api/ask?q=" + URLEncoder.encode("Is data or model size more important at a fixed budget?", StandardCharsets.UTF_8)).statusCode());
            Thread.sleep(200);
        }));

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String fit = HeavyFixtures.bigFit();
        String curve = HeavyFixtures.bigCurve();
        List<CompletableFuture<Sent>> heavy = new ArrayList<>();
        for (int i = 0; i < FITS + CURVES; i++) {
            boolean isFit = i % 8 < 5;
            HttpRequest request = HttpRequest.newBuilder(api.uri(isFit ? "/api/laws/fit" : HeavyFixtures.BIG_CURVE_PATH))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(isFit ? fit : curve)).build();
            long sent = System.nanoTime();
            heavy.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Sent(System.nanoTime() - sent, r)));
        }
        List<Sent> answers = new ArrayList<>();
        for (CompletableFuture<Sent> answer : heavy) {
            answers.add(answer.get());
        }
        flooding.set(false);
        healthProbe.join();
        askProbe.join();
        assertEquals(null, probeFailure.get(), "a probe failed");
        assertTrue(healthStatus.stream().allMatch(s -> s == 200), "health: " + healthStatus);

        int refusedAtOnce = 0;
        for (Sent sent : answers) {
            HttpResponse<String> response = sent.response();
            assertTrue(response.statusCode() == 200 || response.statusCode() == 503, response.statusCode() + " " + response.body());
            if (response.statusCode() == 503) {
                assertTrue(response.headers().firstValue("Retry-After").orElse("").matches("[1-9][0-9]*"), response.headers().toString());
                String error = HeavyFixtures.error(response);
                if (error.contains("are running and " + QUEUE + " more are waiting")) {
                    refusedAtOnce++;
                    assertTrue(sent.nanos() < 1_000_000_000L, "refused after " + sent.nanos() / 1_000_000 + " ms, not at once");
                } else {
                    assertTrue(error.matches("the (fit|curve) (did not finish within 4 s|was stopped after 4.0 s).*"), error);
                }
            }
        }
        assertTrue(refusedAtOnce >= FITS + CURVES - CONCURRENT - QUEUE, refusedAtOnce + " refused at once");

        List<Long> sorted = new ArrayList<>(health);
        Collections.sort(sorted);
        long p99 = sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1);
        assertTrue(sorted.size() >= 20, "only " + sorted.size() + " health probes");
        assertTrue(p99 < 1_000, "/health p99 " + p99 + " ms");
        assertTrue(asks.size() >= 3 && asks.stream().allMatch(s -> s == 200), "asks: " + asks);
        System.out.printf("saturation: %d heavy, %d refused at once; /health %d probes, p50 %d ms, p99 %d ms, max %d ms; %d asks, all 200; %d ms%n",
                answers.size(), refusedAtOnce, sorted.size(), sorted.get(sorted.size() / 2), p99, sorted.get(sorted.size() - 1), asks.size(),
                (System.nanoTime() - testStart) / 1_000_000);

        long end = System.nanoTime() + 3_000_000_000L;
        HttpResponse<String> small;
        do {
            small = api.post("/api/laws/fit", "application/json", HeavyFixtures.smallFit());
        } while (small.statusCode() == 503 && System.nanoTime() < end);
        assertEquals(200, small.statusCode(), "the pool is not free after the flood: " + small.body());
        assertTrue(System.nanoTime() - testStart < 25_000_000_000L, "the saturation took " + (System.nanoTime() - testStart) / 1_000_000 + " ms");
    }

    interface Step {
        void run() throws Exception;
    }

    private static void probe(AtomicBoolean running, AtomicReference<Exception> failure, Step step) {
        try {
            while (running.get()) {
                step.run();
            }
        } catch (Exception e) {
            failure.set(e);
        }
    }
}
