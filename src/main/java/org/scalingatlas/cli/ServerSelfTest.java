package org.scalingatlas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What {@code ./atlas serve --self-test} checks on the server it has just started, over real HTTP: that
 * {@code GET /health} answers 200 and that a question is answered (200) right away. The launcher runs it once after
 * each build, so that a process that exits normally records the archive later starts map (a server stopped by a signal
 * records none). With training questions (the corpus's own note titles, {@code --train-passes}), it then asks each of
 * them over HTTP as well, so that the run also records how the ask path runs: on a JDK 25+ the launcher keeps that in
 * an ahead-of-time cache, and later servers compile their hot code from the first requests on.
 */
final class ServerSelfTest {

    /** A question the bundled corpus answers; any answer with status 200 passes. */
    static final String QUESTION = "Does depth matter more than width?";
    private static final int TIMEOUT_MILLIS = 60_000;

    private final URI base;

    ServerSelfTest(String host, int port) {
        this.base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
    }

    /** Runs both checks, then asks every training question {@code passes} times; true when every request answered 200. */
    boolean run(PrintWriter out, List<String> training, int passes) {
        boolean health = check(out, "health", "health");
        boolean ask = check(out, "ask", ask(QUESTION));
        return health && ask && train(out, training, passes);
    }

    private boolean train(PrintWriter out, List<String> training, int passes) {
        if (passes == 0 || training.isEmpty()) {
            return true;
        }
        long started = System.nanoTime();
        int failed = 0;
        for (int pass = 0; pass < passes; pass++) {
            for (String question : training) {
                try {
                    failed += status(ask(question)) == 200 ? 0 : 1;
                } catch (IOException e) {
                    failed++;
                }
            }
        }
        out.printf("self-test: %d training questions (%d passes) answered in %d ms, %d not with 200%n",
                training.size() * passes, passes, (System.nanoTime() - started) / 1_000_000, failed);
        return failed == 0;
    }

    private static String ask(String question) {
        return "api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
    }

    private boolean check(PrintWriter out, String name, String path) {
        long started = System.nanoTime();
        try {
            int status = status(path);
            out.printf("self-test: %s answered %d in %d ms%n", name, status, (System.nanoTime() - started) / 1_000_000);
            return status == 200;
        } catch (IOException e) {
            out.printf("self-test: %s failed: %s%n", name, e.getMessage());
            return false;
        }
    }

    /** The status {@code GET path} answers with, its body read and dropped. */
    private int status(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
        connection.setConnectTimeout(TIMEOUT_MILLIS);
        connection.setReadTimeout(TIMEOUT_MILLIS);
        int status = connection.getResponseCode();
        try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (in != null) {
                in.readAllBytes();
            }
        }
        return status;
    }
}
