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

    /** The icon the page links to is served (headless Chromium fetches no icon, so the browser tests cannot see a missing one). */
    @Test
    void should_serve_the_icon_every_page_links_to() throws Exception {
        HttpResponse<String> page = api.get("/");
        assertTrue(page.body().contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), page.body());
        HttpResponse<String> icon = api.get("/favicon.svg", "image/*");
        assertEquals(200, icon.statusCode());
        assertTrue(icon.headers().firstValue("content-type").orElse("").startsWith("image/svg+xml"), icon.headers().toString());
    }

    @Test
    void should_answer_json_when_a_path_does_not_exist() throws Exception {
        HttpResponse<String> response = api.get("/no/such/thing");
        assertEquals(404, response.statusCode());
        assertEquals("no such page or endpoint: /no/such/thing", JSON.readTree(response.body()).get("error").asText());
    }

    /** A browser asking for a page that does not exist gets the web app with a 404: it says so under a heading, with its menu. */
    @Test
    void should_give_a_browser_the_app_with_a_404_for_a_page_that_does_not_exist() throws Exception {
        HttpResponse<String> page = api.get("/no/such/page", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(404, page.statusCode());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script type=\"module\" src=\"/js/app.js\"></script>"), page.body());
        HttpResponse<String> api404 = api.get("/api/no-such-thing", "text/html");
        assertEquals(404, api404.statusCode());
        assertEquals("no such page or endpoint: /api/no-such-thing", JSON.readTree(api404.body()).get("error").asText(), "the API answers JSON");
    }
}
