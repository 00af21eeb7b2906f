package org.scalingatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CurveRequestTest {

    private static final String RANGE = "\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8, \"to\": \"1T\"";

    @Test
    void should_read_a_curve_with_its_defaults() {
        CurveRequest curve = CurveRequest.ofBody("kaplan-loss-vs-parameters", Bodies.of("{" + RANGE + "}"), null);
        assertFalse(curve.optimal(), "mode evaluate by default");
        assertEquals(CurveRequest.DEFAULT_POINTS, curve.points());
        assertEquals(60, curve.points());
        assertEquals("N", curve.vary());
        assertEquals("loss", curve.output());
        assertEquals(1e8, curve.from());
        assertEquals(1e12, curve.to());
        assertTrue(curve.inputs().isEmpty() && curve.customConstants().isEmpty());
    }

    @Test
    void should_read_every_field() {
        CurveRequest curve = CurveRequest.ofBody("chinchilla-parametric-loss", Bodies.of("{\"mode\": \"optimal\", \"inputs\": {\"D\": \"1.4T\"}, "
                + RANGE + ", \"points\": 1e2, \"constants\": {\"E\": 1.7}}"), "published");
        assertTrue(curve.optimal());
        assertEquals(100, curve.points(), "1e2 is a whole number");
        assertEquals(Map.of("D", 1.4e12), curve.inputs());
        assertEquals(Map.of("E", 1.7), curve.customConstants());
        assertEquals("published", curve.constantSet());
        assertEquals(Integer.MAX_VALUE, CurveRequest.ofBody("x", Bodies.of("{" + RANGE + ", \"points\": 1e12}"), null).points(),
                "past the int range stays past the calculator's bound, which says so");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"inputs\": [1], " + RANGE + "}|'inputs' must be an object of input names and values",
        "{\"inputs\": null, " + RANGE + "}|'inputs' must be an object of input names and values",
        "{\"inputs\": {\"D\": \"lots\"}, " + RANGE + "}|D: 'lots' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)",
        "{\"constants\": \"published\", " + RANGE + "}|'constants' must be an object of constant names and values, e.g. {\"E\": 1.7}",
        "{\"mode\": \"fit\", " + RANGE + "}|mode must be evaluate or optimal, got 'fit'",
        "{\"mode\": 3, " + RANGE + "}|mode must be evaluate or optimal, got number",
        "{\"output\": \"loss\", \"from\": 1e8, \"to\": 1e9}|'vary' must name the input to vary, e.g. \"N\"",
        "{\"vary\": \" \", \"output\": \"loss\", \"from\": 1e8, \"to\": 1e9}|'vary' must name the input to vary, e.g. \"N\"",
        "{\"vary\": \"N\", \"output\": 1, \"from\": 1e8, \"to\": 1e9}|'output' must name the output to plot, e.g. \"loss\"",
        "{\"vary\": \"N\", \"output\": \"loss\", \"to\": 1e9}|'from' is required: the range of the varied input",
        "{\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8}|'to' is required: the range of the varied input",
        "{\"vary\": \"N\", \"output\": \"loss\", \"from\": null, \"to\": 1e9}|from must be a number (or a string such as \"70B\"), got null",
        "{" + RANGE + ", \"points\": 2.5}|points must be a whole number, got 2.5",
        "{" + RANGE + ", \"points\": \"many\"}|points: 'many' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)",
        "{" + RANGE + ", \"points\": true}|points must be a number (or a string such as \"70B\"), got boolean"})
    void should_refuse_a_bad_curve_naming_the_field(String body, String message) {
        RequestException refused = assertThrows(RequestException.class, () -> CurveRequest.ofBody("x", Bodies.of(body), null));
        assertEquals(message, refused.getMessage());
    }

    @Test
    void should_need_what_to_vary_and_plot_however_it_is_made() {
        assertThrows(RequestException.class, () -> new CurveRequest("x", false, Map.of(), null, Map.of(), null, "loss", 1, 2, 60));
        assertThrows(RequestException.class, () -> new CurveRequest("x", false, Map.of(), null, Map.of(), "N", "", 1, 2, 60));
    }
}
