package org.scalingatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LawRunRequestTest {

    @Test
    void should_read_an_http_body_as_inputs_and_the_callers_constants() {
        LawRunRequest run = LawRunRequest.ofBody("chinchilla-parametric-loss",
                Bodies.of("{\"N\": \"70B\", \"D\": 1.4e12, \"constants\": {\"E\": \"1.7\", \"A\": 406}}"), "published");
        assertEquals("chinchilla-parametric-loss", run.law());
        assertEquals(Map.of("N", 7e10, "D", 1.4e12), run.inputs());
        assertEquals(List.of("N", "D"), List.copyOf(run.inputs().keySet()), "the inputs keep their order");
        assertEquals(Map.of("E", 1.7, "A", 406.0), run.customConstants());
        assertEquals("published", run.constantSet());
    }

    @Test
    void should_read_an_empty_http_body_as_no_inputs_and_the_first_set() {
        LawRunRequest run = LawRunRequest.ofBody("kaplan-loss-vs-parameters", Bodies.of("{}"), null);
        assertEquals(Map.of(), run.inputs());
        assertEquals(Map.of(), run.customConstants());
        assertNull(run.constantSet());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"N\": true}|N must be a number (or a string such as \"70B\"), got boolean",
        "{\"N\": null}|N must be a number (or a string such as \"70B\"), got null",
        "{\"N\": [1]}|N must be a number (or a string such as \"70B\"), got array",
        "{\"N\": \"lots\"}|N: 'lots' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)",
        "{\"N\": 1e9, \"constants\": 3}|'constants' must be an object of constant names and values, e.g. {\"E\": 1.7}",
        "{\"N\": 1e9, \"constants\": \"published\"}|'constants' must be an object of constant names and values, e.g. {\"E\": 1.7}",
        "{\"N\": 1e9, \"constants\": {\"N_c\": \"NaN\"}}|N_c: 'NaN' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)",
        "{\"N\": 1e9, \"constants\": {\"N_c\": {}}}|N_c must be a number (or a string such as \"70B\"), got object"})
    void should_refuse_a_bad_http_body_naming_the_field(String body, String message) {
        RequestException refused = assertThrows(RequestException.class, () -> LawRunRequest.ofBody("kaplan-loss-vs-parameters", Bodies.of(body), null));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void should_read_mcp_arguments_with_the_same_numbers() {
        LawRunRequest run = LawRunRequest.ofArguments(Bodies.of(
                "{\"law\": \"chinchilla-parametric-loss\", \"inputs\": {\"N\": \"70B\", \"D\": \"1.4T\"}, \"constants\": \"published\", \"custom\": {\"E\": 1.7}}"));
        assertEquals(LawRunRequest.ofBody("chinchilla-parametric-loss", Bodies.of("{\"N\": \"70B\", \"D\": \"1.4T\", \"constants\": {\"E\": 1.7}}"), "published"), run,
                "one request, whichever edge it came through");
        LawRunRequest bare = LawRunRequest.ofArguments(Bodies.of("{\"law\": \"x\", \"inputs\": {\"C\": 5.76e23}, \"constants\": null, \"custom\": null}"));
        assertNull(bare.constantSet());
        assertEquals(Map.of(), bare.customConstants());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"inputs\": {}}|'law' is required",
        "{\"law\": 3, \"inputs\": {}}|'law' must be a non-empty string, got number",
        "{\"law\": \" \", \"inputs\": {}}|'law' must be a non-empty string, got string",
        "{\"law\": \"x\", \"inputs\": [1]}|'inputs' must be an object of names and numbers, e.g. {\"N\": \"70B\", \"D\": \"1.4T\"}, got array",
        "{\"law\": \"x\", \"inputs\": {\"N\": \"lots\"}}|'inputs.N': 'lots' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)",
        "{\"law\": \"x\", \"inputs\": {\"N\": false}}|'inputs.N' must be a number (or a string such as \"70B\"), got boolean",
        "{\"law\": \"x\", \"inputs\": {}, \"custom\": {\"E\": []}}|'custom.E' must be a number (or a string such as \"70B\"), got array",
        "{\"law\": \"x\", \"inputs\": {}, \"custom\": \"E=1\"}|'custom' must be an object of names and numbers, e.g. {\"N\": \"70B\", \"D\": \"1.4T\"}, got string",
        "{\"law\": \"x\", \"inputs\": {}, \"constants\": {}}|'constants' must be a non-empty string, got object"})
    void should_refuse_bad_mcp_arguments_naming_the_argument(String arguments, String message) {
        RequestException refused = assertThrows(RequestException.class, () -> LawRunRequest.ofArguments(Bodies.of(arguments)));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void should_need_a_law_and_copy_its_maps() {
        assertThrows(RequestException.class, () -> new LawRunRequest(" ", Map.of(), null, Map.of()));
        LawRunRequest run = new LawRunRequest("x", null, null, null);
        assertTrue(run.inputs().isEmpty() && run.customConstants().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> run.inputs().put("N", 1.0));
    }
}
