package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Slow;
import org.scalingatlas.config.AtlasConfig;

/**
 * The pool of expensive requests over real HTTP: a wall-time limit that frees the thread, a client that leaves stops
 * its fit, every expensive endpoint shares the pool while the cheap ones stay out of it.
 */
@Slow
class HeavyRequestsTest {

    @Test
    void should_refuse_a_fit_past_the_wall_time_and_free_its_thread() throws Exception {
        try (Loopback api = HeavyFixtures.server(new AtlasConfig.Heavy(1, 0, Duration.ofSeconds(1)))) {
            long start = System.nanoTime();
            HttpResponse<String> late = api.post("/api/laws/fit", "application/json", HeavyFixtures.bigFit());
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, late.statusCode(), late.body());
            assertEquals("1", late.headers().firstValue("Retry-After").orElse(""));
            String error = HeavyFixtures.error(late);
            assertTrue(error.matches("the fit (did not finish within 1 s|was stopped after 1.0 s).*\\(server.heavy.timeout.ms\\); ask for less.*"), error);
            assertTrue(ms < 4_000, "answered after " + ms + " ms");
            // one place, no queue: the small fit gets it only if the big one really stopped (else 503 for 20 s)
            assertEquals(200, firstAnswer(api, "/api/laws/fit", HeavyFixtures.smallFit(), Duration.ofSeconds(2)).statusCode());
        }
    }

    @Test
    void should_stop_a_fit_when_its_client_closes_the_connection() throws Exception {
        try (Loopback api = HeavyFixtures.server(new AtlasConfig.Heavy(1, 0, Duration.ofSeconds(60)))) {
            byte[] body = HeavyFixtures.bigFit().getBytes(StandardCharsets.UTF_8);
            try (Socket socket = new Socket("127.0.0.1", api.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/laws/fit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                Thread.sleep(2_000);
                assertEquals(503, api.post("/api/laws/fit", "application/json", HeavyFixtures.smallFit()).statusCode(), "the big fit holds the only place");
            }
            long closed = System.nanoTime();
            HttpResponse<String> after = firstAnswer(api, "/api/laws/fit", HeavyFixtures.smallFit(), Duration.ofSeconds(3));
            assertEquals(200, after.statusCode(), "the place was not freed " + (System.nanoTime() - closed) / 1_000_000 + " ms after the client left: "
                    + after.body());
        }
    }

    @Test
    void should_put_fits_curves_numerical_allocations_and_exports_in_the_one_pool_and_leave_the_cheap_requests_out() throws Exception {
        try (Loopback api = HeavyFixtures.server(new AtlasConfig.Heavy(1, 0, Duration.ofSeconds(5)))) {
            CompletableFuture<HttpResponse<String>> big = CompletableFuture.supplyAsync(() -> {
                try {
                    return api.post("/api/laws/fit", "application/json", HeavyFixtures.bigFit());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(2_000); // the first request of a fresh server parses 10,000 points cold; a probe now could take the place first
            assertTrue(!big.isDone(), "the big fit should hold the place: " + (big.isDone() ? big.get().body() : ""));
            for (HttpResponse<String> busy : java.util.List.of(
                    api.get("/api/export.bib"),
                    api.get("/api/export.csl.json"),
                    api.post(HeavyFixtures.BIG_CURVE_PATH, "application/json", HeavyFixtures.bigCurve()),
                    api.post("/api/laws/muennighoff-data-constrained-loss/optimal", "application/json", "{\"N\": 7e10, \"U_D\": 2.5e10}"),
                    api.post("/api/laws/fit", "application/json", HeavyFixtures.smallFit()))) {
                assertEquals(503, busy.statusCode(), busy.uri() + " " + busy.body());
                assertTrue(busy.headers().firstValue("Retry-After").isPresent(), busy.uri().toString());
                assertTrue(HeavyFixtures.error(busy).contains("1 expensive requests (fits, curves, exports) are running and 0 more are waiting"), busy.body());
            }
            assertEquals(200, api.get("/health").statusCode());
            assertEquals(200, api.post("/api/laws/chinchilla-parametric-loss/evaluate", "application/json", "{\"N\": 7e10, \"D\": 1.4e12}").statusCode());
            // a closed form (the paper's) takes microseconds: not worth a place
            assertEquals(200, api.post("/api/laws/chinchilla-parametric-loss/optimal", "application/json", "{\"C\": 1e22}").statusCode());
            assertEquals(503, big.get().statusCode());
            assertEquals(200, firstAnswer(api, "/api/export.bib", null, Duration.ofSeconds(2)).statusCode());
        }
    }

    @Test
    void should_close_a_watched_connection_after_its_response_so_a_pipelined_request_is_never_lost() throws Exception {
        try (Loopback api = HeavyFixtures.server(new AtlasConfig.Heavy(2, 2, Duration.ofSeconds(5)));
                Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(5_000);
            byte[] body = HeavyFixtures.smallFit().getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/laws/fit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(response.startsWith("HTTP/1.1 200"), response.lines().findFirst().orElse(""));
            assertTrue(response.toLowerCase(java.util.Locale.ROOT).contains("\nconnection: close"), response.substring(0, Math.min(600, response.length())));
            // and a client that keeps its connections open (java.net.http) still gets every answer
            for (int i = 0; i < 3; i++) {
                assertEquals(200, api.post("/api/laws/fit", "application/json", HeavyFixtures.smallFit()).statusCode());
            }
        }
    }

    /** Sends until the answer is not a 503 or {@code within} has passed; the last answer. */
    private static HttpResponse<String> firstAnswer(Loopback api, String path, String body, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (true) {
            HttpResponse<String> response = body == null ? api.get(path) : api.post(path, "application/json", body);
            if (response.statusCode() != 503 || System.nanoTime() > end) {
                return response;
            }
            Thread.sleep(50);
        }
    }
}
