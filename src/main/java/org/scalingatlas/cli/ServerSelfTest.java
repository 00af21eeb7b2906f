package org.scalingatlas.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What {@code ./atlas serve --self-test} checks on the server it has just started, over real HTTP: that
 * {@code GET /health} answers 200 and that a question is answered (200) right away. The launcher runs it once after
 * each build, so that a process that exits normally records the class-data archive later starts map (a server stopped
 * by a signal records none).
 */
final class ServerSelfTest {

    /** A question the bundled corpus answers; any answer with status 200 passes. */
    static final String QUESTION = "Does depth matter more than width?";
    private static final int TIMEOUT_MILLIS = 60_000;

    private final URI base;

    ServerSelfTest(String host, int port) {
        this.base = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/");
    }

    /** Runs both requests, reports each on {@code out}; true when both answered 200. */
    boolean run(PrintWriter out) {
        boolean health = check(out, "health", "health");
        boolean ask = check(out, "ask", "api/ask?q=" + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8));
        return health && ask;
    }

    private boolean check(PrintWriter out, String name, String path) {
        long started = System.nanoTime();
        try {
            HttpURLConnection connection = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            connection.setConnectTimeout(TIMEOUT_MILLIS);
            connection.setReadTimeout(TIMEOUT_MILLIS);
            int status = connection.getResponseCode();
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes();
                }
            }
            out.printf("self-test: %s answered %d in %d ms%n", name, status, (System.nanoTime() - started) / 1_000_000);
            return status == 200;
        } catch (IOException e) {
            out.printf("self-test: %s failed: %s%n", name, e.getMessage());
            return false;
        }
    }
}
