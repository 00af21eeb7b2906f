package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;

/**
 * {@code /openapi.json} kept honest: it describes exactly the routes the server registers (the web app's pages aside),
 * and real responses of every JSON operation, answers and refusals, validate against its schemas (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses).
 */
class OpenApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> REGISTERED = new ConcurrentSkipListSet<>();
    private static Javalin server;
    private static JsonNode document;

    @BeforeAll
    static void start() throws Exception {
        server = AtlasServer.create(TestAtlas.real().services(), REGISTERED::add).start("127.0.0.1", 0);
        document = JSON.readTree(get("/openapi.json", "application/json").body());
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void should_describe_every_registered_route_and_no_other() {
        assertEquals("3.1.0", document.get("openapi").asText());
        Set<String> described = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));
        Set<String> served = new TreeSet<>();
        for (String route : REGISTERED) {
            String[] parts = route.split(" ", 2);
            if ((parts[0].equals("GET") || parts[0].equals("POST") || parts[0].equals("PUT") || parts[0].equals("DELETE")) && !PageRoutes.PAGES.contains(parts[1])) {
                served.add(route);
            }
        }
        assertTrue(served.size() > 20, served.toString());
        assertEquals(served, described);
    }

    @Test
    void should_give_responses_that_validate_against_the_documented_schemas() throws Exception {
        Atlas atlas = TestAtlas.real();
        String note = atlas.corpus().notes().get(0).id();
        String paper = atlas.corpus().papers().get(0).id();
        String ceiling = atlas.graph().ceilings().get(0).id();
        String law = "chinchilla-parametric-loss";
        List<String[]> calls = List.of(
                new String[] {"GET", "/health", "/health", null},
                new String[] {"GET", "/api/ask", "/api/ask?q=" + URLEncoder.encode("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?", StandardCharsets.UTF_8), null},
                new String[] {"GET", "/api/ask", "/api/ask?q=" + URLEncoder.encode("What is the best chocolate cake recipe?", StandardCharsets.UTF_8), null},
                new String[] {"GET", "/api/ask", "/api/ask?q=", null},
                new String[] {"GET", "/api/papers", "/api/papers", null},
                new String[] {"GET", "/api/papers/{id}", "/api/papers/" + paper, null},
                new String[] {"GET", "/api/papers/{id}", "/api/papers/no-such-paper", null},
                new String[] {"GET", "/api/notes", "/api/notes", null},
                new String[] {"GET", "/api/notes/{id}", "/api/notes/" + note, null},
                new String[] {"GET", "/api/notes/{id}/trace", "/api/notes/" + note + "/trace", null},
                new String[] {"GET", "/api/axes", "/api/axes", null},
                new String[] {"GET", "/api/ceilings", "/api/ceilings", null},
                new String[] {"GET", "/api/ceilings/{id}", "/api/ceilings/" + ceiling, null},
                new String[] {"GET", "/api/laws", "/api/laws", null},
                new String[] {"GET", "/api/laws/{id}", "/api/laws/" + law, null},
                new String[] {"POST", "/api/laws/{id}/evaluate", "/api/laws/" + law + "/evaluate", "{\"N\": 7e10, \"D\": 1.4e12}"},
                new String[] {"POST", "/api/laws/{id}/evaluate", "/api/laws/" + law + "/evaluate", "{\"N\": \"lots\"}"},
                new String[] {"POST", "/api/laws/{id}/optimal", "/api/laws/" + law + "/optimal", "{\"C\": 5.76e23}"},
                new String[] {"POST", "/api/laws/{id}/curve", "/api/laws/" + law + "/curve", "{\"inputs\": {\"D\": 1.4e12}, \"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8, \"to\": 1e11, \"points\": 5}"},
                new String[] {"POST", "/api/laws/fit", "/api/laws/fit", "{\"csv\": \"N,D,loss\\n1e8,1e9,3.5\\n1e9,1e10,2.9\\n1e10,1e11,2.4\\n1e8,1e10,3.1\\n1e9,1e9,3.2\\n1e10,1e10,2.7\\n1e9,1e11,2.6\\n1e8,1e11,3.0\", \"resamples\": 0}"},
                new String[] {"POST", "/api/plan", "/api/plan", "{\"compute\": 5.76e23}"},
                new String[] {"POST", "/api/plan", "/api/plan", "{\"compute\": \"1e21\", \"uniqueTokens\": \"20B\", \"inferenceTokens\": 1e11, \"precision\": 8}"},
                new String[] {"POST", "/api/plan", "/api/plan", "{\"compute\": -1}"},
                new String[] {"POST", "/api/laws/fit", "/api/laws/fit", "{\"csv\": \"steps,loss\\n1e3,3.1\\n2e3,2.8\\n4e3,2.6\\n8e3,2.45\\n16e3,2.35\\n32e3,2.28\", \"resamples\": 5, \"predictAt\": 1e6}"},
                new String[] {"GET", "/api/export.csl.json", "/api/export.csl.json", null},
                new String[] {"GET", "/api/export.csl.json", "/api/export.csl.json?ids=nope", null},
                new String[] {"GET", "/id/{kind}/{id}", "/id/note/no-such-note", null});
        List<String> problems = new ArrayList<>();
        for (String[] call : calls) {
            HttpResponse<String> response = call[0].equals("GET") ? get(call[2], "application/json") : post(call[2], call[3]);
            JsonNode operation = document.get("paths").get(call[1]).get(call[0].toLowerCase());
            JsonNode documented = operation.get("responses").get(Integer.toString(response.statusCode()));
            if (documented == null) {
                problems.add(call[2] + ": status " + response.statusCode() + " is not documented");
                continue;
            }
            String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0];
            JsonNode schema = documented.path("content").path(type).path("schema");
            if (schema.isMissingNode()) {
                problems.add(call[2] + ": " + type + " is not documented for " + response.statusCode());
                continue;
            }
            List<com.networknt.schema.Error> errors = validator(schema).validate(JSON.readTree(response.body()));
            if (!errors.isEmpty()) {
                problems.add(call[2] + " (" + response.statusCode() + "): " + errors);
            }
        }
        assertEquals(List.of(), problems);

        JsonNode answer = JSON.readTree("{\"$ref\": \"#/components/schemas/Answer\"}");
        assertTrue(!validator(answer).validate(JSON.readTree("{\"question\": \"q\", \"verdict\": \"maybe\"}")).isEmpty(), "the schemas do reject a wrong body");
        assertTrue(!validator(JSON.readTree("{\"$ref\": \"#/components/schemas/Error\"}")).validate(JSON.readTree("{\"error\": \"x\", \"trace\": \"at\"}")).isEmpty());
    }

    private static Schema validator(JsonNode schema) {
        ObjectNode wrapper = JSON.createObjectNode();
        wrapper.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        wrapper.set("components", document.get("components"));
        wrapper.putArray("allOf").add(schema);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(wrapper);
    }

    private static HttpResponse<String> get(String path, String accept) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
