package org.scalingatlas.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.app.Services;

/**
 * Scaling Atlas for AI assistants, over the Model Context Protocol (the official Java SDK): the tools {@code ask},
 * {@code trace}, {@code law_evaluate}, {@code law_optimal} and {@code search_notes}, each answering with the same JSON
 * as the HTTP API (a refusal as {@code {"error": …}} with {@code isError}), and every note and paper as a resource
 * named by its IRI. Verdicts, missing parts and citations come through as the API gives them.
 */
public final class AtlasMcpServer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SEARCH_LIMIT = 50;

    private final Services services;

    public AtlasMcpServer(Services services) {
        this.services = services;
    }

    /** Starts serving on the transport (stdio for {@code ./atlas mcp}). */
    public McpSyncServer start(McpServerTransportProvider transport) {
        return McpServer.sync(transport)
                .serverInfo("scaling-atlas", Services.version())
                .instructions("Answers questions about neural scaling laws from a curated corpus only. Every answer says whether the corpus "
                        + "covers the question (answered, partial with the missing parts, or refused) and cites notes and papers; "
                        + "relay the verdict and citations as given, and do not fill what the corpus lacks from elsewhere.")
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false).build())
                .tools(tools())
                .resources(resources())
                // handle each request on the transport's own thread: the SDK's stdio transport refuses replies emitted
                // from two threads at once ("Failed to enqueue message"), seen here about one run in three
                .immediateExecution(true)
                .build();
    }

    /**
     * Serves over these streams (the process's standard input and output) until the client closes its end, then
     * shuts down gracefully.
     */
    public void serve(InputStream in, OutputStream out) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream watched = new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    closed.countDown();
                }
                return c;
            }
        };
        McpSyncServer server = start(new StdioServerTransportProvider(jsonMapper(), watched, out));
        closed.await();
        server.closeGracefully();
    }

    public static McpJsonMapper jsonMapper() {
        return new JacksonMcpJsonMapper(JSON);
    }

    private List<McpServerFeatures.SyncToolSpecification> tools() {
        return List.of(
                tool("ask", "Answer a question about scaling from the corpus: verdict (answered/partial/refused), missing parts, answer, "
                        + "cited notes with their papers, calculations, next questions, research prompt (as GET /api/ask).",
                        schema(Map.of("question", text("the question, 1 to 500 characters")), "question"),
                        args -> services.ask().ask(string(args, "question"))),
                tool("trace", "Trace a note's claim to its papers and evidence, related notes, laws, axes and ceilings (as GET /api/notes/{id}/trace).",
                        schema(Map.of("note", text("the note id, e.g. from ask or search_notes")), "note"),
                        args -> services.traces().trace(string(args, "note")).orElseThrow(() -> new IllegalArgumentException("no note with id '" + string(args, "note") + "'"))),
                tool("law_evaluate", "Run a cited law's formula at the given inputs (as POST /api/laws/{id}/evaluate).", lawSchema(),
                        args -> services.laws().evaluate(lawId(args), numbers(args, "inputs"), optionalString(args, "constants"), numbers(args, "custom"))),
                tool("law_optimal", "A law's optimal allocation for a budget or a target, e.g. C for Chinchilla (as POST /api/laws/{id}/optimal).", lawSchema(),
                        args -> services.laws().optimal(lawId(args), numbers(args, "inputs"), optionalString(args, "constants"), numbers(args, "custom"))),
                tool("search_notes", "Find the notes closest to a query (hybrid BM25 + embedding search), best first, as GET /api/notes lists them.",
                        schema(Map.of("query", text("what to look for"), "limit", Map.of("type", "integer", "minimum", 1, "maximum", SEARCH_LIMIT)), "query"),
                        this::search));
    }

    private Object search(JsonNode args) {
        int limit = args.has("limit") ? Math.max(1, Math.min(SEARCH_LIMIT, args.get("limit").asInt(10))) : 10;
        return services.traces().searchNotes(string(args, "query"), limit);
    }

    /** The law named by the arguments; an unknown one is refused naming the known ones. */
    private String lawId(JsonNode args) {
        String id = string(args, "law");
        services.laws().require(id);
        return id;
    }

    private List<McpServerFeatures.SyncResourceSpecification> resources() {
        List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>();
        for (CorpusRecords.Resource note : services.records().noteResources()) {
            resources.add(resource(note.iri(), note.title(), "A note: one claim and the papers it rests on.", note.detail()));
        }
        for (CorpusRecords.Resource paper : services.records().paperResources()) {
            resources.add(resource(paper.iri(), paper.title(), "A paper: its abstract and the notes that cite it.", paper.detail()));
        }
        return resources;
    }

    private static McpServerFeatures.SyncResourceSpecification resource(String uri, String name, String description, java.util.function.Supplier<Object> content) {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(uri).name(name).description(description).mimeType("application/json").build();
        return new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) ->
                new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json", write(content.get())))));
    }

    private static McpServerFeatures.SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema, Function<JsonNode, Object> call) {
        McpSchema.Tool tool = McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(jsonMapper(), write(inputSchema)).build();
        return McpServerFeatures.SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                Object result = call.apply(JSON.valueToTree(request.arguments() == null ? Map.of() : request.arguments()));
                return McpSchema.CallToolResult.builder().addTextContent(write(result)).isError(false).build();
            } catch (IllegalArgumentException e) { // bad input, an unknown note or law: a refusal, as the API gives it
                return McpSchema.CallToolResult.builder().addTextContent(write(Map.of("error", e.getMessage()))).isError(true).build();
            }
        }).build();
    }

    private static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of(required));
        return schema;
    }

    private static Map<String, Object> lawSchema() {
        return schema(Map.of(
                "law", text("the law id, e.g. chinchilla-parametric-loss (GET /api/laws lists them)"),
                "inputs", Map.of("type", "object", "description", "the inputs by symbol, e.g. {\"N\": 7e10, \"D\": 1.4e12}", "additionalProperties", Map.of("type", "number")),
                "constants", text("a constant set of the law (default: its first)"),
                "custom", Map.of("type", "object", "description", "your own values for constants", "additionalProperties", Map.of("type", "number"))),
                "law", "inputs");
    }

    private static Map<String, Object> text(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static String string(JsonNode args, String name) {
        JsonNode value = args.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must be a non-empty string");
        }
        return value.asText();
    }

    private static String optionalString(JsonNode args, String name) {
        return args.hasNonNull(name) ? string(args, name) : null;
    }

    private static Map<String, Double> numbers(JsonNode args, String name) {
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + name + "' must be an object of names and numbers");
        }
        node.properties().forEach(field -> {
            if (!field.getValue().isNumber()) {
                throw new IllegalArgumentException("'" + name + "." + field.getKey() + "' must be a number, got " + field.getValue());
            }
            values.put(field.getKey(), field.getValue().asDouble());
        });
        return values;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
