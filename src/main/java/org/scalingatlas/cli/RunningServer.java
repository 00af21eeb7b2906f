package org.scalingatlas.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * A running {@code ./atlas serve} that the CLI can ask instead of loading the corpus and the embedding model itself
 * (seconds) for one question: used only when its {@code /health} reports the same corpus fingerprint as the files
 * here, so that its answer is the one the CLI would have computed.
 */
final class RunningServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE = Duration.ofMillis(300);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(PROBE).build();
    private final URI base;

    private RunningServer(URI base) {
        this.base = base;
    }

    /** The server at {@code base} when it is up and serves {@code fingerprint}; empty otherwise. */
    static Optional<RunningServer> serving(String base, String fingerprint) {
        RunningServer server = new RunningServer(URI.create(base.endsWith("/") ? base : base + "/"));
        try {
            HttpResponse<String> health = server.client.send(HttpRequest.newBuilder(server.base.resolve("health")).timeout(PROBE).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (health.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = JSON.readTree(health.body());
            return fingerprint.equals(body.path("corpus").asText()) ? Optional.of(server) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The answer's JSON, as {@code GET /api/ask} gives it; an error the server reports is thrown with its message. */
    String ask(String question) throws IOException, InterruptedException {
        URI uri = base.resolve("api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            String error = JSON.readTree(response.body()).path("error").asText("the server answered " + response.statusCode());
            throw new IllegalArgumentException(error);
        }
        return response.body();
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
