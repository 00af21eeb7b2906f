package org.scalingatlas.nlp;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.scalingatlas.answer.TextModel;

/** A chat model behind LangChain4j: an OpenAI-compatible endpoint or Ollama. Temperature 0, no retries. */
public final class ChatTextModel implements TextModel {

    private static final Logger LOG = LoggerFactory.getLogger(ChatTextModel.class);

    private final String name;
    private final ChatModel model;

    private ChatTextModel(String name, ChatModel model) {
        this.name = name;
        this.model = model;
    }

    /**
     * @param provider {@code openai} (any OpenAI-compatible endpoint) or {@code ollama}
     * @param apiKey   only for {@code openai}; read from the environment, never from a file
     */
    public static ChatTextModel create(String provider, String baseUrl, String modelName, String apiKey, Duration timeout) {
        return switch (provider) {
            case "openai" -> new ChatTextModel("openai:" + modelName, OpenAiChatModel.builder()
                    .baseUrl(baseUrl).apiKey(apiKey == null || apiKey.isBlank() ? "none" : apiKey).modelName(modelName)
                    .temperature(0.0).timeout(timeout).maxRetries(0).build());
            case "ollama" -> new ChatTextModel("ollama:" + modelName, OllamaChatModel.builder()
                    .baseUrl(baseUrl).modelName(modelName).temperature(0.0).timeout(timeout).maxRetries(0).build());
            default -> throw new IllegalArgumentException("llm.provider must be none, openai or ollama, got '" + provider + "'");
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String complete(String system, String user) {
        try {
            return model.chat(SystemMessage.from(system), UserMessage.from(user)).aiMessage().text();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", name, e.toString());
            throw new Failure(reason(e), e);
        }
    }

    /** The kind of failure, from LangChain4j's exception types and the causes under them. */
    static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return "it did not answer in time";
            }
            if (t instanceof AuthenticationException) {
                return "it refused the credentials (check ATLAS_LLM_API_KEY)";
            }
            if (t instanceof RateLimitException) {
                return "it is rate-limiting this client";
            }
            if (t instanceof ContentFilteredException) {
                return "it filtered the request";
            }
            if (t instanceof HttpException http) {
                return "it answered HTTP " + http.statusCode();
            }
            if (t instanceof java.net.ConnectException) {
                return "it could not be reached";
            }
        }
        return "its reply could not be read";
    }
}
