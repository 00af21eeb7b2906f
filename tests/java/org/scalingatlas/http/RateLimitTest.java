package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.config.AtlasConfig;

/** Past its rate a client gets 429 with Retry-After, in the one error shape; other clients and static files are not held up. */
class RateLimitTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void should_answer_429_past_the_burst_then_let_the_client_go_on_once_refilled() throws Exception {
        AtlasConfig.Limits limits = AtlasConfig.load(java.nio.file.Path.of("").toAbsolutePath(), java.util.Map.of()).limits().withRate(5, 5);
        Javalin server = AtlasServer.create(TestAtlas.real().withLimits(limits).services()).start("127.0.0.1", 0);
        try {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> refused = null;
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> response = get(server, "/api/laws");
                statuses.add(response.statusCode());
                if (response.statusCode() == 429 && refused == null) {
                    refused = response;
                }
            }
            assertTrue(statuses.subList(0, 5).stream().allMatch(s -> s == 200), statuses.toString());
            assertTrue(statuses.stream().filter(s -> s == 429).count() >= 5, "most of the 7 past the burst are refused: " + statuses);
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 429), statuses.toString());
            assertTrue(refused.headers().firstValue("Retry-After").map(Integer::parseInt).orElse(0) >= 1);
            String error = new ObjectMapper().readTree(refused.body()).get("error").asText();
            assertTrue(error.startsWith("too many requests from 127.0.0.1: the limit is 5 requests per second, in bursts of up to 5"), error);

            assertEquals(200, get(server, "/").statusCode(), "static files are not limited");
            assertEquals(200, get(server, "/health").statusCode(), "health checks are not limited");
            Thread.sleep(1_100);
            assertEquals(200, get(server, "/api/laws").statusCode(), "refilled after a second");
        } finally {
            server.stop();
        }
    }

    @Test
    void should_keep_one_bucket_per_client() {
        ClientRateLimit limit = new ClientRateLimit(AtlasConfig.load(java.nio.file.Path.of("").toAbsolutePath(), java.util.Map.of()).limits().withRate(1, 2));
        assertTrue(limit.take("10.0.0.1").isEmpty());
        assertTrue(limit.take("10.0.0.1").isEmpty());
        assertTrue(limit.take("10.0.0.1").isPresent(), "the third request at once is past the burst of 2");
        assertTrue(limit.take("10.0.0.2").isEmpty(), "another client is not held up");
    }

    private static HttpResponse<String> get(Javalin server, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
