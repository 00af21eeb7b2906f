package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/** {@code ./atlas ingest} of libraries and of arXiv ids, as a user runs it: what it prints and what it writes. */
class IngestCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path corpus;
    private String savedHome;
    private HttpServer server;

    @BeforeEach
    void copyCorpus() {
        corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus"));
        savedHome = System.getProperty("atlas.home");
    }

    @AfterEach
    void restore() {
        if (savedHome == null) {
            System.clearProperty("atlas.home");
        } else {
            System.setProperty("atlas.home", savedHome);
        }
        if (server != null) {
            server.stop(0);
        }
    }

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    /** A project folder whose atlas.properties points the arXiv API at {@code url}, with no politeness wait. */
    private void arxivAt(String url) throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("atlas.properties"), "arxiv.api.url=" + url + "\narxiv.interval.ms=0\narxiv.attempts=2\n");
        System.setProperty("atlas.home", home.toString());
    }

    @Test
    void should_import_libraries_and_say_what_was_added_and_updated() {
        int status = run("ingest", "--corpus", corpus.toString(), "tests/fixtures/library/zotero.bib", "tests/fixtures/library/zotero.json");
        assertEquals(0, status, err.toString());
        assertEquals("""
                Read 2 papers from tests/fixtures/library/zotero.bib
                Read 3 papers from tests/fixtures/library/zotero.json
                4 distinct papers: added 3, updated 1 (authors, doi, sources), unchanged 0 (%s)
                """.formatted(corpus.resolve("papers")), out.toString());
        assertTrue(err.toString().contains("warning: tests/fixtures/library/zotero.bib:29: entry 'noauthor_reading_2021' has no title; skipped"),
                err.toString());
    }

    @Test
    void should_fetch_arxiv_ids_from_the_configured_api() throws IOException {
        AtomicInteger requests = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/query", exchange -> {
            requests.incrementAndGet();
            byte[] body = Files.readAllBytes(Path.of("tests/fixtures/arxiv-feed.atom"));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        arxivAt("http://127.0.0.1:" + server.getAddress().getPort() + "/api/query");
        assertEquals(0, run("ingest", "--corpus", corpus.toString(), "--arxiv", "2203.15556", "2001.08361"), err.toString());
        assertEquals(1, requests.get(), "two ids, one request");
        assertTrue(out.toString().contains("Read 2 papers from the arXiv API"), out.toString());
        assertTrue(out.toString().contains("2 distinct papers: added 1, updated 1 (authors, sources), unchanged 0"), out.toString());
        Paper kaplan = new PaperStore(corpus).loadAll().stream().filter(p -> "2001.08361".equals(p.arxiv())).findFirst().orElseThrow();
        assertEquals(List.of("arxiv-api"), kaplan.sources());
    }

    @Test
    void should_refuse_a_bad_arxiv_id_in_one_line_before_any_request() throws IOException {
        arxivAt("http://127.0.0.1:9/api/query");
        assertEquals(1, run("ingest", "--corpus", corpus.toString(), "--arxiv", "2203.15556", "not-an-id"));
        assertEquals("atlas: error: 'not-an-id' is not an arXiv id (expected e.g. 2203.15556 or hep-th/9901001); nothing was fetched\n",
                err.toString());
    }

    @Test
    void should_fail_in_one_line_and_write_nothing_when_the_api_cannot_be_reached() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        arxivAt("http://127.0.0.1:" + port + "/api/query");
        List<Paper> before = new PaperStore(corpus).loadAll();
        assertEquals(1, run("ingest", "--corpus", corpus.toString(), "tests/fixtures/library/zotero.bib", "--arxiv", "2001.08361"));
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("atlas: error: cannot fetch from the arXiv API at http://127.0.0.1:" + port + "/api/query: "),
                err.toString());
        assertTrue(err.toString().strip().endsWith("(2 attempts); is this machine online? Nothing was written"), err.toString());
        assertEquals("", out.toString());
        assertEquals(before, new PaperStore(corpus).loadAll());
    }

    @Test
    void should_ask_for_an_input_when_given_none() {
        assertEquals(2, run("ingest", "--corpus", corpus.toString()));
        assertTrue(err.toString().contains("Missing required parameter: FILE or --arxiv ID"), err.toString());
    }
}
