package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.scalingatlas.nlp.ChatTextModel;

/**
 * The optional LLM composer against a fake OpenAI-compatible server on loopback (the only fake here: a real one
 * needs a network and a key), through the real LangChain4j adapter.
 */
class LlmComposerTest {

    private static final Answer DRAFT = new Answer("Does depth beat width?", "answered", List.of(),
            "Straight answer: Does depth beat width? Deep-thin models gain 2.7-4.3% at 125M-350M parameters.",
            List.of(new Answer.SourceNote("does-depth-beat-width", "Does depth beat width?",
                    "Deep-thin models gain 2.7-4.3% accuracy at 125M-350M parameters.", List.of())),
            List.of(), List.of(), "prompt", List.of("depth"), null,
            new Answer.Sections("framing", "straight", List.of(), "take-away"), Answer.Authorship.DETERMINISTIC);

    private final AtomicReference<String> reply = new AtomicReference<>();
    private final AtomicReference<Integer> status = new AtomicReference<>(200);
    private final AtomicReference<Long> delayMillis = new AtomicReference<>(0L);
    /** When set, sent as the whole response body instead of a well-formed completion. */
    private final AtomicReference<String> rawBody = new AtomicReference<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text = rawBody.get() != null ? rawBody.get()
                    : status.get() == 200 ? completion(reply.get()) : "{\"error\":{\"message\":\"overloaded\"}}";
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LlmComposer composer(Duration timeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new LlmComposer(ChatTextModel.create("openai", url, "fake-model", null, timeout));
    }

    @Test
    void should_serve_the_rewrite_when_it_cites_retrieved_notes_and_writes_only_their_numbers() {
        reply.set("Deep and thin beats wide and shallow here: gains of 2.7-4.3% at 125M-350M parameters [[does-depth-beat-width]].");
        Answer answer = composer(Duration.ofSeconds(5)).rewrite(DRAFT);
        assertEquals("llm", answer.composer().name());
        assertEquals("Deep and thin beats wide and shallow here: gains of 2.7-4.3% at 125M-350M parameters (Does depth beat width?).", answer.answer());
        assertEquals(DRAFT.notes(), answer.notes(), "sources are never changed by the LLM");
    }

    @Test
    void should_serve_the_deterministic_answer_when_the_rewrite_cites_a_note_that_was_not_retrieved() {
        reply.set("Depth wins [[does-depth-beat-width]], and width never matters [[some-other-note]].");
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "cited notes that were not retrieved: [some-other-note]");
    }

    @Test
    void should_serve_the_deterministic_answer_when_the_rewrite_invents_a_number() {
        reply.set("Deep-thin models gain 12% at 125M parameters [[does-depth-beat-width]].");
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "wrote numbers found in no note: [12]");
    }

    @Test
    void should_serve_the_deterministic_answer_when_the_rewrite_cites_nothing_or_is_empty() {
        reply.set("I cannot help with that.");
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "cites no note");
        reply.set("");
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "returned no text");
    }

    @Test
    void should_serve_the_deterministic_answer_when_the_model_fails_or_times_out() {
        status.set(503);
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "the language model failed: it answered HTTP 503");
        status.set(401);
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "the language model failed: it refused the credentials");
        status.set(200);
        reply.set("Too late [[does-depth-beat-width]].");
        delayMillis.set(3000L);
        assertFallback(composer(Duration.ofMillis(500)).rewrite(DRAFT), "the language model failed: it did not answer in time");
    }

    @Test
    void should_serve_the_deterministic_answer_when_the_model_answers_garbage() {
        for (String garbage : new String[] {"<html>502 Bad Gateway</html>", "{\"choices\": [", "{\"choices\": []}", "{}", "\u0000\u0001binary", "null"}) {
            rawBody.set(garbage);
            assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "the language model failed: its reply could not be read");
        }
    }

    @Test
    void should_serve_the_deterministic_answer_when_the_model_refuses() {
        reply.set("I'm sorry, but I can't help with rewriting this answer.");
        assertFallback(composer(Duration.ofSeconds(5)).rewrite(DRAFT), "cites no note");
    }

    private static void assertFallback(Answer answer, String reason) {
        assertEquals("deterministic", answer.composer().name());
        assertFalse(answer.composer().note().contains("Exception") || answer.composer().note().contains("127.0.0.1"), answer.composer().note());
        assertEquals(DRAFT.answer(), answer.answer());
        assertTrue(answer.composer().note().contains(reason), answer.composer().note());
    }

    private static String completion(String content) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of(
                    "id", "chatcmpl-test", "object", "chat.completion", "created", 0, "model", "fake-model",
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
