package org.scalingatlas.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.app.LawService;
import org.scalingatlas.laws.Deadline;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.LawBook;
import org.scalingatlas.laws.PointsCsv;
import org.scalingatlas.question.Numbers;

/**
 * The law calculators: {@code GET /api/laws}, {@code GET /api/laws/{id}}, {@code POST /api/laws/{id}/evaluate},
 * {@code POST /api/laws/{id}/optimal} and {@code POST /api/laws/fit}. Bodies are JSON objects of inputs (numbers, or
 * strings such as "70B"); {@code ?constants=SET} picks a constant set, a body field {@code constants} (an object)
 * supplies the caller's own values.
 */
final class LawRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONSTANTS = "constants";
    private static final int DEFAULT_RESAMPLES = 100;

    private final LawService laws;
    private final HeavyRequests heavy;

    /** @param heavy the pool the fits, curves and numerical optimal allocations run on (one can take a second) */
    LawRoutes(LawService laws, HeavyRequests heavy) {
        this.laws = laws;
        this.heavy = heavy;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/laws", ctx -> ctx.json(laws.cards()));
        routes.get("/api/laws/{id}", ctx -> ctx.json(laws.detail(lawId(ctx)).orElseThrow()));
        routes.post("/api/laws/fit", this::fit);
        routes.post("/api/laws/{id}/evaluate", ctx -> calculate(ctx, false));
        routes.post("/api/laws/{id}/optimal", ctx -> calculate(ctx, true));
        routes.post("/api/laws/{id}/curve", this::curve);
    }

    private void calculate(Context ctx, boolean optimal) {
        String id = lawId(ctx);
        JsonNode body = body(ctx);
        Map<String, Double> inputs = new LinkedHashMap<>();
        Map<String, Double> custom = new LinkedHashMap<>();
        body.properties().forEach(field -> {
            if (field.getKey().equals(CONSTANTS)) {
                if (!field.getValue().isObject()) {
                    throw ApiError.badRequest("'constants' must be an object of constant names and values, e.g. {\"E\": 1.7}");
                }
                field.getValue().properties().forEach(c -> custom.put(c.getKey(), number(c.getKey(), c.getValue())));
            } else {
                inputs.put(field.getKey(), number(field.getKey(), field.getValue()));
            }
        });
        String set = ctx.queryParam(CONSTANTS);
        if (optimal && laws.searchesNumerically(id)) {
            ctx.json(heavy.run(ctx, "the optimal allocation", deadline -> laws.optimal(id, inputs, set, custom)));
            return;
        }
        ctx.json(optimal ? laws.optimal(id, inputs, set, custom) : laws.evaluate(id, inputs, set, custom));
    }

    /**
     * {@code {"mode": "evaluate"|"optimal", "inputs": {...}, "vary": "N", "output": "loss", "from": 1e8, "to": 1e12,
     * "points": 60, "constants": {...}}}: the law's output along one input, for plots.
     */
    private void curve(Context ctx) {
        String id = lawId(ctx);
        JsonNode body = body(ctx);
        Map<String, Double> inputs = new LinkedHashMap<>();
        if (body.has("inputs")) {
            if (!body.get("inputs").isObject()) {
                throw ApiError.badRequest("'inputs' must be an object of input names and values");
            }
            body.get("inputs").properties().forEach(f -> inputs.put(f.getKey(), number(f.getKey(), f.getValue())));
        }
        Map<String, Double> custom = new LinkedHashMap<>();
        if (body.path(CONSTANTS).isObject()) {
            body.get(CONSTANTS).properties().forEach(c -> custom.put(c.getKey(), number(c.getKey(), c.getValue())));
        }
        String mode = body.path("mode").asText("evaluate");
        if (!mode.equals("evaluate") && !mode.equals("optimal")) {
            throw ApiError.badRequest("mode must be evaluate or optimal, got '" + mode + "'");
        }
        String vary = text(body, "vary");
        String output = text(body, "output");
        double from = number("from", required(body, "from"));
        double to = number("to", required(body, "to"));
        int points = body.has("points") ? whole("points", body.get("points")) : 60;
        String set = ctx.queryParam(CONSTANTS);
        ctx.json(heavy.run(ctx, "the curve", deadline -> laws.curve(id, mode.equals("optimal"), inputs, set, custom, vary, output, from, to, points, deadline)));
    }

    private static String text(JsonNode body, String field) {
        if (!body.path(field).isTextual() || body.get(field).asText().isBlank()) {
            throw ApiError.badRequest("'" + field + "' must name " + (field.equals("vary") ? "the input to vary, e.g. \"N\"" : "the output to plot, e.g. \"loss\""));
        }
        return body.get(field).asText();
    }

    private static JsonNode required(JsonNode body, String field) {
        if (!body.has(field)) {
            throw ApiError.badRequest("'" + field + "' is required: the range of the varied input");
        }
        return body.get(field);
    }

    /** Parsed on the pool too: 10,000 points take milliseconds to parse, which a refused request should not cost. */
    private void fit(Context ctx) {
        ctx.json(heavy.run(ctx, "the fit", deadline -> fit(ctx, deadline)));
    }

    private Object fit(Context ctx, Deadline deadline) {
        JsonNode body = body(ctx);
        if (body.has("family") && !body.get("family").isTextual()) {
            throw ApiError.badRequest("family must be a string: " + Fitter.FAMILIES);
        }
        int resamples = body.has("resamples") ? whole("resamples", body.get("resamples")) : DEFAULT_RESAMPLES;
        PointsCsv.Table table;
        if (body.path("csv").isTextual()) {
            table = PointsCsv.parse(body.get("csv").asText());
        } else if (body.path("points").isArray()) {
            table = points(body.get("points"));
        } else {
            throw ApiError.badRequest("pass the points as 'csv' (a header such as N,D,loss and rows) or as 'points' (objects such as {\"N\": 1e8, \"D\": 2e9, \"loss\": 3.1})");
        }
        String family = body.path("family").asText(LawService.defaultFamily(table.inputs()));
        List<Double> predictAt = predictAt(body.get("predictAt"));
        if (LawService.fitsOneInput(family)) {
            return laws.fitCurve(family, table.inputs(), table.points(), resamples, predictAt, deadline);
        }
        if (!predictAt.isEmpty()) {
            throw ApiError.badRequest("predictAt is for the one-input families (pure-power, power-law, saturating, auto), not " + family);
        }
        return laws.fitLaw(family, table.inputs(), table.points(), resamples, deadline);
    }

    /** x values to predict at: a number, a string such as "1e9", or an array of them; none when absent. */
    private static List<Double> predictAt(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<Double> xs = new java.util.ArrayList<>();
        if (node.isArray()) {
            if (node.size() > LawService.MAX_PREDICTIONS) {
                throw ApiError.badRequest("predictAt takes at most " + LawService.MAX_PREDICTIONS + " values, got " + node.size());
            }
            node.forEach(x -> xs.add(number("predictAt", x)));
        } else {
            xs.add(number("predictAt", node));
        }
        return xs;
    }

    private static PointsCsv.Table points(JsonNode array) {
        List<String> inputs = null;
        List<Fitter.Point> points = new java.util.ArrayList<>();
        for (JsonNode node : array) {
            if (!node.isObject() || !node.has("loss")) {
                throw ApiError.badRequest("each point must be an object with its inputs and a 'loss'");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            node.properties().forEach(f -> {
                if (!f.getKey().equals("loss")) {
                    values.put(f.getKey(), number(f.getKey(), f.getValue()));
                }
            });
            if (inputs == null) {
                inputs = List.copyOf(values.keySet());
            } else if (!inputs.equals(List.copyOf(values.keySet()))) {
                throw ApiError.badRequest("every point must have the same inputs as the first " + inputs);
            }
            points.add(new Fitter.Point(values, number("loss", node.get("loss"))));
        }
        return new PointsCsv.Table(inputs == null ? List.of() : inputs, points);
    }

    static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiError.badRequest("the body must be a JSON object, e.g. {\"N\": 7e10, \"D\": 1.4e12}");
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object, e.g. {\"N\": 7e10, \"D\": 1.4e12}");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static double number(String name, JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return Numbers.parse(value.asText());
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest(name + ": " + e.getMessage());
            }
        }
        throw ApiError.badRequest(name + " must be a number (or a string such as \"70B\"), got " + value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    /** A count: a whole number (1e3 is one), or a 400 naming the field; a value past the int range stays past the bounds. */
    private static int whole(String name, JsonNode value) {
        double number = number(name, value);
        if (number != Math.rint(number)) {
            throw ApiError.badRequest(name + " must be a whole number, got " + (value.isTextual() ? value.asText() : value.toString()));
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    }

    /** The id of a law the corpus holds, or a 400 for a malformed id and a 404 for an unknown one. */
    private String lawId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw ApiError.badRequest("a law id is lowercase words joined by '-', got '" + (id.length() > 40 ? id.substring(0, 37) + "..." : id) + "'");
        }
        if (laws.law(id).isEmpty()) {
            throw ApiError.notFound("no law '" + id + "'; GET /api/laws lists them");
        }
        return id;
    }

    static void mapErrors(RoutesConfig routes) {
        routes.exception(org.scalingatlas.laws.LawInputException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.BAD_REQUEST, e.getMessage()));
        routes.exception(LawBook.UnknownLawException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.NOT_FOUND, e.getMessage()));
        routes.exception(org.scalingatlas.laws.UnfittableException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
    }
}
