package org.scalingatlas.models;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import org.scalingatlas.answer.TextModel;

/** A chat model behind LangChain4j: an OpenAI-compatible endpoint or Ollama. Temperature 0, no retries. */
public final class ChatTextModel implements TextModel {

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
        return model.chat(SystemMessage.from(system), UserMessage.from(user)).aiMessage().text();
    }
}
