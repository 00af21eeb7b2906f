package org.scalingatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.LawInputException;

class FitRequestTest {

    private static final String CURVE = "\"csv\": \"steps,loss\\n1,3\\n2,2.5\\n4,2.2\\n8,2.1\\n16,2.05\"";

    @Test
    void should_read_csv_points_with_the_defaults() {
        FitRequest fit = FitRequest.ofBody(Bodies.of("{\"csv\": \"N,D,loss\\n1e8,2e9,3.1\\n2e8,4e9,2.9\"}"));
        assertEquals(List.of("N", "D"), fit.inputs());
        assertEquals(2, fit.points().size());
        assertEquals(new Fitter.Point(Map.of("N", 1e8, "D", 2e9), 3.1), fit.points().get(0));
        assertEquals("chinchilla", fit.family(), "two inputs: chinchilla by default");
        assertFalse(fit.oneInput());
        assertEquals(FitRequest.DEFAULT_RESAMPLES, fit.resamples());
        assertEquals(100, fit.resamples());
        assertEquals(List.of(), fit.predictAt());

        FitRequest curve = FitRequest.ofBody(Bodies.of("{" + CURVE + "}"));
        assertEquals("auto", curve.family(), "one input: auto by default");
        assertTrue(curve.oneInput());
    }

    @Test
    void should_read_points_as_objects_and_every_option() {
        FitRequest fit = FitRequest.ofBody(Bodies.of("{\"family\": \"power-law\", \"resamples\": \"20\", \"predictAt\": [\"1e9\", 1e10], "
                + "\"points\": [{\"k\": 1, \"loss\": 3}, {\"k\": \"2\", \"loss\": \"2.5\"}]}"));
        assertEquals("power-law", fit.family());
        assertEquals(List.of("k"), fit.inputs());
        assertEquals(List.of(new Fitter.Point(Map.of("k", 1.0), 3), new Fitter.Point(Map.of("k", 2.0), 2.5)), fit.points());
        assertEquals(20, fit.resamples());
        assertEquals(List.of(1e9, 1e10), fit.predictAt());
        assertEquals(List.of(1e9), FitRequest.ofBody(Bodies.of("{" + CURVE + ", \"predictAt\": \"1e9\"}")).predictAt(), "one x alone");
        assertEquals(List.of(), FitRequest.ofBody(Bodies.of("{" + CURVE + ", \"predictAt\": null}")).predictAt());
        assertEquals(List.of(), FitRequest.ofBody(Bodies.of("{\"points\": []}")).inputs(), "no points: the fitter says how many it needs");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{}|pass the points as 'csv' (a header such as N,D,loss and rows) or as 'points' (objects such as {\"N\": 1e8, \"D\": 2e9, \"loss\": 3.1})",
        "{\"csv\": 3}|pass the points as 'csv'",
        "{\"points\": {\"N\": 1}}|pass the points as 'csv'",
        "{\"family\": 3, " + CURVE + "}|family must be a string: use chinchilla",
        "{\"family\": null, " + CURVE + "}|family must be a string: use chinchilla",
        "{\"resamples\": 0.5, " + CURVE + "}|resamples must be a whole number, got 0.5",
        "{\"resamples\": \"some\", " + CURVE + "}|resamples: 'some' is not a number",
        "{\"points\": [3]}|each point must be an object with its inputs and a 'loss'",
        "{\"points\": [{\"N\": 1}]}|each point must be an object with its inputs and a 'loss'",
        "{\"points\": [{\"N\": 1, \"loss\": 2}, {\"D\": 1, \"loss\": 2}]}|every point must have the same inputs as the first [N]",
        "{\"points\": [{\"N\": true, \"loss\": 2}]}|N must be a number (or a string such as \"70B\"), got boolean",
        "{\"points\": [{\"N\": 1, \"loss\": \"low\"}]}|loss: 'low' is not a number",
        "{" + CURVE + ", \"predictAt\": [1e9, \"far\"]}|predictAt: 'far' is not a number",
        "{" + CURVE + ", \"predictAt\": {}}|predictAt must be a number (or a string such as \"70B\"), got object",
        "{\"family\": \"chinchilla\", \"csv\": \"N,D,loss\\n1e8,2e9,3.1\", \"predictAt\": 1e9}|predictAt is for the one-input families (pure-power, power-law, saturating, auto), not chinchilla",
        "{\"csv\": \"N,D,loss\\n1e8,2e9,3.1\", \"predictAt\": [1e9]}|predictAt is for the one-input families (pure-power, power-law, saturating, auto), not chinchilla"})
    void should_refuse_a_bad_fit_naming_the_field(String body, String message) {
        RequestException refused = assertThrows(RequestException.class, () -> FitRequest.ofBody(Bodies.of(body)));
        assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
    }

    @Test
    void should_take_at_most_the_predictions_a_fit_makes() {
        String many = "[" + "1e9,".repeat(100) + "1e9]";
        RequestException refused = assertThrows(RequestException.class, () -> FitRequest.ofBody(Bodies.of("{" + CURVE + ", \"predictAt\": " + many + "}")));
        assertEquals("predictAt takes at most 100 values, got 101", refused.getMessage());
    }

    @Test
    void should_leave_the_csv_to_its_reader() {
        LawInputException refused = assertThrows(LawInputException.class, () -> FitRequest.ofBody(Bodies.of("{\"csv\": \"N,D,loss\\n1e8,x,3\"}")));
        assertTrue(refused.getMessage().startsWith("line 2: D must be a number"), refused.getMessage());
    }
}
