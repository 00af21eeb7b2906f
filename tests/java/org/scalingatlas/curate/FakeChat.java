package org.scalingatlas.curate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A fake OpenAI-compatible chat endpoint on loopback: {@code /v1/chat/completions} answers with a chat completion
 * carrying {@code reply}, or with {@code rawBody} as it is, after {@code delayMillis}.
 */
public final class FakeChat {

    public static final String GOOD_QUOTE = "We find that loss falls as a power law in width with an exponent of 0.07, while the number of heads matters little beyond eight.";
    public static final String GOOD_TITLE = "Does the number of attention heads matter for loss at a fixed model size?";
    public static final String GOOD_CLAIM = "Past eight heads, adding heads barely moves the loss; width is what lowers it, along a shallow power law (exponent 0.07).";
    public static final String GOOD_REPLY = json(GOOD_TITLE, GOOD_CLAIM, List.of(GOOD_QUOTE));

    private FakeChat() {
    }

    public static String json(String title, String claim, List<String> evidence) {
        try {
            return new ObjectMapper().writeValueAsString(Map.of("title", title, "claim", claim, "evidence", evidence));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpServer start(AtomicReference<String> reply, AtomicReference<String> rawBody, AtomicReference<Long> delayMillis) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String text = rawBody.get() != null ? rawBody.get() : completion(reply.get());
            byte[] body = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (IOException e) {
                // the client gave up waiting
            }
            exchange.close();
        });
        server.start();
        return server;
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
