package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.scalingatlas.FuzzSeed;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Law;

/**
 * Realistic curves and the floats an attacker picks, against the fit and the calculators over real HTTP (jqwik, fixed
 * seed): power laws with noise, learning curves that plateau, saturating curves, noisy flat lines, each with a point
 * or a constant at 1e-320, 4.9e-324, 1e308, -0.0 ... Never a 5xx; a refusal is exactly {"error": "<words>"}; an
 * answer holds only finite numbers.
 */
@Slow
class LawFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EDGES = List.of("1e-320", "4.9e-324", "2.2250738585072014e-308", "1e308", "-1e308", "1.7976931348623157e308",
            "-0.0", "0", "-1", "\"NaN\"", "\"1e-320\"", "\"-0\"", "\"Infinity\"", "1e400");
    private static Loopback api;

    @BeforeContainer
    static void start() {
        api = Loopback.real();
    }

    @AfterContainer
    static void stop() {
        api.close();
    }

    record Curve(String shape, String family, int points, double noise, long seed, int resamples, int edgeAt, String edge, boolean csv) {
    }

    record LawCall(String law, String action, String set, String body) {
    }

    @Property(tries = 150, seed = FuzzSeed.VALUE)
    void any_realistic_curve_is_fitted_or_refused_cleanly(@ForAll("curves") Curve curve) throws Exception {
        HttpResponse<String> response = api.post("/api/laws/fit", "application/json", fitBody(curve));
        assertClean(response);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400 || response.statusCode() == 422, response.statusCode() + " " + response.body());
        if (response.statusCode() == 422) {
            assertTrue(HeavyFixtures.error(response).startsWith("these points cannot be fitted: "), response.body());
        }
        if (response.statusCode() == 200 && curve.edgeAt() < 0) {
            JsonNode constants = JSON.readTree(response.body()).get("constants");
            constants.properties().forEach(c -> assertTrue(c.getValue().isNumber(), curve + ": " + c));
        }
    }

    @Property(tries = 400, seed = FuzzSeed.VALUE)
    void any_edge_float_in_a_law_input_or_constant_is_computed_or_refused_cleanly(@ForAll("lawCalls") LawCall call) throws Exception {
        HttpResponse<String> response = api.post("/api/laws/" + call.law() + "/" + call.action()
                + (call.set() == null ? "" : "?constants=" + URLEncoder.encode(call.set(), StandardCharsets.UTF_8)), "application/json", call.body());
        assertClean(response);
        assertTrue(response.statusCode() == 200 || response.statusCode() == 400, call + " -> " + response.statusCode() + " " + response.body());
    }

    /** Not a 5xx; a refusal is exactly {"error": "<words>"}; an answer has no NaN or infinity in it. */
    private static void assertClean(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() < 500, response.statusCode() + ": " + response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), response.body());
        if (response.statusCode() >= 400) {
            assertEquals(1, JSON.readTree(response.body()).size(), response.body());
            HeavyFixtures.error(response);
        } else {
            assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), response.body());
        }
    }

    @Provide
    Arbitrary<Curve> curves() {
        Arbitrary<String> shape = Arbitraries.of("power law", "plateau", "saturating score", "saturating error", "flat", "two-input power law");
        Arbitrary<Integer> points = Arbitraries.integers().between(5, 40);
        Arbitrary<Double> noise = Arbitraries.of(0.0, 0.001, 0.01, 0.05);
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<Integer> resamples = Arbitraries.of(0, 0, 1, 5, 10);
        Arbitrary<Integer> edgeAt = Arbitraries.integers().between(-1, 40).injectDuplicates(0.5).map(i -> i % 3 == 0 ? i : -1);
        Arbitrary<String> edge = Arbitraries.of(EDGES);
        return Combinators.combine(shape, points, noise, seed, resamples, edgeAt, edge, Arbitraries.of(true, false))
                .as((s, n, sigma, sd, r, at, e, csv) -> new Curve(s, s.startsWith("two") ? "chinchilla" : "power-law", n, sigma, sd, r, at, e, csv));
    }

    @Provide
    Arbitrary<LawCall> lawCalls() {
        List<Law> laws = TestAtlas.real().corpus().laws();
        Arbitrary<Law> law = Arbitraries.of(laws);
        Arbitrary<String> edge = Arbitraries.of(EDGES);
        return Combinators.combine(law, Arbitraries.of("evaluate", "optimal", "curve"), edge, edge, Arbitraries.integers().between(0, 99),
                Arbitraries.of("2", "3", "7", "401", "1e12", "2.5", "-1", "0", "\"x\"")).as((l, action, inputEdge, constantEdge, pick, points) -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    List<String> inputs = new ArrayList<>(l.inputs().stream().map(Law.Variable::symbol).toList());
                    Map<String, Object> values = new LinkedHashMap<>(l.example());
                    if (action.equals("optimal")) {
                        values.remove("N");
                        values.remove("D");
                        values.put("C", 1e22);
                        inputs.add("C");
                    }
                    String varied = inputs.isEmpty() ? "N" : inputs.get(pick % inputs.size());
                    values.put(varied, new Raw(inputEdge));
                    Map<String, Object> constants = new LinkedHashMap<>();
                    if (!l.constantNames().isEmpty() && (pick % 2 == 0 || l.constantSets().isEmpty())) {
                        l.constantNames().forEach(c -> constants.put(c, l.constantSets().isEmpty() ? 1.0 : l.constantSets().get(0).values().get(c)));
                        constants.put(l.constantNames().get(pick % l.constantNames().size()), new Raw(constantEdge));
                    }
                    if (action.equals("curve")) {
                        body.put("mode", pick % 3 == 0 && l.optimal() != null ? "optimal" : "evaluate");
                        body.put("inputs", values);
                        body.put("vary", varied);
                        body.put("output", l.outputs().get(l.outputs().size() - 1).name());
                        body.put("from", new Raw(pick % 4 == 0 ? inputEdge : "1e8"));
                        body.put("to", new Raw(pick % 5 == 0 ? constantEdge : pick % 7 == 0 ? "1e8" : "1e12"));
                        body.put("points", new Raw(points));
                    } else {
                        body.putAll(values);
                    }
                    if (!constants.isEmpty()) {
                        body.put("constants", constants);
                    }
                    String set = pick % 11 == 0 && !l.constantSets().isEmpty() ? l.constantSets().get(pick % l.constantSets().size()).id() : null;
                    return new LawCall(l.id(), action, set, write(body));
                });
    }

    /** A JSON value written as is: the edge floats must reach the server exactly as typed (1e400, -0.0, strings). */
    record Raw(String json) {
    }

    private static String fitBody(Curve curve) {
        Random random = new Random(curve.seed());
        boolean two = curve.family().equals("chinchilla");
        StringBuilder csv = new StringBuilder(two ? "N,D,loss\n" : "steps,loss\n");
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < curve.points(); i++) {
            double x = 1e3 * Math.pow(1.6, i);
            double d = 1e9 * Math.pow(1.3, (i * 7) % curve.points());
            double value = switch (curve.shape()) {
                case "power law" -> 1.7 + 400 / Math.pow(x, 0.34);
                case "plateau" -> 0.39 + 0.4 * Math.exp(-i / 3.0);
                case "saturating score" -> 0.61 * (1 - Math.exp(-(i + 1) / 4.0));
                case "saturating error" -> 1 - 0.61 * (1 - Math.exp(-(i + 1) / 4.0));
                case "flat" -> 0.61;
                default -> 1.69 + 406.4 / Math.pow(x * 1e4, 0.34) + 410.7 / Math.pow(d, 0.28);
            };
            value *= Math.exp(curve.noise() * random.nextGaussian());
            String xs = i == curve.edgeAt() && i % 2 == 0 ? unquote(curve.edge()) : format(two ? x * 1e4 : x);
            String ys = i == curve.edgeAt() && i % 2 == 1 ? unquote(curve.edge()) : format(value);
            csv.append(xs).append(two ? "," + format(d) : "").append(',').append(ys).append('\n');
            Map<String, Object> point = new LinkedHashMap<>();
            point.put(two ? "N" : "steps", new Raw(i == curve.edgeAt() && i % 2 == 0 ? curve.edge() : format(two ? x * 1e4 : x)));
            if (two) {
                point.put("D", d);
            }
            point.put("loss", new Raw(i == curve.edgeAt() && i % 2 == 1 ? curve.edge() : format(value)));
            points.add(point);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("family", curve.family());
        body.put("resamples", curve.resamples());
        if (curve.csv()) {
            body.put("csv", csv.toString());
        } else {
            body.put("points", points);
        }
        return write(body);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.9g", value);
    }

    private static String unquote(String json) {
        return json.startsWith("\"") ? json.substring(1, json.length() - 1) : json;
    }

    /** JSON by hand around {@link Raw} values, so that 1e400 and -0.0 are sent as typed. */
    private static String write(Object value) {
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(write(k.toString()) + ": " + write(v)));
            return "{" + String.join(", ", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(LawFuzzTest::write).toList()) + "]";
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
