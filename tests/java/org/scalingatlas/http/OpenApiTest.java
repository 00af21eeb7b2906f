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

    /** One request of the contract: the documented operation it exercises, the path sent, a body, the media type asked for. */
    private record Call(String method, String operation, String path, String body, String accept) {

        static Call get(String operation, String path) {
            return new Call("GET", operation, path, null, "application/json");
        }

        static Call get(String operation, String path, String accept) {
            return new Call("GET", operation, path, null, accept);
        }

        static Call post(String operation, String path, String body) {
            return new Call("POST", operation, path, body, "application/json");
        }

        String key() {
            return method + " " + operation;
        }
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * Every documented operation, answers and refusals, and every media type a 200 may come in: each response's status
     * and media type must be documented for its operation, and its body must validate against the documented schema.
     */
    private static List<Call> calls() {
        Atlas atlas = TestAtlas.real();
        String note = atlas.corpus().notes().get(0).id();
        String paper = atlas.corpus().papers().get(0).id();
        String ceiling = atlas.graph().ceilings().get(0).id();
        String axis = atlas.corpus().notes().get(0).axes().get(0);
        String law = "chinchilla-parametric-loss";
        String select = "/sparql?query=" + q("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3");
        String construct = "/sparql?query=" + q("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3");
        List<Call> calls = new ArrayList<>(List.of(
                Call.get("/health", "/health"),
                Call.get("/openapi.json", "/openapi.json"),
                Call.get("/api/ask", "/api/ask?q=" + q("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?")),
                Call.get("/api/ask", "/api/ask?q=" + q("What is the best chocolate cake recipe?")),
                Call.get("/api/ask", "/api/ask?q=" + q("How should a fixed compute budget be split?"), "text/plain"),
                Call.get("/api/ask", "/api/ask?q="),
                Call.get("/api/papers", "/api/papers"),
                Call.get("/api/papers/{id}", "/api/papers/" + paper),
                Call.get("/api/papers/{id}", "/api/papers/no-such-paper"),
                Call.get("/api/notes", "/api/notes"),
                Call.get("/api/notes", "/api/notes?axis=" + axis),
                Call.get("/api/notes", "/api/notes?axis=no-such-axis"),
                Call.get("/api/notes/{id}", "/api/notes/" + note),
                Call.get("/api/notes/{id}", "/api/notes/no-such-note"),
                Call.get("/api/notes/{id}/trace", "/api/notes/" + note + "/trace"),
                Call.get("/api/notes/{id}/trace", "/api/notes/no-such-note/trace"),
                Call.get("/api/axes", "/api/axes"),
                Call.get("/api/ceilings", "/api/ceilings"),
                Call.get("/api/ceilings/{id}", "/api/ceilings/" + ceiling),
                Call.get("/api/ceilings/{id}", "/api/ceilings/no-such-ceiling"),
                Call.get("/api/laws", "/api/laws"),
                Call.get("/api/laws/{id}", "/api/laws/" + law),
                Call.get("/api/laws/{id}", "/api/laws/no-such-law"),
                Call.post("/api/laws/{id}/evaluate", "/api/laws/" + law + "/evaluate", "{\"N\": \"70B\", \"D\": 1.4e12}"),
                Call.post("/api/laws/{id}/evaluate", "/api/laws/" + law + "/evaluate", "{\"N\": \"lots\"}"),
                Call.post("/api/laws/{id}/evaluate", "/api/laws/no-such-law/evaluate", "{\"N\": 1}"),
                Call.post("/api/laws/{id}/optimal", "/api/laws/" + law + "/optimal", "{\"C\": 5.76e23}"),
                Call.post("/api/laws/{id}/curve", "/api/laws/" + law + "/curve",
                        "{\"inputs\": {\"D\": 1.4e12}, \"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8, \"to\": 1e11, \"points\": 5}"),
                Call.post("/api/laws/fit", "/api/laws/fit", "{\"csv\": \"N,D,loss\\n1e8,1e9,3.5\\n1e9,1e10,2.9\\n1e10,1e11,2.4\\n1e8,1e10,3.1\\n1e9,1e9,3.2\\n1e10,1e10,2.7\\n1e9,1e11,2.6\\n1e8,1e11,3.0\", \"resamples\": 0}"),
                Call.post("/api/laws/fit", "/api/laws/fit", "{\"csv\": \"steps,loss\\n1e3,3.1\\n2e3,2.8\\n4e3,2.6\\n8e3,2.45\\n16e3,2.35\\n32e3,2.28\", \"resamples\": 5, \"predictAt\": 1e6}"),
                Call.post("/api/plan", "/api/plan", "{\"compute\": 5.76e23}"),
                Call.post("/api/plan", "/api/plan", "{\"targetLoss\": 2.0}"),
                Call.post("/api/plan", "/api/plan", "{\"compute\": \"1e21\", \"uniqueTokens\": \"20B\", \"inferenceTokens\": 1e11, \"precision\": 8}"),
                Call.post("/api/plan", "/api/plan", "{\"compute\": -1}"),
                Call.get("/api/export.bib", "/api/export.bib", "application/x-bibtex"),
                Call.get("/api/export.bib", "/api/export.bib?ids=nope"),
                Call.get("/api/export.csl.json", "/api/export.csl.json", "application/vnd.citationstyles.csl+json"),
                Call.get("/api/export.csl.json", "/api/export.csl.json?ids=nope"),
                Call.get("/graph.ttl", "/graph.ttl", "text/turtle"),
                Call.get("/graph.jsonld", "/graph.jsonld", "application/ld+json"),
                Call.get("/sparql", select, "image/png"),
                Call.get("/sparql", "/sparql?query=" + q("SELEC nothing")),
                Call.get("/sparql", "/sparql?update=" + q("INSERT DATA { <a:b> <a:c> <a:d> }")),
                Call.post("/sparql", "/sparql", "{}"),
                Call.get("/id/{kind}/{id}", "/id/note/" + note, "text/html"),
                Call.get("/id/{kind}/{id}", "/id/note/no-such-note"),
                Call.get("/id/{kind}/{id}", "/id/note/" + note, "image/png")));
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values")) {
            calls.add(Call.get("/sparql", select, type));
            calls.add(new Call("POST", "/sparql", "/sparql", "query=" + q("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"), type));
        }
        for (String type : List.of("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")) {
            calls.add(Call.get("/sparql", construct, type));
            calls.add(new Call("POST", "/sparql", "/sparql", "query=" + q("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3"), type));
            calls.add(Call.get("/id/{kind}/{id}", "/id/note/" + note, type));
        }
        return calls;
    }

    @Test
    void should_give_responses_that_validate_against_the_documented_schemas() throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (Call call : calls()) {
            HttpResponse<String> response = send(call);
            String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
            problems.addAll(problems(call, response.statusCode(), type, response.body()));
            seen.add(call.key() + " " + response.statusCode() + " " + type);
        }
        assertEquals(List.of(), problems);

        Set<String> documented = new TreeSet<>();
        Set<String> operations = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            String key = method.getKey().toUpperCase() + " " + path.getKey();
            operations.add(key);
            method.getValue().path("responses").path("200").path("content").fieldNames()
                    .forEachRemaining(type -> documented.add(key + " 200 " + type));
        }));
        Set<String> exercised = new TreeSet<>();
        calls().forEach(call -> exercised.add(call.key()));
        assertEquals(operations, exercised, "every documented operation is driven");
        Set<String> untried = new TreeSet<>(documented);
        untried.removeAll(seen);
        assertEquals(Set.of(), untried, "every media type a 200 is documented in is asked for and served");
    }

    /** A response checked against the document: its status and media type documented, its body valid for the schema. */
    private static List<String> problems(Call call, int status, String type, String body) throws Exception {
        JsonNode operation = document.path("paths").path(call.operation()).path(call.method().toLowerCase());
        if (operation.isMissingNode()) {
            return List.of(call.key() + " is not documented");
        }
        JsonNode documented = operation.path("responses").path(Integer.toString(status));
        if (documented.isMissingNode()) {
            return List.of(call.path() + " (" + call.accept() + "): status " + status + " is not documented");
        }
        if (!documented.has("content")) {
            return body.isEmpty() || status == 303 ? List.of() : List.of(call.path() + ": " + status + " is documented without a body, got " + type);
        }
        JsonNode schema = documented.path("content").path(type).path("schema");
        if (schema.isMissingNode()) {
            return List.of(call.path() + " (" + call.accept() + "): " + type + " is not documented for " + status);
        }
        JsonNode value = type.equals("application/json") || type.endsWith("+json") ? JSON.readTree(body) : JSON.getNodeFactory().textNode(body);
        List<com.networknt.schema.Error> errors = validator(schema).validate(value);
        return errors.isEmpty() ? List.of() : List.of(call.path() + " (" + status + ", " + type + "): " + errors);
    }

    @Test
    void should_fail_a_response_whose_shape_the_document_does_not_describe() throws Exception {
        Call plan = Call.post("/api/plan", "/api/plan", "{\"compute\": 5.76e23}");
        String real = send(plan).body();
        assertEquals(List.of(), problems(plan, 200, "application/json", real), "the real body passes");
        ObjectNode withoutRows = (ObjectNode) JSON.readTree(real);
        withoutRows.remove("rows");
        assertEquals(1, problems(plan, 200, "application/json", withoutRows.toString()).size(), "a body missing a required field fails");
        ObjectNode wrongType = (ObjectNode) JSON.readTree(real);
        ((ObjectNode) wrongType.get("rows").get(0)).put("nOpt", "forty billion");
        assertEquals(1, problems(plan, 200, "application/json", wrongType.toString()).size(), "a field of the wrong type fails");
        assertTrue(problems(plan, 200, "application/xml", "<plan/>").get(0).contains("application/xml is not documented"),
                "an undocumented media type fails");
        assertTrue(problems(plan, 418, "application/json", "{}").get(0).contains("status 418 is not documented"), "an undocumented status fails");
        assertTrue(problems(Call.get("/api/nowhere", "/api/nowhere"), 200, "application/json", "{}").get(0).contains("is not documented"),
                "an undocumented route fails");
        JsonNode answer = JSON.readTree("{\"$ref\": \"#/components/schemas/Answer\"}");
        assertTrue(!validator(answer).validate(JSON.readTree("{\"question\": \"q\", \"verdict\": \"maybe\"}")).isEmpty());
        assertTrue(!validator(JSON.readTree("{\"$ref\": \"#/components/schemas/Error\"}")).validate(JSON.readTree("{\"error\": \"x\", \"trace\": \"at\"}")).isEmpty());
    }

    @Test
    void should_describe_where_it_is_served_and_that_no_security_scheme_applies() {
        assertEquals("/", document.get("servers").get(0).get("url").asText(), "relative: a generated client calls the server it read the document from");
        assertTrue(document.get("security").isArray() && document.get("security").isEmpty(), "an explicit empty security requirement");
    }

    private static HttpResponse<String> send(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + call.path())).header("Accept", call.accept());
        if (call.method().equals("POST")) {
            boolean form = call.operation().equals("/sparql") && !call.body().startsWith("{");
            request.header("Content-Type", form ? "application/x-www-form-urlencoded" : "application/json").POST(HttpRequest.BodyPublishers.ofString(call.body()));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

}
