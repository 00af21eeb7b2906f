package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.graph.KnowledgeGraph;

/**
 * The slow-body attack of issue #13, shortened: 300 connections from one client announce a 100 kB body, half of them
 * then send a byte a second and half nothing at all, while another client asks questions and checks health. The server keeps answering the other client
 * at once, holds no more than {@code server.connections.per.client} of the slow ones, and closes those soon.
 */
@Slow
class SlowClientsTest {

    private static final int ATTEMPTS = 300;
    private static final int PER_CLIENT = 64;
    private static final Duration IDLE = Duration.ofSeconds(2);
    /** The attacker's address: the whole of 127/8 is loopback, so it is another client than the measuring one on 127.0.0.1. */
    private static final String ATTACKER = "127.0.0.2";
    private static final String ASK = "/api/ask?q=" + URLEncoder.encode("How should compute be split between parameters and tokens?", StandardCharsets.UTF_8);

    @TempDir
    Path data;

    @Test
    void should_keep_answering_others_while_one_client_trickles_300_slow_bodies() throws Exception {
        AtlasConfig config = TestAtlas.config(TestAtlas.FIXTURE_CORPUS, data);
        AtlasConfig.Limits limits = config.limits();
        config = config.withLimits(new AtlasConfig.Limits(0, limits.burst(), limits.maxBodyBytes(), IDLE, PER_CLIENT));
        Atlas atlas = Atlas.open(config, KnowledgeGraph.Storage.IN_MEMORY);
        try (Loopback server = new Loopback(AtlasServer.create(atlas.services()).start("127.0.0.1", 0));
                ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
            HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.1")).build();
            assertEquals(200, client.send(request(server, ASK), HttpResponse.BodyHandlers.ofString()).statusCode(), "warm");

            List<Slow> slow = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                Slow connection = new Slow(new Socket(InetAddress.getByName("127.0.0.1"), server.port(), InetAddress.getByName(ATTACKER), 0));
                String target = i % 4 < 2 ? "/sparql HTTP/1.1\r\nContent-Type: application/sparql-query" : "/api/laws/fit HTTP/1.1\r\nContent-Type: application/json";
                connection.socket.getOutputStream().write(("POST " + target + "\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
                readers.submit(connection::readUntilClosed);
                slow.add(connection);
            }
            Thread trickle = Thread.ofVirtual().start(() -> trickle(slow));

            List<Long> health = new ArrayList<>();
            int asks = 0;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (System.nanoTime() < until) {
                long before = System.nanoTime();
                assertEquals(200, client.send(request(server, "/health"), HttpResponse.BodyHandlers.ofString()).statusCode());
                health.add(System.nanoTime() - before);
                if (health.size() % 20 == 0) {
                    HttpResponse<String> answer = client.send(request(server, ASK), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, answer.statusCode(), answer.body());
                    asks++;
                }
            }
            trickle.interrupt();

            health.sort(null);
            long p99 = TimeUnit.NANOSECONDS.toMillis(health.get((int) (health.size() * 0.99)));
            System.out.printf("slow clients: %d health checks, p99 %d ms, max %d ms; %d asks, all 200%n", health.size(), p99,
                    TimeUnit.NANOSECONDS.toMillis(health.get(health.size() - 1)), asks);
            assertTrue(p99 < 1_000, "health p99 " + p99 + " ms");
            assertTrue(asks >= 5, "asked " + asks + " questions");

            long refusedAtOnce = slow.stream().filter(s -> s.received.size() == 0).count();
            assertTrue(slow.stream().filter(s -> s.received.size() == 0).allMatch(s -> s.openFor() >= 0 && s.openFor() < 1_000),
                    "a connection past the limit is closed as it opens");
            // the server holds exactly the limit at once, by its own count of the connections it took: from this side a
            // close is noticed as late as the scheduler lets a reader run (up to 83 against 64 seen on a loaded machine),
            // so the client's view is printed, not asserted; on a loaded machine the first connections can also time
            // out before the last ones open, freeing places, so the count of refusals alone depends on timing
            ConnectionsPerClient perClient = server.javalin().jettyServer().server().getConnectors()[0].getBean(ConnectionsPerClient.class);
            assertEquals(PER_CLIENT, perClient.mostHeldAtOnce(InetAddress.getByName(ATTACKER)),
                    "the server held as many of the client's slow connections at once as its limit, and no more");
            System.out.printf("slow clients: the server held at most %d at once; seen from the client, %d%n", perClient.mostHeldAtOnce(InetAddress.getByName(ATTACKER)),
                    mostHeldAtOnce(slow.stream().filter(s -> s.received.size() > 0).toList()));
            // how many the server can have taken at all: each of its PER_CLIENT places is taken again only when the
            // connection in it closes, so while the client opens its connections (openingSpan) a place serves at most
            // 1 + openingSpan / shortest-held connections; the rest must have been closed at once. A loaded machine opens
            // them more slowly, and then more places are freed and taken again (120 refused of 300 seen, 236 on an idle one)
            List<Slow> taken = slow.stream().filter(s -> s.received.size() > 0).toList();
            long openingSpan = TimeUnit.NANOSECONDS.toMillis(slow.get(slow.size() - 1).opened - slow.get(0).opened);
            long shortestHeld = Math.max(1, taken.stream().mapToLong(Slow::openFor).min().orElse(IDLE.toMillis()));
            long mostTaken = PER_CLIENT * (1 + openingSpan / shortestHeld);
            System.out.printf("slow clients: opened over %d ms, each taken one held at least %d ms: at most %d could be taken, %d were%n",
                    openingSpan, shortestHeld, mostTaken, taken.size());
            assertTrue(refusedAtOnce > 0 && taken.size() <= mostTaken,
                    "connections past the per-client limit are closed at once: " + refusedAtOnce + " refused, " + taken.size() + " taken");
            long margin = IDLE.toMillis() + 3_000;
            int timedOut = 0;
            for (Slow connection : slow) {
                long closed = connection.openFor();
                assertTrue(closed >= 0 && closed < margin, "every slow connection is closed within " + margin + " ms: " + closed);
                String answer = connection.received.toString(StandardCharsets.UTF_8);
                assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 4"), "a refusal, never a 5xx: " + answer);
                if (!answer.isEmpty()) {
                    EdgeTest.errorOf(answer);
                    timedOut += answer.startsWith("HTTP/1.1 408 ") ? 1 : 0;
                }
            }
            System.out.printf("slow clients: %d closed at once (past %d per client), the rest after %d ms at most, %d of them answered 408%n",
                    refusedAtOnce, PER_CLIENT, slow.stream().mapToLong(Slow::openFor).max().orElse(-1), timedOut);
            assertEquals(ATTEMPTS - refusedAtOnce, timedOut, "each slow connection the server took is answered 408 in the JSON shape");

            HttpClient again = HttpClient.newBuilder().localAddress(InetAddress.getByName(ATTACKER)).build();
            assertEquals(200, again.send(request(server, "/health"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "once its connections are closed, the same client is served again (the count went back down)");
        }
    }

    /** The most connections open at the same moment, from each one's opening and closing times. */
    private static int mostHeldAtOnce(List<Slow> accepted) {
        List<long[]> events = new ArrayList<>();
        for (Slow connection : accepted) {
            events.add(new long[] {connection.opened, 1});
            events.add(new long[] {connection.closedAt, -1});
        }
        events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int open = 0;
        int most = 0;
        for (long[] event : events) {
            open += (int) event[1];
            most = Math.max(most, open);
        }
        return most;
    }

    private static HttpRequest request(Loopback server, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10)).build();
    }

    /** A byte a second to every other slow connection still open; the rest stay silent. */
    private static void trickle(List<Slow> slow) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1_000);
                for (int i = 0; i < slow.size(); i += 2) {
                    slow.get(i).send('x');
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One slow connection: what the server sent on it, and when it closed it. */
    private static final class Slow {
        final Socket socket;
        final long opened = System.nanoTime();
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile long closedAt;

        Slow(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(20_000);
        }

        void readUntilClosed() {
            byte[] buffer = new byte[4096];
            try (socket; InputStream in = socket.getInputStream()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                // reset by the server, or still open after 20 s (then closedAt says so)
            }
            closedAt = System.nanoTime();
        }

        void send(int b) {
            if (closedAt == 0) {
                try {
                    socket.getOutputStream().write(b);
                } catch (IOException e) {
                    // closed by the server
                }
            }
        }

        /** Milliseconds from its own opening to the server closing it, or -1 if it is open. */
        long openFor() {
            return closedAt == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(closedAt - opened);
        }
    }
}
