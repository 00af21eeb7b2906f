package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Law;

/** The law calculators over real HTTP on the real corpus: the contract, the papers' values, and bad input as 4xx. */
class LawApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Atlas atlas;
    private static Javalin server;

    @BeforeAll
    static void start() {
        atlas = TestAtlas.real();
        server = AtlasServer.create(atlas.services()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void should_list_every_law_with_its_paper_variables_and_constants() throws Exception {
        JsonNode laws = JSON.readTree(send("GET", "/api/laws", null).body());
        Set<String> arxiv = new HashSet<>();
        for (JsonNode law : laws) {
            for (String field : new String[] {"id", "name", "formula", "paper", "variables", "constants"}) {
                assertTrue(law.has(field), law.path("id") + " lacks " + field);
            }
            assertFalse(law.get("paper").get("title").asText().isEmpty());
            law.get("constants").forEach(set -> arxiv.add(set.get("source").path("arxiv").asText()));
            arxiv.add(law.get("paper").path("arxiv").asText());
            law.get("variables").forEach(v -> assertFalse(v.get("unit").asText().isEmpty(), law.get("id") + " " + v));
            law.get("outputs").forEach(o -> assertTrue(o.get("aliases").isArray(), law.get("id") + " " + o));
            if (law.get("id").asText().equals("step-law-hyperparameters")) {
                assertEquals("lr", law.get("outputs").get(0).get("aliases").get(0).asText(), "what people call the learning rate");
            }
            if (law.get("id").asText().equals("parscale-loss")) {
                assertEquals("[\"The Stack v2\"]|[\"the Pile\"]", law.get("constants").get(0).get("fittedOn") + "|" + law.get("constants").get(1).get("fittedOn"),
                        "the data each set was fitted on, as the dataset scheme names it");
            }
        }
        // Kaplan, Chinchilla, Epoch, Muennighoff, Sardana, Monkeys, Kumar, Henighan, Step Law, Gadre, ParScale
        assertTrue(arxiv.containsAll(Set.of("2001.08361", "2203.15556", "2404.10102", "2305.16264", "2401.00448", "2407.21787",
                "2411.04330", "2010.14701", "2503.04715", "2403.08540", "2505.10475")), arxiv.toString());
    }

    @Test
    void should_link_every_law_to_a_note_that_cites_it() throws Exception {
        for (JsonNode law : JSON.readTree(send("GET", "/api/laws", null).body())) {
            assertTrue(law.get("notes").size() > 0, law.get("id") + " is cited by no note");
        }
    }

    @Test
    void should_hold_every_law_in_the_graph_with_its_paper_and_a_citing_note() throws Exception {
        String prefixes = "PREFIX atlas: <https://scalingatlas.org/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> ";
        assertEquals(atlas.corpus().laws().size(), count(prefixes + "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?l a atlas:Law ; dcterms:source ?p . ?p a atlas:Paper . ?note atlas:citesLaw ?l }"));
        assertEquals(0, count(prefixes + "SELECT (COUNT(DISTINCT ?l) AS ?n) WHERE { ?l a atlas:Law . FILTER NOT EXISTS { ?note atlas:citesLaw ?l } }"));
        assertEquals(0, count(prefixes + "SELECT (COUNT(?v) AS ?n) WHERE { ?l a atlas:Law ; atlas:variable ?v . FILTER NOT EXISTS { ?v atlas:unit ?u } }"));
    }

    private static int count(String query) throws Exception {
        HttpResponse<String> response = send("GET", "/sparql?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8), null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("results").get("bindings").get(0).get("n").get("value").asInt();
    }

    /** Every check value of every law file, through the HTTP API. */
    @TestFactory
    Stream<DynamicTest> should_reproduce_the_papers_values_through_http() {
        return TestAtlas.real().corpus().laws().stream().flatMap(law -> law.checks().stream().map(check -> DynamicTest.dynamicTest(
                law.id() + " " + check.mode() + " " + check.inputs(), () -> {
                    String path = "/api/laws/" + law.id() + "/" + check.mode() + (check.constants() == null ? "" : "?constants=" + check.constants());
                    HttpResponse<String> response = send("POST", path, JSON.writeValueAsString(check.inputs()));
                    assertEquals(200, response.statusCode(), response.body());
                    JsonNode outputs = JSON.readTree(response.body()).get("outputs");
                    check.expect().forEach((name, expected) -> assertEquals(expected, outputs.get(name).asDouble(),
                            Math.abs(expected) * check.tolerance(), law.id() + " " + name + ": " + check.source()));
                })));
    }

    @Test
    void should_predict_chinchilla_from_strings_such_as_70B_and_warn_outside_the_fitted_range() throws Exception {
        JsonNode result = JSON.readTree(send("POST", "/api/laws/chinchilla-parametric-loss/evaluate?constants=unrounded",
                "{\"N\": \"70B\", \"D\": \"1.4T\"}").body());
        assertEquals(1.9208, result.get("outputs").get("loss").asDouble(), 1e-4);
        assertEquals("chinchilla-parametric-loss", result.get("law").asText());
        assertTrue(result.get("warnings").toString().contains("above the range the law was fitted on"), result.toString());
        JsonNode inside = JSON.readTree(send("POST", "/api/laws/chinchilla-parametric-loss/evaluate", "{\"N\": 1e9, \"D\": 2e10}").body());
        assertFalse(inside.get("warnings").toString().contains("range the law was fitted on"), inside.toString());
    }

    @Test
    void should_find_the_budget_at_which_a_model_size_is_optimal() throws Exception {
        JsonNode result = JSON.readTree(send("POST", "/api/laws/chinchilla-parametric-loss/optimal?constants=epoch-refit", "{\"N\": \"7.30e10\"}").body());
        assertEquals(5.88e23, result.get("outputs").get("C").asDouble(), 5.88e23 * 1e-2);
        assertEquals(7.30e10, result.get("outputs").get("N_opt").asDouble(), 7.30e10 * 1e-6);
    }

    @Test
    void should_accept_a_callers_own_constants_and_say_so() throws Exception {
        JsonNode result = JSON.readTree(send("POST", "/api/laws/kumar-precision-effective-parameters/evaluate",
                "{\"N\": 1e9, \"P_w\": 80, \"P_a\": 80, \"P_kv\": 80, \"constants\": {\"gamma_w\": 2, \"gamma_a\": 2, \"gamma_kv\": 1}}").body());
        assertEquals(1e9, result.get("outputs").get("effective_parameters").asDouble(), 1e9 * 1e-9);
        assertEquals("custom", result.get("constants").asText());
        assertTrue(result.get("warnings").toString().contains("supplied by the caller"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": -1, \"D\": 1e12}|N must be positive",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 0, \"D\": 1e12}|N must be positive",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": \"NaN\", \"D\": 1e12}|is not a number",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": \"lots\", \"D\": 1e12}|is not a number",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": true, \"D\": 1e12}|N must be a number",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 1e400, \"D\": 1e12}|must be a finite number",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"D\": 1e12}|needs N",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 1e9, \"D\": 1e12, \"X\": 3}|takes no input 'X'",
        "/api/laws/chinchilla-parametric-loss/evaluate|[1, 2]|must be a JSON object",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": |not valid JSON",
        "/api/laws/chinchilla-parametric-loss/evaluate|{\"N\": 1e9, \"D\": 1e12, \"constants\": {\"Z\": 1}}|has no constant 'Z'",
        "/api/laws/chinchilla-parametric-loss/evaluate?constants=nope|{\"N\": 1e9, \"D\": 1e12}|has no constant set 'nope'",
        "/api/laws/chinchilla-parametric-loss/optimal|{\"C\": 1e21, \"N\": 1e9}|either the budget C or the model size N",
        "/api/laws/chinchilla-parametric-loss/optimal|{}|pass the compute budget C",
        "/api/laws/chinchilla-parametric-loss/optimal|{\"C\": 3}|too small",
        "/api/laws/sardana-inference-aware-optimum/optimal|{\"loss\": 1.2, \"D_inf\": 1e12}|out of reach",
        "/api/laws/kaplan-loss-vs-parameters/optimal|{\"C\": 1e21}|has no optimal allocation",
        "/api/laws/kaplan-loss-vs-parameters/evaluate|{\"N\": 1e-300}|gives no finite loss at these inputs (N = 1.000e-300)",
        "/api/laws/kumar-precision-effective-parameters/evaluate|{\"N\": 1e9, \"P_w\": 4, \"P_a\": 8, \"P_kv\": 8}|has no verified constants",
        "/api/laws/fit|{\"family\": \"cubic\", \"csv\": \"N,loss\"}|unknown family",
        "/api/laws/fit|{\"csv\": \"N,D,loss\\n1e8,2e9,3.1\"}|at least 7 points",
        "/api/laws/fit|{\"csv\": \"N,D,score\\n1,2,3\"}|must name the input columns and end with 'loss'",
        "/api/laws/fit|{\"csv\": \"N,D,loss\\n1e8,x,3\"}|line 2: D must be a number",
        "/api/laws/fit|{\"family\": \"power-law\", \"points\": [{\"N\": 1, \"loss\": 2}, {\"D\": 1, \"loss\": 2}]}|same inputs",
        "/api/laws/fit|{}|pass the points",
        "/api/laws/fit|{\"family\": \"quadratic\", \"csv\": \"steps,loss\\n1,3\\n2,2.5\\n4,2.2\\n8,2.1\\n16,2.05\\n32,2.01\"}|unknown family 'quadratic': use chinchilla",
        "/api/laws/fit|{\"family\": \"saturating\", \"csv\": \"steps,loss\\n1,3\\n2,2.5\\n4,2.2\\n8,2.1\\n16,2.05\"}|the saturating family (E + A / (steps + x0)^alpha, 4 constants) needs at least 6 points",
        "/api/laws/fit|{\"csv\": \"steps,loss\\n1,3\\n2,2.5\"}|the auto family needs at least 4 points",
        "/api/laws/fit|{\"family\": \"power-law\", \"csv\": \"steps,loss\\n1,3\\n-2,2.5\\n4,2.2\\n8,2.1\\n16,2.05\"}|point 2: steps must be a positive finite number",
        "/api/laws/fit|{\"family\": \"power-law\", \"csv\": \"steps,loss\\n1,3\\n2,2.5\\n4,2.2\\n8,2.1\\n16,2.05\", \"predictAt\": [1e9, -1]}|predictAt: each x must be a positive finite number, got -1.0",
        "/api/laws/fit|{\"family\": \"power-law\", \"points\": [{\"x\": 1, \"loss\": 3}, {\"x\": 2, \"loss\": 1e400}, {\"x\": 4, \"loss\": 2}, {\"x\": 8, \"loss\": 2}, {\"x\": 16, \"loss\": 2}]}|point 2: the loss must be a positive finite number, got Infinity",
        "/api/laws/fit|{\"family\": 3, \"csv\": \"x,loss\"}|family must be a string",
        "/api/laws/fit|{\"family\": \"chinchilla\", \"csv\": \"N,D,loss\\n1e8,2e9,3.1\", \"predictAt\": 1e9}|predictAt is for the one-input families"})
    void should_refuse_bad_input_with_a_400_that_says_what_is_wrong(String path, String body, String message) throws Exception {
        HttpResponse<String> response = send("POST", path, body);
        assertEquals(400, response.statusCode(), response.body());
        String error = JSON.readTree(response.body()).get("error").asText();
        assertTrue(error.contains(message), error);
        assertFalse(response.body().contains("Exception"), response.body());
    }

    @Test
    void should_answer_an_unknown_or_malformed_law_id_with_404_and_400() throws Exception {
        assertEquals(404, send("GET", "/api/laws/no-such-law", null).statusCode());
        assertEquals(404, send("POST", "/api/laws/no-such-law/evaluate", "{}").statusCode());
        assertEquals(400, send("GET", "/api/laws/Bad..Id", null).statusCode());
    }

    @Test
    void should_fit_points_and_compare_with_the_published_laws() throws Exception {
        StringBuilder csv = new StringBuilder("N,D,loss\n");
        Law chinchilla = atlas.corpus().law("chinchilla-parametric-loss").orElseThrow();
        Map<String, Double> c = chinchilla.constantSet("unrounded").orElseThrow().values();
        for (double n : new double[] {1e8, 3e8, 1e9, 3e9, 1e10}) {
            for (double d : new double[] {2e9, 1e10, 5e10, 2e11}) {
                csv.append(n).append(',').append(d).append(',').append(c.get("E") + c.get("A") / Math.pow(n, c.get("alpha")) + c.get("B") / Math.pow(d, c.get("beta"))).append('\n');
            }
        }
        HttpResponse<String> response = send("POST", "/api/laws/fit", JSON.writeValueAsString(Map.of("csv", csv.toString(), "resamples", 20)));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode fit = JSON.readTree(response.body());
        assertEquals(0.3392, fit.get("constants").get("alpha").asDouble(), 0.01);
        assertEquals(20, fit.get("resamples").asInt());
        JsonNode best = fit.get("published").get(0);
        assertEquals("chinchilla-parametric-loss", best.get("law").asText());
        assertEquals("unrounded", best.get("constants").asText());
    }

    @Test
    void should_fit_a_learning_curve_and_say_how_far_it_can_be_trusted() throws Exception {
        StringBuilder csv = new StringBuilder("steps,loss\n");
        for (int i = 0; i < 16; i++) {
            double steps = 1000 * Math.pow(1.8, i);
            csv.append(steps).append(',').append(1.7 + 300 / Math.pow(steps, 0.45)).append('\n');
        }
        HttpResponse<String> response = send("POST", "/api/laws/fit", JSON.writeValueAsString(Map.of("csv", csv.toString(), "resamples", 20, "predictAt", List.of(1e7, "1e9"))));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode fit = JSON.readTree(response.body());
        assertEquals("power-law", fit.get("family").asText(), "auto picks the family that made the points: " + fit.get("candidates"));
        assertEquals(0.45, fit.get("constants").get("alpha").asDouble(), 0.01);
        assertEquals(3, fit.get("candidates").size());
        assertTrue(fit.get("rollout").size() > 5 && fit.get("rollout").get(0).get("k").asInt() == 4, fit.get("rollout").toString());
        assertTrue(fit.get("rolloutError").asDouble() < 0.01 && fit.get("leaveOneOutError").asDouble() < 0.01, response.body());
        JsonNode far = fit.get("predictions").get(1);
        assertEquals(1.7 + 300 / Math.pow(1e9, 0.45), far.get("predicted").asDouble(), 0.01);
        assertTrue(far.get("interval").get("low").asDouble() <= far.get("predicted").asDouble() && far.get("decadesBeyond").asDouble() > 2, far.toString());
        assertTrue(fit.get("warnings").toString().contains("decades beyond the largest point"), fit.get("warnings").toString());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
