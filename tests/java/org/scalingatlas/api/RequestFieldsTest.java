package org.scalingatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestFieldsTest {

    @Test
    void should_read_numbers_as_people_write_them() {
        assertEquals(7e10, RequestFields.number("N", "70B"));
        assertEquals(1.4e12, RequestFields.number("D", 1.4e12));
        assertEquals(3.0, RequestFields.number("k", 3));
        assertEquals(Double.POSITIVE_INFINITY, RequestFields.number("N", Bodies.of("{\"N\": 1e400}").get("N")), "the law says 'must be a finite number'");
        assertEquals(1000, RequestFields.whole("points", "1e3"));
        assertEquals(Integer.MIN_VALUE, RequestFields.whole("points", -1e12));
        assertEquals("N must be a number (or a string such as \"70B\"), got array",
                assertThrows(RequestException.class, () -> RequestFields.number("N", List.of())).getMessage());
        assertEquals("points must be a whole number, got 1.5", assertThrows(RequestException.class, () -> RequestFields.whole("points", "1.5")).getMessage());
    }

    @Test
    void should_name_json_kinds() {
        assertEquals(List.of("null", "object", "array", "string", "number", "boolean"),
                java.util.Arrays.stream(new Object[] {null, Map.of(), List.of(), "", 1, true}).map(RequestFields::kind).toList());
    }

    @Test
    void should_require_a_non_blank_text() {
        assertEquals("a", RequestFields.text(Map.of("q", "a"), "q"));
        assertEquals("'q' is required", assertThrows(RequestException.class, () -> RequestFields.text(Map.of(), "q")).getMessage());
        assertEquals("'q' must be a non-empty string, got array", assertThrows(RequestException.class, () -> RequestFields.text(Map.of("q", List.of()), "q")).getMessage());
    }

    /** The records take the fields the OpenAPI document describes for their bodies, and no others. */
    @Test
    void should_name_the_fields_the_openapi_document_describes() throws Exception {
        JsonNode schemas;
        try (InputStream in = RequestFieldsTest.class.getResourceAsStream("/org/scalingatlas/http/openapi.json")) {
            schemas = new ObjectMapper().readTree(in).get("components").get("schemas");
        }
        assertEquals(PlanRequest.FIELDS, names(schemas.get("PlanRequest")));
        assertEquals(CurveRequest.FIELDS, names(schemas.get("CurveRequest")));
        assertEquals(FitRequest.FIELDS, names(schemas.get("FitRequest")));
        assertEquals(List.of("evaluate", "optimal"), new ObjectMapper().convertValue(schemas.get("CurveRequest").get("properties").get("mode").get("enum"), List.class));
        assertEquals(List.of("vary", "output", "from", "to"), new ObjectMapper().convertValue(schemas.get("CurveRequest").get("required"), List.class));
    }

    private static List<String> names(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
