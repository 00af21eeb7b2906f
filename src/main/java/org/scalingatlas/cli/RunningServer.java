package org.scalingatlas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A running {@code ./atlas serve} that the CLI asks instead of loading the corpus and the embedding model itself
 * (seconds) for one question. One request does it: the answer comes with the fingerprint of the corpus the server
 * serves, and the CLI uses it only when that is the fingerprint of its own files, so that it is the answer the CLI
 * would have computed. {@link HttpURLConnection} rather than the JDK's {@code HttpClient}: it starts in a fraction of
 * the time, which is most of what a one-question process spends.
 */
final class RunningServer {

    private static final String CORPUS_HEADER = "X-Atlas-Corpus";
    private static final int CONNECT_MILLIS = 300;
    private static final int ANSWER_MILLIS = 60_000;

    private final URI base;

    RunningServer(String base) {
        this.base = URI.create(base.endsWith("/") ? base : base + "/");
    }

    /** What the server said: its status, body, and the fingerprint of the corpus it answered from. */
    record Reply(int status, String body, String corpus) {

        /** The body when the server answered; its error message thrown otherwise. */
        String answer() {
            if (status == 200) {
                return body;
            }
            String error;
            try {
                error = new ObjectMapper().readTree(body).path("error").asText("");
            } catch (IOException e) {
                error = "";
            }
            throw new IllegalArgumentException(error.isEmpty() ? "the server answered " + status : error);
        }
    }

    /**
     * Asks the server, as plain text or JSON; empty when no server answers at this address (nothing listens, or it is
     * not an Atlas server).
     */
    Optional<Reply> ask(String question, boolean json) {
        try {
            URI uri = base.resolve("api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(CONNECT_MILLIS);
            connection.setReadTimeout(ANSWER_MILLIS);
            connection.setRequestProperty("Accept", json ? "application/json" : "text/plain");
            int status = connection.getResponseCode();
            String corpus = connection.getHeaderField(CORPUS_HEADER);
            if (corpus == null) {
                connection.disconnect();
                return Optional.empty();
            }
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                String body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(new Reply(status, body, corpus));
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
