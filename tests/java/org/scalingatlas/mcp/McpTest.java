package org.scalingatlas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.cli.AtlasCli;

/**
 * {@code ./atlas mcp} in a child JVM on a fresh data folder (so the index is built), driven by the MCP Java SDK's own
 * client over stdio: the handshake comes before the loading (well within the time the build takes) at the newest
 * protocol version; the tools are listed with output schemas, and {@code ask}, {@code trace}, {@code law_evaluate}
 * ({@code "70B"} included), {@code law_optimal} and {@code search_notes} answer with the HTTP API's JSON as structured
 * content and as text, verdicts and citations intact; bad arguments are refusals, not crashes; the research prompt is
 * a prompt; notes and papers are resources, listed and by template.
 */
@Slow
class McpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_answer_with_verdicts_citations_and_law_results_over_stdio() throws Exception {
        Path data = TestAtlas.scratch("atlas-mcp-");
        ServerParameters child = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java").toString())
                .args("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                        "-Datlas.home=" + Path.of("").toAbsolutePath(), AtlasCli.class.getName(), "mcp")
                .env(Map.of("ATLAS_DATA_DIR", data.toString()))
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(child, AtlasMcpServer.jsonMapper())).requestTimeout(Duration.ofSeconds(180))
                .initializationTimeout(Duration.ofSeconds(180)).build(); // a child JVM loading the corpus on a busy machine can take past the default 20 s
        try {
            long started = System.nanoTime();
            McpSchema.InitializeResult init = client.initialize();
            long handshakeMillis = (System.nanoTime() - started) / 1_000_000;
            assertEquals("scaling-atlas", init.serverInfo().name());
            assertEquals(ProtocolVersions.MCP_2025_11_25, init.protocolVersion(), "the newest protocol the client asks for");
            assertTrue(handshakeMillis < 15_000, "the handshake waits for no loading (building this index takes longer): " + handshakeMillis + " ms");
            List<McpSchema.Tool> listed = client.listTools().tools();
            Set<String> tools = listed.stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
            assertEquals(Set.of("ask", "trace", "law_evaluate", "law_optimal", "search_notes"), tools);
            for (McpSchema.Tool tool : listed) {
                assertEquals("object", tool.outputSchema().get("type"), tool.name() + " has an object output schema");
            }
            assertEquals(List.of("question", "verdict", "missing", "answer", "notes", "calculations", "next", "researchPrompt"),
                    listed.stream().filter(t -> t.name().equals("ask")).findFirst().orElseThrow().outputSchema().get("required"),
                    "ask's output schema is the OpenAPI document's Answer");

            JsonNode answer = call(client, "ask", Map.of("question", "Does depth matter more than width for tiny language models?"));
            assertEquals("answered", answer.get("verdict").asText());
            assertFalse(answer.get("notes").isEmpty());
            assertEquals(JSON.readTree(JSON.writeValueAsString(TestAtlas.real().pipeline().ask("Does depth matter more than width for tiny language models?"))),
                    answer, "the same JSON as GET /api/ask");
            JsonNode refused = call(client, "ask", Map.of("question", "What is the best chocolate cake recipe?"));
            assertEquals("refused", refused.get("verdict").asText());
            assertTrue(refused.get("notes").isEmpty(), "no sources passed off as an answer");

            String note = answer.get("notes").get(0).get("id").asText();
            JsonNode trace = call(client, "trace", Map.of("note", note));
            assertEquals(note, trace.get("note").get("id").asText());
            assertFalse(trace.get("papers").isEmpty());

            JsonNode loss = call(client, "law_evaluate", Map.of("law", "chinchilla-parametric-loss", "inputs", Map.of("N", 7e10, "D", 1.4e12)));
            assertEquals(1.9367, loss.get("outputs").get("loss").asDouble(), 1e-3, "Chinchilla's loss for 70B parameters on 1.4T tokens");
            JsonNode written = call(client, "law_evaluate", Map.of("law", "chinchilla-parametric-loss", "inputs", Map.of("N", "70B", "D", "1.4T")));
            assertEquals(loss, written, "\"70B\" and \"1.4T\" read as the HTTP API reads them");
            JsonNode optimal = call(client, "law_optimal", Map.of("law", "chinchilla-parametric-loss", "inputs", Map.of("C", 5.76e23)));
            assertTrue(optimal.get("outputs").get("N_opt").asDouble() > 1e10);

            JsonNode found = call(client, "search_notes", Map.of("query", "repeated sampling coverage", "limit", 3));
            assertEquals(3, found.get("notes").size());

            McpSchema.CallToolResult bad = client.callTool(new McpSchema.CallToolRequest("trace", Map.of("note", "no-such-note")));
            assertTrue(bad.isError());
            assertEquals("no note with id 'no-such-note'", JSON.readTree(text(bad)).get("error").asText());
            McpSchema.CallToolResult badLaw = client.callTool(new McpSchema.CallToolRequest("law_evaluate", Map.of("law", "chinchilla-parametric-loss", "inputs", Map.of("N", "lots"))));
            assertTrue(badLaw.isError());
            assertEquals("'inputs.N': 'lots' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)",
                    JSON.readTree(text(badLaw)).get("error").asText());
            McpSchema.CallToolResult noQuestion = client.callTool(new McpSchema.CallToolRequest("ask", Map.of()));
            assertTrue(noQuestion.isError());
            assertEquals("'question' is required", JSON.readTree(text(noQuestion)).get("error").asText());

            McpSchema.GetPromptResult prompt = client.getPrompt(new McpSchema.GetPromptRequest("research",
                    Map.of("question", "Does depth matter more than width for tiny language models?")));
            assertEquals(answer.get("researchPrompt").asText(), ((McpSchema.TextContent) prompt.messages().get(0).content()).text(),
                    "the research prompt of the answer");
            McpError noPrompt = assertThrows(McpError.class, () -> client.getPrompt(new McpSchema.GetPromptRequest("research", Map.of())));
            assertTrue(noPrompt.getMessage().contains("'question' is required"), noPrompt.getMessage());

            List<McpSchema.Resource> resources = client.listResources().resources();
            assertEquals(TestAtlas.real().corpus().notes().size() + TestAtlas.real().corpus().papers().size(), resources.size());
            String uri = "https://scalingatlas.org/id/note/" + note;
            McpSchema.ReadResourceResult read = client.readResource(new McpSchema.ReadResourceRequest(uri));
            JsonNode resource = JSON.readTree(((McpSchema.TextResourceContents) read.contents().get(0)).text());
            assertEquals(note, resource.get("id").asText());
            assertEquals(Set.of("https://scalingatlas.org/id/note/{id}", "https://scalingatlas.org/id/paper/{id}"),
                    client.listResourceTemplates().resourceTemplates().stream().map(McpSchema.ResourceTemplate::uriTemplate).collect(Collectors.toSet()));
            assertThrows(McpError.class, () -> client.readResource(new McpSchema.ReadResourceRequest("https://scalingatlas.org/id/note/no-such-note")));
        } finally {
            client.closeGracefully();
        }
    }

    /** The tool's structured content, after checking that its text is the same JSON. */
    private static JsonNode call(McpSyncClient client, String tool, Map<String, Object> arguments) throws Exception {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertFalse(Boolean.TRUE.equals(result.isError()), tool + ": " + text(result));
        JsonNode structured = JSON.valueToTree(result.structuredContent());
        assertEquals(JSON.readTree(text(result)), structured, tool + ": the text is the structured content's JSON");
        return structured;
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
