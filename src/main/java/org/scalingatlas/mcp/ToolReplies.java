package org.scalingatlas.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;

/**
 * What a tool call answers: the same JSON as the HTTP API twice, as {@code structuredContent} (checked against the
 * tool's output schema) and as text beside it for clients that read only text; or a refusal, {@code {"error": …}}
 * with {@code isError}, as the API's 400 and 404 bodies read.
 */
final class ToolReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ToolReplies() {
    }

    /** The result as structured content and as its JSON text. */
    static McpSchema.CallToolResult success(Object result) {
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = JSON.convertValue(result, Map.class);
        return McpSchema.CallToolResult.builder().addTextContent(write(result)).structuredContent(structured).isError(false).build();
    }

    /** A refusal saying what is wrong, as text only: an error result carries no structured content. */
    static McpSchema.CallToolResult refusal(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(write(Map.of("error", message))).isError(true).build();
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
