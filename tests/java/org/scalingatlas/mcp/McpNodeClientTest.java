package org.scalingatlas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingatlas.NodeClients;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.cli.AtlasCli;

/**
 * {@code ./atlas mcp} as an independent client sees it: tests/js/mcp-client.mjs drives the server in a child JVM (on a
 * fresh data folder) with the official TypeScript SDK's client ({@code @modelcontextprotocol/sdk}, pinned in
 * tests/js/package.json), which asks for its newest protocol version and checks every tool's structured content
 * against the tool's output schema itself. Needs Node.js and the npm registry (the first run installs the packages).
 */
@Slow
class McpNodeClientTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void should_serve_the_typescript_sdk_client_the_newest_protocol_output_schemas_and_structured_content() throws Exception {
        NodeClients.install("@modelcontextprotocol/sdk");
        Path data = TestAtlas.scratch("atlas-mcp-node-");
        List<String> command = new ArrayList<>(List.of("node", "mcp-client.mjs",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "-Datlas.home=" + Path.of("").toAbsolutePath(), AtlasCli.class.getName(), "mcp"));
        JsonNode summary = JSON.readTree(NodeClients.run(420, Map.of("ATLAS_DATA_DIR", data.toString()), command.toArray(String[]::new)));

        assertEquals("2025-11-25", summary.get("requested").asText(), "the client asks for its newest protocol version");
        assertEquals(summary.get("requested").asText(), summary.get("negotiated").asText(), "and gets it");
        assertEquals("scaling-atlas", summary.get("server").get("name").asText());
        for (String tool : List.of("ask", "trace", "law_evaluate", "law_optimal", "search_notes")) {
            assertEquals("object", summary.get("tools").get(tool).get("outputSchema").asText(), tool + " lists an output schema");
        }
        JsonNode ask = summary.get("ask");
        assertFalse(ask.get("isError").asBoolean());
        assertEquals("answered", ask.get("verdict").asText(), "structured content the client validated against the schema");
        assertTrue(ask.get("notes").asInt() > 0);
        assertTrue(ask.get("textEqualsStructured").asBoolean(), "the text beside it is the same JSON");
        JsonNode law = summary.get("lawEvaluate");
        assertFalse(law.get("isError").asBoolean());
        assertEquals(7e10, law.get("inputs").get("N").asDouble(), "\"70B\" read as a number");
        assertEquals(1.4e12, law.get("inputs").get("D").asDouble(), "\"1.4T\" read as a number");
        assertEquals(1.9367, law.get("loss").asDouble(), 1e-3, "Chinchilla's loss for 70B parameters on 1.4T tokens");
        JsonNode refusal = summary.get("refusal");
        assertTrue(refusal.get("isError").asBoolean());
        assertTrue(refusal.get("structured").isNull(), "a refusal carries no structured content");
        assertTrue(refusal.get("error").asText().contains("'lots' is not a number"), refusal.toString());
        assertEquals(List.of("research"), JSON.convertValue(summary.get("prompt").get("names"), List.class));
        assertTrue(summary.get("prompt").get("text").asText().startsWith("You are a research analyst"), summary.get("prompt").toString());
        assertEquals(2, summary.get("resources").get("templates").size());
        assertTrue(summary.get("resources").get("listed").asInt() > 300, "notes and papers listed once loaded: " + summary.get("resources"));
    }
}
