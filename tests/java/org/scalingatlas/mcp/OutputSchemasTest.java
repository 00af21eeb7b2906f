package org.scalingatlas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;

/**
 * The tools' output schemas, taken from the OpenAPI document: object schemas at the root, self-contained (no reference
 * left into the document's components), and real answers conform to them.
 */
class OutputSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final OutputSchemas schemas = OutputSchemas.fromOpenApi();

    @Test
    void should_make_self_contained_object_schemas_that_real_answers_conform_to() throws Exception {
        Map<String, Object> ask = schemas.response("GET", "/api/ask");
        assertEquals("object", ask.get("type"));
        String text = JSON.writeValueAsString(ask);
        assertFalse(text.contains("#/components/"), "every reference points inside the schema: " + text);
        assertTrue(text.contains("#/$defs/PaperRef"), "the components it reaches are under $defs");

        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(JSON.valueToTree(ask));
        var answer = JSON.valueToTree(TestAtlas.real().pipeline().ask("Does depth matter more than width for tiny language models?"));
        assertEquals(java.util.List.of(), schema.validate(answer));
    }

    @Test
    void should_wrap_an_array_body_in_an_object() {
        Map<String, Object> notes = schemas.wrapped("notes", "the closest notes", "GET", "/api/notes");
        assertEquals("object", notes.get("type"));
        assertEquals(java.util.List.of("notes"), notes.get("required"));
    }

    @Test
    void should_refuse_an_operation_the_document_does_not_describe() {
        assertThrows(IllegalStateException.class, () -> schemas.response("GET", "/api/no-such-route"));
        assertThrows(IllegalStateException.class, () -> schemas.response("GET", "/api/notes"), "an array body is no object schema");
    }
}
