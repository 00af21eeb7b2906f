package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalingatlas.TestAtlas;

/** POST /api/plan over real HTTP on the real corpus: the contract, the reference values, and bad budgets as 400s naming the field. */
class PlanApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Javalin server;

    @BeforeAll
    static void start() {
        server = AtlasServer.create(TestAtlas.real().services()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private static HttpResponse<String> post(String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/plan"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode row(JsonNode plan, String law, String set) {
        for (JsonNode row : plan.get("rows")) {
            if (row.get("law").asText().equals(law) && row.get("constants").asText().equals(set)) {
                return row;
            }
        }
        throw new AssertionError("no row " + law + " (" + set + ")");
    }

    @Test
    void should_return_every_row_with_its_extrapolation_and_the_spread() throws Exception {
        HttpResponse<String> response = post("{\"compute\": 5.76e23}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode plan = JSON.readTree(response.body());
        assertEquals(5.76e23, plan.get("budget").get("compute").asDouble());
        assertTrue(plan.get("rows").size() >= 6, response.body());
        for (JsonNode row : plan.get("rows")) {
            for (String field : new String[] {"law", "constants", "constantsLabel", "provenance", "paper", "nOpt", "dOpt", "tokensPerParameter", "loss",
                "parameters", "conditions", "extrapolation", "uncertainty"}) {
                assertTrue(row.has(field), row.get("law") + " lacks " + field);
            }
        }
        JsonNode unrounded = row(plan, "chinchilla-parametric-loss", "unrounded");
        assertEquals(4.04e10, unrounded.get("nOpt").asDouble(), 5e-3 * 4.04e10);
        assertEquals(1.9184, unrounded.get("loss").asDouble(), 5e-3 * 1.9184);
        assertEquals("2203.15556", unrounded.get("paper").get("arxiv").asText());
        JsonNode approach1 = row(plan, "chinchilla-approach-1-allocation", "table-3").get("extrapolation");
        assertEquals(Math.log10(5.76e23 / 3e21), approach1.get("decades").asDouble(), 1e-9);
        assertTrue(approach1.get("warning").asText().contains("decades above"), approach1.toString());
        assertTrue(row(plan, "kaplan-compute-efficient-allocation", "published").get("extrapolation").get("decades").isNull());
        double max = 0;
        double min = Double.MAX_VALUE;
        for (JsonNode row : plan.get("rows")) {
            max = Math.max(max, row.get("nOpt").asDouble());
            min = Math.min(min, row.get("nOpt").asDouble());
        }
        assertEquals(max / min, plan.get("spread").get("ratio").asDouble(), 1e-9 * max / min);
        assertTrue(plan.get("spread").get("reasons").toString().contains("count non-embedding parameters"), plan.get("spread").toString());
    }

    @Test
    void should_read_quantities_as_the_law_api_does_and_add_the_numerical_rows_on_the_heavy_pool() throws Exception {
        HttpResponse<String> response = post("{\"compute\": \"5.76x10^23\", \"uniqueTokens\": \"500B\", \"inferenceTokens\": \"2T\"}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode plan = JSON.readTree(response.body());
        assertEquals(5e11, plan.get("budget").get("uniqueTokens").asDouble());
        row(plan, "muennighoff-data-constrained-loss", "published");
        row(plan, "sardana-inference-aware-optimum", "sardana-code");
    }

    @Test
    void should_plan_for_a_target_loss_and_band_the_rows_whose_sources_report_an_interval() throws Exception {
        HttpResponse<String> response = post("{\"targetLoss\": 1.947}");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode plan = JSON.readTree(response.body());
        assertEquals(1.947, plan.get("budget").get("targetLoss").asDouble());
        assertTrue(plan.get("budget").get("compute").isNull(), plan.get("budget").toString());
        JsonNode sardana = row(plan, "chinchilla-parametric-loss", "sardana-code");
        assertEquals(6 * 3.408e10 * 1.810e12, sardana.get("compute").asDouble(), 4e-3 * 3.7e23);
        JsonNode band = row(plan, "chinchilla-parametric-loss", "epoch-refit").get("band");
        for (String field : new String[] {"nLow", "nHigh", "dLow", "dHigh", "exponentLow", "exponentHigh", "level", "pivot", "provenance", "source"}) {
            assertTrue(band.has(field), "band lacks " + field + ": " + band);
        }
        assertTrue(band.get("nLow").asDouble() < band.get("nHigh").asDouble(), band.toString());
        assertTrue(row(plan, "chinchilla-parametric-loss", "published").get("band").isNull());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}| compute or targetLoss is required",
        "{\"uniqueTokens\": 1e12}| compute or targetLoss is required",
        "{\"compute\": 1e24, \"targetLoss\": 2}| give compute or targetLoss, not both",
        "{\"targetLoss\": 0}| targetLoss must be positive",
        "{\"targetLoss\": \"low\"}| targetLoss: 'low' is not a number",
        "{\"compute\": -5.76e23}| compute must be positive",
        "{\"compute\": 0}| compute must be positive",
        "{\"compute\": \"NaN\"}| compute: 'NaN' is not a number",
        "{\"compute\": NaN}| the body is not valid JSON",
        "{\"compute\": 1e400}| compute must be a finite number",
        "{\"compute\": 1e31}| compute = 1.00e31 FLOPs is beyond",
        "{\"compute\": \"lots\"}| compute: 'lots' is not a number",
        "{\"compute\": null}| compute must be a number",
        "{\"compute\": true}| compute must be a number",
        "{\"compute\": 1e24, \"uniqueTokens\": -1}| uniqueTokens must be positive",
        "{\"compute\": 1e24, \"inferenceTokens\": \"Infinity\"}| inferenceTokens",
        "{\"compute\": 1e24, \"precision\": 1000}| precision = 1.00e03 bits is beyond",
        "{\"compute\": 1e24, \"budget\": 1}| a plan takes no field 'budget'",
        "[1e24]| the body must be a JSON object"})
    void should_refuse_a_bad_budget_with_a_400_naming_the_field(String body, String message) throws Exception {
        HttpResponse<String> response = post(body);
        assertEquals(400, response.statusCode(), body + " → " + response.body());
        String error = JSON.readTree(response.body()).get("error").asText();
        assertTrue(error.startsWith(message), body + " → " + error);
    }
}
