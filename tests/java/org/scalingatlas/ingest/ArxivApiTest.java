package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/** The arXiv API client against a local server that replays recorded Atom responses. */
class ArxivApiTest {

    private static final Path FIXTURES = Path.of("tests/fixtures");

    /** One request as the server saw it: when it arrived (server clock) and the ids it asked for. */
    record Seen(long nanos, String idList) {
    }

    /** What the server does with one request: a status, or a pause longer than the client's timeout. */
    record Reply(int status, Duration delay) {
        static Reply ok() {
            return new Reply(200, Duration.ZERO);
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();
    private HttpServer server;

    @TempDir
    Path tmp;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private URI start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/query", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
        String idList = query.replaceAll(".*id_list=([^&]*).*", "$1");
        seen.add(new Seen(System.nanoTime(), idList));
        Reply reply;
        synchronized (script) {
            reply = script.isEmpty() ? Reply.ok() : script.poll();
        }
        try {
            Thread.sleep(reply.delay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = reply.status() == 200 ? recorded(idList) : "Service Unavailable".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/atom+xml; charset=utf-8");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** The recorded answer to an id list: one id's feed, the two-id feed, or for an id not recorded a feed without entries. */
    private static byte[] recorded(String idList) throws IOException {
        Path file = idList.contains(",") ? FIXTURES.resolve("arxiv-feed.atom") : FIXTURES.resolve("arxiv-api/" + idList.replace('/', '_') + ".atom");
        if (Files.exists(file)) {
            return Files.readAllBytes(file);
        }
        String one = Files.readString(FIXTURES.resolve("arxiv-api/2001.08361.atom"));
        return one.replaceAll("(?s)<entry>.*</entry>", "").replace("<opensearch:totalResults>1", "<opensearch:totalResults>0")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static ArxivApi api(URI endpoint, Duration interval, Duration timeout, int attempts, int batch) {
        return new ArxivApi(new ArxivApi.Settings(endpoint, interval, timeout, attempts, batch));
    }

    @Test
    void should_fetch_several_ids_in_one_request_and_read_them_with_the_atom_reader() throws IOException {
        List<ListingEntry> entries = api(start(), Duration.ZERO, Duration.ofSeconds(5), 3, 100)
                .fetch(List.of("2203.15556", "2001.08361v1"));
        assertEquals(List.of("2203.15556,2001.08361"), seen.stream().map(Seen::idList).toList(), "one batch, versions dropped");
        assertEquals(List.of("2001.08361", "2203.15556"), entries.stream().map(ListingEntry::arxiv).toList());
        assertEquals("Scaling Laws for Neural Language Models", entries.get(0).title());
        assertEquals(List.of("Jared Kaplan", "Sam McCandlish", "Tom Henighan"), entries.get(0).authors());
        assertEquals(LocalDate.of(2020, 1, 23), entries.get(0).date());
        assertEquals(ArxivApi.SOURCE, entries.get(0).source());
    }

    @Test
    void should_space_requests_by_the_politeness_interval_as_the_server_sees_them() throws IOException {
        Duration interval = Duration.ofMillis(400);
        List<ListingEntry> entries = api(start(), interval, Duration.ofSeconds(5), 3, 1).fetch(List.of("2001.08361", "2203.15556"));
        assertEquals(2, entries.size());
        assertEquals(List.of("2001.08361", "2203.15556"), seen.stream().map(Seen::idList).toList(), "one request per batch of one");
        long gap = seen.get(1).nanos() - seen.get(0).nanos();
        assertTrue(gap >= interval.toNanos(), "requests arrived " + gap / 1_000_000 + " ms apart; the interval is 400 ms");
    }

    @Test
    void should_retry_a_503_after_a_backoff_and_then_succeed() throws IOException {
        script.add(new Reply(503, Duration.ZERO));
        Duration interval = Duration.ofMillis(100);
        List<ListingEntry> entries = api(start(), interval, Duration.ofSeconds(5), 3, 100).fetch(List.of("2001.08361"));
        assertEquals(1, entries.size());
        assertEquals(2, seen.size(), "the 503, then the 200");
        long gap = seen.get(1).nanos() - seen.get(0).nanos();
        assertTrue(gap >= 2 * interval.toNanos(), "the retry waits twice the interval after a first failure, waited " + gap / 1_000_000 + " ms");
    }

    @Test
    void should_give_up_after_the_configured_attempts_with_one_line() throws IOException {
        for (int i = 0; i < 5; i++) {
            script.add(new Reply(503, Duration.ZERO));
        }
        URI endpoint = start();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> api(endpoint, Duration.ofMillis(10), Duration.ofSeconds(5), 3, 100).fetch(List.of("2001.08361")));
        assertEquals(3, seen.size(), "three attempts, no more");
        assertEquals("cannot fetch from the arXiv API at " + endpoint + ": answered HTTP 503 (3 attempts); nothing was written", e.getMessage());
    }

    @Test
    void should_retry_a_request_that_times_out() throws IOException {
        script.add(new Reply(200, Duration.ofSeconds(3)));
        List<ListingEntry> entries = api(start(), Duration.ofMillis(10), Duration.ofMillis(500), 2, 100).fetch(List.of("2203.15556"));
        assertEquals("2203.15556", entries.get(0).arxiv());
        assertEquals(2, seen.size(), "the slow answer was abandoned and the request sent again");
    }

    @Test
    void should_say_in_one_line_that_a_request_timed_out_every_time() throws IOException {
        script.add(new Reply(200, Duration.ofSeconds(3)));
        URI endpoint = start();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> api(endpoint, Duration.ofMillis(10), Duration.ofMillis(300), 1, 100).fetch(List.of("2203.15556")));
        assertEquals("cannot fetch from the arXiv API at " + endpoint + ": no answer within 300 ms (1 attempt); "
                + "is this machine online? Nothing was written", e.getMessage());
    }

    @Test
    void should_say_in_one_line_that_the_host_refused_the_connection() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI endpoint = URI.create("http://127.0.0.1:" + port + "/api/query");
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> api(endpoint, Duration.ofMillis(10), Duration.ofSeconds(2), 2, 100).fetch(List.of("2203.15556")));
        assertTrue(e.getMessage().startsWith("cannot fetch from the arXiv API at " + endpoint + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(2 attempts); is this machine online? Nothing was written"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
        assertFalse(e.getMessage().contains("Exception"), "no exception class names: " + e.getMessage());
    }

    @Test
    void should_fail_at_once_when_the_host_name_does_not_resolve() {
        URI endpoint = URI.create("http://arxiv-api.invalid/api/query");
        long start = System.nanoTime();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> api(endpoint, Duration.ofSeconds(2), Duration.ofSeconds(5), 3, 100).fetch(List.of("2203.15556")));
        assertEquals("cannot fetch from the arXiv API at " + endpoint + ": cannot resolve arxiv-api.invalid; is this machine online? "
                + "Nothing was written", e.getMessage());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos(), "not retried: a retry would wait 4 s first");
    }

    @Test
    void should_be_reachable_from_the_ingest_command_only_so_the_server_never_fetches() throws IOException {
        Path sources = Path.of("src/main/java/org/scalingatlas");
        List<String> users;
        try (var files = Files.walk(sources)) {
            users = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getParent().endsWith("ingest"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("ArxivApi") || Files.readString(f).contains("Ingestion");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(f -> sources.relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of("app/Curation.java", "cli/IngestCommand.java"), users, "the ingest command, through the curation service");
        List<String> servers;
        try (var files = Files.walk(sources)) {
            servers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.getParent().endsWith("http") || f.getParent().endsWith("mcp"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("Curation");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .map(f -> sources.relativize(f).toString()).sorted().toList();
        }
        assertEquals(List.of(), servers, "neither server reaches the curation service, so nothing a client sends makes it fetch");
    }

    @Test
    void should_refuse_a_bad_id_before_any_request() throws IOException {
        URI endpoint = start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> api(endpoint, Duration.ZERO, Duration.ofSeconds(5), 3, 100).fetch(List.of("2203.15556", "2203.1555x")));
        assertEquals("'2203.1555x' is not an arXiv id (expected e.g. 2203.15556 or hep-th/9901001); nothing was fetched", e.getMessage());
        assertTrue(seen.isEmpty(), "no request was sent");
    }

    @Test
    void should_refuse_an_id_the_api_does_not_return() throws IOException {
        URI endpoint = start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> api(endpoint, Duration.ZERO, Duration.ofSeconds(5), 3, 1).fetch(List.of("2001.08361", "2203.15556", "hep-th/9901001")));
        assertEquals("the arXiv API has no paper hep-th/9901001; nothing was written", e.getMessage());
        assertEquals(3, seen.size(), "one request per batch of one");
    }

    @Test
    void should_merge_fetched_papers_into_the_corpus_and_write_nothing_when_the_api_is_unreachable() throws IOException {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus"));
        PaperStore store = new PaperStore(corpus);
        List<Paper> before = store.loadAll();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        URI dead = URI.create("http://127.0.0.1:" + port + "/api/query");
        ListingReader reader = new ListingReader(2026, LocalDate.of(2026, 12, 1));
        assertThrows(UncheckedIOException.class, () -> new Ingestion(store, reader, () -> api(dead, Duration.ZERO, Duration.ofSeconds(1), 1, 100))
                .run(List.of(FIXTURES.resolve("library/zotero.bib")), List.of("2001.08361")));
        assertEquals(before, store.loadAll(), "the readable BibTeX file was not written either");

        URI endpoint = start();
        Ingestion.Result result = new Ingestion(store, reader, () -> api(endpoint, Duration.ZERO, Duration.ofSeconds(5), 3, 100))
                .run(List.of(), List.of("2001.08361", "2203.15556"));
        assertEquals("added 1, updated 1 (authors, sources), unchanged 0", result.report().summary());
        Paper kept = store.loadAll().stream().filter(p -> p.id().equals("compute-optimal-study")).findFirst().orElseThrow();
        assertEquals("A Fixture Study of Compute-Optimal Training", kept.title(), "the curated title stays");
        assertEquals(List.of("Jordan Hoffmann", "Sebastian Borgeaud"), kept.authors());
    }
}
