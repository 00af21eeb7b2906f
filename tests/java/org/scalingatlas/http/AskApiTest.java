package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.scalingatlas.TestAtlas;

/** GET /api/ask over real HTTP on the real corpus: the contract, and bad input answered without a 500. */
class AskApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Loopback api;

    @BeforeAll
    static void start() {
        api = Loopback.real();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void should_answer_with_the_contract_fields() throws Exception {
        HttpResponse<String> response = ask("Does depth matter more than width for tiny language models?");
        assertEquals(200, response.statusCode());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals("answered", answer.get("verdict").asText());
        assertTrue(answer.get("notes").size() > 0);
        assertTrue(answer.get("calculations").isArray());
        assertFalse(answer.get("researchPrompt").asText().isEmpty());
    }

    @Test
    void should_answer_in_plain_text_when_asked_first_for_it_and_name_the_corpus_either_way() throws Exception {
        String question = "Does depth matter more than width for tiny language models?";
        String path = "/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8);
        HttpResponse<String> text = api.get(path, "text/plain, application/json;q=0.5");
        assertEquals(200, text.statusCode());
        assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertEquals(org.scalingatlas.answer.AnswerText.of(TestAtlas.real().pipeline().ask(question)), text.body());
        assertEquals(TestAtlas.real().fingerprint(), text.headers().firstValue("X-Atlas-Corpus").orElse(""));
        HttpResponse<String> json = api.get(path, "application/json, text/plain");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(TestAtlas.real().fingerprint(), json.headers().firstValue("X-Atlas-Corpus").orElse(""));
    }

    @Test
    void should_refuse_bad_questions_with_a_400_and_a_json_error() throws Exception {
        assertEquals("pass the question in the 'q' parameter, e.g. /api/ask?q=Does+depth+matter+more+than+width%3F",
                error(api.get("/api/ask"), 400));
        assertEquals("the question is empty", error(ask(""), 400));
        assertEquals("the question is empty", error(ask("   \t "), 400));
        assertTrue(error(ask("x".repeat(100_000)), 400).contains("100000 characters long"));
        assertTrue(error(ask("scaling\u0007laws"), 400).contains("control character"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Какие законы масштабирования?", "🙂🚀🔥", "<script>alert(1)</script>", "' OR 1=1 --", "规模定律是什么？"})
    void should_answer_other_scripts_emoji_and_markup_as_questions_not_errors(String question) throws Exception {
        HttpResponse<String> response = ask(question);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = JSON.readTree(response.body());
        assertEquals(question, answer.get("question").asText());
        assertTrue(answer.get("verdict").asText().matches("answered|partial|refused"));
    }

    private static HttpResponse<String> ask(String question) throws Exception {
        return api.get("/api/ask?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
    }

    private static String error(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("error").asText();
    }
}
