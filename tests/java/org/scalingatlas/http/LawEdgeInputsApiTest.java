package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The calculator inputs and the curves of issue #13 over real HTTP, each a 400 naming what is wrong or a finite answer;
 * and the plateauing learning curve, a fit or a 422 in words. Each of the first rows was a 500 before.
 */
class LawEdgeInputsApiTest {

    private static Loopback api;

    @BeforeAll
    static void start() {
        api = Loopback.real();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static final String CHINCHILLA = "\"E\": 1.69, \"A\": 406.4, \"B\": 410.7, \"alpha\": 0.34, \"beta\": 0.28";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "/api/laws/chinchilla-approach-1-allocation/evaluate|{\"C\": 1e-320}|C = 1.000e-320",
        "/api/laws/chinchilla-approach-1-allocation/evaluate|{\"C\": 4.9e-324}|C = 4.900e-324",
        "/api/laws/chinchilla-parametric-loss/optimal|{\"C\": 1e-320}|the budget C = 1.000e-320 FLOPs, is too small",
        "/api/laws/chinchilla-parametric-loss/optimal|{\"N\": 1e-320}|the budget at which N = 1.000e-320 is optimal",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 7e10, \"D\": 1.4e12, \"constants\": {" + CHINCHILLA + ", \"alpha\": -1e308}}|the caller's constants (E = 1.690, A = 406.4, B = 410.7, alpha = -1.000e+308",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 7e10, \"D\": 1.4e12, \"constants\": {\"E\": -1e308, \"A\": -1e308, \"B\": 1e308, \"alpha\": 0.34, \"beta\": 0.28}}|",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 7e10, \"D\": 1.4e12, \"constants\": {\"E\": 1.69, \"A\": 1e308, \"B\": 1e308, \"alpha\": 1e-320, \"beta\": 0}}|gives no finite loss",
        "/api/laws/chinchilla-parametric-loss/optimal|{\"C\": 1e22, \"constants\": {" + CHINCHILLA + ", \"beta\": -1e308}}|beta = -1.000e+308",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 1e9, \"constants\": {\"N_c\": -8.8e13, \"alpha_N\": 0.076}}|gives no finite loss at these inputs (N = 1.000e+09) with the caller's constants (N_c = -8.800e+13",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 4.9e-324}|gives no finite loss at these inputs (N = 4.900e-324)",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 1e308}|",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": -1e308}|N must be positive",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": -0.0}|N must be positive",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": \"NaN\"}|N: ",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 1e9, \"constants\": {\"N_c\": \"NaN\", \"alpha_N\": 0.076}}|N_c: ",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 1e9, \"constants\": {\"N_c\": 1e400, \"alpha_N\": 0.076}}|constant N_c must be a finite number",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 1e9, \"constants\": {\"N_c\": 0, \"alpha_N\": 0}}|",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8, \"to\": 1e10, \"points\": 1e12}|points must be between 2 and 400, got 2147483647",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8, \"to\": 1e10, \"points\": 2.5}|points must be a whole number, got 2.5",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e8, \"to\": 1e10, \"points\": \"NaN\"}|points: ",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e10, \"to\": 1e8}|the range must satisfy 0 < from < to, got from = 1.0E10, to = 1.0E8",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": 1e9, \"to\": 1e9}|the range must satisfy 0 < from < to",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": -0.0, \"to\": 1e9}|the range must satisfy 0 < from < to",
        "/api/laws/kaplan-loss-vs-parameters/curve|{\"vary\": \"N\", \"output\": \"loss\", \"from\": 4.9e-324, \"to\": 1.7976931348623157e308, \"points\": 400}|",
        "/api/laws/chinchilla-parametric-loss/curve|{\"mode\": \"optimal\", \"vary\": \"C\", \"output\": \"loss\", \"from\": 1e-320, \"to\": 1e25, \"points\": 50, \"constants\": {" + CHINCHILLA + ", \"alpha\": -1e308}}|",
        "/api/laws/fit|{\"family\": \"power-law\", \"csv\": \"k,loss\\n1,2\\n2,1.9\\n3,1.8\\n4,1.75\\n5,1.7\", \"resamples\": 1e12}|resamples must be between 0 and 2000, got 2147483647",
        "/api/laws/fit|{\"family\": \"power-law\", \"csv\": \"k,loss\\n1,2\\n2,1.9\\n3,1.8\\n4,1.75\\n5,1.7\", \"resamples\": 0.5}|resamples must be a whole number, got 0.5"})
    void should_answer_a_finite_result_or_a_400_that_names_the_input(String path, String body, String message) throws Exception {
        HttpResponse<String> response = api.post(path, "application/json", body);
        if (message == null) {
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(!response.body().contains("NaN") && !response.body().contains("Infinity"), response.body());
            return;
        }
        assertEquals(400, response.statusCode(), response.body());
        String error = HeavyFixtures.error(response);
        assertTrue(error.contains(message), error);
    }

    /** A benchmark score over 19 checkpoints that rises then sits at 0.61, and the error rate 1 - score. */
    @Test
    void should_fit_a_plateauing_learning_curve_or_refuse_it_in_words() throws Exception {
        double[] score = {0.20, 0.31, 0.38, 0.43, 0.47, 0.50, 0.53, 0.55, 0.57, 0.58, 0.59, 0.60, 0.605, 0.607, 0.61, 0.61, 0.61, 0.61, 0.612};
        List<Map<String, Double>> rising = new ArrayList<>();
        List<Map<String, Double>> falling = new ArrayList<>();
        List<Map<String, Double>> flat = new ArrayList<>();
        for (int i = 0; i < score.length; i++) {
            double steps = 1000 * Math.pow(1.6, i);
            rising.add(Map.of("steps", steps, "loss", score[i]));
            falling.add(Map.of("steps", steps, "loss", 1 - score[i]));
            flat.add(Map.of("steps", steps, "loss", 0.61));
        }
        HttpResponse<String> refused = fit(rising);
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(HeavyFixtures.error(refused).startsWith("these points cannot be fitted: the loss rises with steps"), refused.body());
        for (List<Map<String, Double>> points : List.of(falling, flat)) {
            HttpResponse<String> fitted = fit(points);
            assertEquals(200, fitted.statusCode(), fitted.body());
            JsonNode fit = HeavyFixtures.JSON.readTree(fitted.body());
            assertTrue(fit.get("rmseLog").asDouble() < 0.05, fitted.body());
            fit.get("constants").properties().forEach(c -> assertTrue(c.getValue().isNumber(), c.toString()));
        }
    }

    private static HttpResponse<String> fit(List<Map<String, Double>> points) throws Exception {
        return api.post("/api/laws/fit", "application/json",
                HeavyFixtures.JSON.writeValueAsString(Map.of("family", "power-law", "points", points, "resamples", 100)));
    }
}
