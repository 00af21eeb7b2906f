package org.scalingatlas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.scalingatlas.api.LawRunRequest;
import org.scalingatlas.app.Services;
import org.scalingatlas.laws.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP tools, one per job the HTTP API offers: {@code ask}, {@code trace}, {@code law_evaluate},
 * {@code law_optimal} and {@code search_notes}. Each declares the output schema of its HTTP counterpart's body (from
 * the OpenAPI document) and answers with that body as structured content and as text. Arguments are read as the API
 * reads them ({@code "70B"} is a number); bad ones, and calls made while the corpus cannot be had, are refusals.
 */
final class AtlasTools {

    private static final int SEARCH_LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(AtlasTools.class);

    private final LoadingServices services;
    private final OutputSchemas schemas;

    AtlasTools(LoadingServices services, OutputSchemas schemas) {
        this.services = services;
        this.schemas = schemas;
    }

    List<McpServerFeatures.SyncToolSpecification> all() {
        return List.of(
                tool("ask", "Ask the corpus",
                        "Answer a question about scaling from the corpus: verdict (answered/partial/refused), missing parts, answer, "
                                + "cited notes with their papers, calculations, next questions, research prompt (as GET /api/ask).",
                        object(Map.of("question", text("the question, 1 to 500 characters")), "question"),
                        schemas.response("GET", "/api/ask"),
                        (s, args) -> s.ask().ask(args.text("question"))),
                tool("trace", "Trace a note to its papers",
                        "Trace a note's claim to its papers and evidence, related notes, laws, axes and ceilings (as GET /api/notes/{id}/trace).",
                        object(Map.of("note", text("the note id, e.g. from ask or search_notes")), "note"),
                        schemas.response("GET", "/api/notes/{id}/trace"),
                        (s, args) -> {
                            String note = args.text("note");
                            return s.traces().trace(note).orElseThrow(() -> new IllegalArgumentException("no note with id '" + note + "'"));
                        }),
                tool("law_evaluate", "Run a law's formula",
                        "Run a cited law's formula at the given inputs, e.g. {\"N\": \"70B\", \"D\": \"1.4T\"} for Chinchilla's loss "
                                + "(as POST /api/laws/{id}/evaluate).",
                        lawInputs(), schemas.response("POST", "/api/laws/{id}/evaluate"),
                        (s, args) -> law(s, args, false)),
                tool("law_optimal", "A law's optimal allocation",
                        "A law's optimal allocation for a budget or a target, e.g. {\"C\": 5.76e23} for Chinchilla (as POST /api/laws/{id}/optimal).",
                        lawInputs(), schemas.response("POST", "/api/laws/{id}/optimal"),
                        (s, args) -> law(s, args, true)),
                tool("search_notes", "Search the notes",
                        "Find the notes closest to a query (hybrid BM25 + embedding search), best first, each as GET /api/notes lists "
                                + "them, under \"notes\".",
                        object(Map.of("query", text("what to look for"),
                                "limit", Map.of("type", "integer", "minimum", 1, "maximum", SEARCH_LIMIT, "description", "how many notes, 10 by default")),
                                "query"),
                        schemas.wrapped("notes", "the closest notes, best first", "GET", "/api/notes"),
                        (s, args) -> Map.of("notes", s.traces().searchNotes(args.text("query"), args.count("limit", 1, SEARCH_LIMIT, 10)))));
    }

    private static Result law(Services s, ToolArguments args, boolean optimal) {
        LawRunRequest run = LawRunRequest.ofArguments(args.values());
        s.laws().require(run.law());
        return optimal ? s.laws().optimal(run.law(), run.inputs(), run.constantSet(), run.customConstants())
                : s.laws().evaluate(run.law(), run.inputs(), run.constantSet(), run.customConstants());
    }

    private McpServerFeatures.SyncToolSpecification tool(String name, String title, String description, Map<String, Object> inputSchema,
            Map<String, Object> outputSchema, BiFunction<Services, ToolArguments, Object> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).title(title).description(description)
                .inputSchema(inputSchema).outputSchema(outputSchema)
                .annotations(McpSchema.ToolAnnotations.builder().title(title).readOnlyHint(true).destructiveHint(false)
                        .idempotentHint(true).openWorldHint(false).build())
                .build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool)
                .callHandler((exchange, request) -> answer(name, request, call))
                .build();
    }

    private McpSchema.CallToolResult answer(String name, McpSchema.CallToolRequest request, BiFunction<Services, ToolArguments, Object> call) {
        try {
            ToolArguments args = ToolArguments.of(request.arguments());
            return ToolReplies.success(call.apply(services.await(), args));
        } catch (IllegalArgumentException | LoadingServices.NotLoadedException e) {
            // bad input, an unknown note or law, or no corpus to answer from: a refusal, as the API gives it
            return ToolReplies.refusal(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("tool {} failed", name, e);
            return ToolReplies.refusal("the tool " + name + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static Map<String, Object> lawInputs() {
        Map<String, Object> quantity = Map.of("type", List.of("number", "string"),
                "description", "a number, or a string such as \"70B\", \"1.4T\" or \"5.76x10^23\"");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("law", text("the law id, e.g. chinchilla-parametric-loss (GET /api/laws lists them)"));
        properties.put("inputs", Map.of("type", "object", "additionalProperties", quantity,
                "description", "the inputs by symbol, e.g. {\"N\": \"70B\", \"D\": \"1.4T\"} or {\"N\": 7e10, \"D\": 1.4e12}"));
        properties.put("constants", text("a constant set of the law (default: its first)"));
        properties.put("custom", Map.of("type", "object", "additionalProperties", quantity, "description", "your own values for constants"));
        return object(properties, "law", "inputs");
    }

    private static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(required));
        return schema;
    }

    private static Map<String, Object> text(String description) {
        return Map.of("type", "string", "description", description);
    }
}
