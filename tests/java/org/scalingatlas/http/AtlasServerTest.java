package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production route table on a real server on a free port, over real HTTP. */
class AtlasServerTest {

    private static Loopback api;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        api = Loopback.real();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void should_report_status_and_corpus_size_when_asked_for_health() throws Exception {
        HttpResponse<String> response = api.get("/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode health = JSON.readTree(response.body());
        assertEquals("ok", health.get("status").asText());
        assertTrue(health.get("papers").asInt() >= 168, response.body());
    }

    @Test
    void should_serve_the_first_page_from_the_web_folder() throws Exception {
        HttpResponse<String> response = api.get("/");
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<title>Scaling Atlas</title>"), response.body());
    }

    @Test
    void should_answer_json_when_a_path_does_not_exist() throws Exception {
        HttpResponse<String> response = api.get("/no/such/thing");
        assertEquals(404, response.statusCode());
        assertEquals("no such page or endpoint: /no/such/thing", JSON.readTree(response.body()).get("error").asText());
    }
}
