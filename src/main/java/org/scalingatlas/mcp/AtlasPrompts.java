package org.scalingatlas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.scalingatlas.answer.Answer;

/**
 * The research prompt as an MCP prompt, {@code research}: for a question, the prompt an answer carries
 * ({@code researchPrompt} of {@code GET /api/ask}) to take it further with an LLM — the library's dated findings, its
 * anchor papers, the open questions and the tasks to re-test them. A question the corpus has nothing on has no such
 * prompt, and gets an error saying so.
 */
final class AtlasPrompts {

    static final String RESEARCH = "research";

    private final LoadingServices services;

    AtlasPrompts(LoadingServices services) {
        this.services = services;
    }

    List<McpServerFeatures.SyncPromptSpecification> all() {
        McpSchema.Prompt prompt = new McpSchema.Prompt(RESEARCH, "Research a scaling question further",
                "A prompt to take a question further with an LLM: what the corpus found and when, its anchor papers with arXiv ids, "
                        + "the open questions (missing topics, disagreements, ceilings) and tasks to re-test each claim.",
                List.of(new McpSchema.PromptArgument("question", "Question", "the question, 1 to 500 characters", true)));
        return List.of(new McpServerFeatures.SyncPromptSpecification(prompt, (exchange, request) -> research(request.arguments())));
    }

    private McpSchema.GetPromptResult research(Map<String, Object> arguments) {
        Object question = arguments == null ? null : arguments.get("question");
        if (!(question instanceof String text) || text.isBlank()) {
            throw invalid("'question' is required: the question to research");
        }
        Answer answer;
        try {
            answer = services.await().ask().ask(text);
        } catch (IllegalArgumentException e) { // no question: empty, too long, ...
            throw invalid(e.getMessage());
        } catch (LoadingServices.NotLoadedException e) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
        }
        if (answer.researchPrompt() == null || answer.researchPrompt().isBlank()) {
            throw invalid("the corpus has nothing on this question (verdict " + answer.verdict() + "), so there is no research prompt for it");
        }
        return new McpSchema.GetPromptResult("Research prompt for: " + answer.question() + " (verdict " + answer.verdict() + ")",
                List.of(new McpSchema.PromptMessage(McpSchema.Role.USER, new McpSchema.TextContent(answer.researchPrompt()))));
    }

    private static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
