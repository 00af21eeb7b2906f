package org.scalingatlas.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The tools' output schemas, taken from the HTTP API's OpenAPI document so that one description serves both: the
 * JSON Schema of an operation's {@code 200 application/json} body, made self-contained. The root reference is
 * inlined (MCP wants an object schema at the root) and every component it reaches is copied under {@code $defs},
 * its {@code #/components/schemas/X} references rewritten to {@code #/$defs/X}.
 */
final class OutputSchemas {

    /** Where the web server serves the document from, {@code GET /openapi.json}. */
    static final String OPENAPI = "/org/scalingatlas/http/openapi.json";
    private static final String COMPONENT = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;

    private OutputSchemas(JsonNode document) {
        this.document = document;
    }

    /** The schemas of the OpenAPI document the application ships. */
    static OutputSchemas fromOpenApi() {
        try (InputStream in = OutputSchemas.class.getResourceAsStream(OPENAPI)) {
            if (in == null) {
                throw new IllegalStateException("the OpenAPI document " + OPENAPI + " is missing from the application");
            }
            return new OutputSchemas(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI document " + OPENAPI, e);
        }
    }

    /**
     * The self-contained schema of the body {@code method path} answers with (status 200, JSON).
     *
     * @throws IllegalStateException when the document has no such operation, or its body is not an object
     */
    Map<String, Object> response(String method, String path) {
        JsonNode schema = document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses").path("200").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            throw new IllegalStateException("the OpenAPI document has no JSON body for " + method + " " + path);
        }
        ObjectNode root = dereferenced(schema).deepCopy();
        if (!"object".equals(root.path("type").asText())) {
            throw new IllegalStateException(method + " " + path + " answers with " + root.path("type").asText("no type")
                    + ", not an object: wrap it with wrapped()");
        }
        return selfContained(root);
    }

    /**
     * An object schema with one required property holding the body {@code method path} answers with, for a tool whose
     * HTTP counterpart answers with an array (structured content must be an object).
     */
    Map<String, Object> wrapped(String property, String description, String method, String path) {
        JsonNode body = document.path("paths").path(path).path(method.toLowerCase(java.util.Locale.ROOT))
                .path("responses").path("200").path("content").path("application/json").path("schema");
        if (body.isMissingNode()) {
            throw new IllegalStateException("the OpenAPI document has no JSON body for " + method + " " + path);
        }
        ObjectNode root = JSON.createObjectNode().put("type", "object");
        ObjectNode held = body.deepCopy();
        held.put("description", description);
        root.putObject("properties").set(property, held);
        root.putArray("required").add(property);
        return selfContained(root);
    }

    /** A top-level {@code $ref} replaced by the component it names. */
    private JsonNode dereferenced(JsonNode schema) {
        return schema.has("$ref") ? component(schema.get("$ref").asText()) : schema;
    }

    private Map<String, Object> selfContained(ObjectNode root) {
        Set<String> names = new LinkedHashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            for (String name : referencedNames(pending.pop())) {
                if (names.add(name)) {
                    pending.push(component(COMPONENT + name));
                }
            }
        }
        if (!names.isEmpty()) {
            ObjectNode defs = root.putObject("$defs");
            names.forEach(name -> defs.set(name, component(COMPONENT + name).deepCopy()));
        }
        rewriteReferences(root);
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = JSON.convertValue(root, Map.class);
        return schema;
    }

    private JsonNode component(String ref) {
        if (!ref.startsWith(COMPONENT)) {
            throw new IllegalStateException("the OpenAPI document refers to " + ref + ", outside its components' schemas");
        }
        JsonNode schema = document.path("components").path("schemas").path(ref.substring(COMPONENT.length()));
        if (schema.isMissingNode()) {
            throw new IllegalStateException("the OpenAPI document refers to " + ref + ", which it does not define");
        }
        return schema;
    }

    /** The component names {@code node} refers to, anywhere inside it. */
    private static Set<String> referencedNames(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref") && field.getValue().isTextual() && field.getValue().asText().startsWith(COMPONENT)) {
                    names.add(field.getValue().asText().substring(COMPONENT.length()));
                } else {
                    names.addAll(referencedNames(field.getValue()));
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> names.addAll(referencedNames(item)));
        }
        return names;
    }

    private static void rewriteReferences(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(COMPONENT)) {
                object.put("$ref", "#/$defs/" + ref.asText().substring(COMPONENT.length()));
            }
            object.properties().forEach(field -> rewriteReferences(field.getValue()));
        } else if (node.isArray()) {
            node.forEach(OutputSchemas::rewriteReferences);
        }
    }
}
