package org.scalingatlas.api;

import java.util.List;
import java.util.Map;

/**
 * A law's output along one input, for plots: {@code POST /api/laws/{id}/curve} with
 * {@code {"mode": "evaluate"|"optimal", "inputs": {...}, "vary": "N", "output": "loss", "from": 1e8, "to": 1e12,
 * "points": 60, "constants": {...}}} ({@code ?constants=} names the set). The range and the number of points are
 * checked against the law by the calculator.
 *
 * @param law             the law's id
 * @param optimal         whether the curve follows the optimal allocation (mode {@code optimal}) rather than the formula
 * @param inputs          the inputs held fixed, by symbol
 * @param constantSet     the constant set to use; {@code null} for the law's first
 * @param customConstants the caller's own values for constants; empty for none
 * @param vary            the input varied along the curve
 * @param output          the output plotted
 * @param from            where the varied input starts
 * @param to              where it ends
 * @param points          how many points, {@value #DEFAULT_POINTS} by default
 */
public record CurveRequest(String law, boolean optimal, Map<String, Double> inputs, String constantSet, Map<String, Double> customConstants,
        String vary, String output, double from, double to, int points) {

    /** The body's fields, as the OpenAPI document's {@code CurveRequest} names them. */
    public static final List<String> FIELDS = List.of("mode", "inputs", "vary", "output", "from", "to", "points", "constants");
    public static final int DEFAULT_POINTS = 60;

    public CurveRequest {
        name("vary", vary);
        name("output", output);
        inputs = RequestFields.ordered(inputs);
        customConstants = RequestFields.ordered(customConstants);
    }

    /** The HTTP body; {@code constantSet} is the {@code ?constants=} query parameter, or {@code null}. */
    public static CurveRequest ofBody(String law, Map<String, ?> body, String constantSet) {
        Map<String, Double> inputs = Map.of();
        if (body.containsKey("inputs")) {
            if (!(body.get("inputs") instanceof Map<?, ?> given)) {
                throw new RequestException("'inputs' must be an object of input names and values");
            }
            inputs = RequestFields.numbers(given, name -> name);
        }
        Map<String, Double> custom = Map.of();
        if (body.containsKey(LawRunRequest.CONSTANTS)) {
            if (!(body.get(LawRunRequest.CONSTANTS) instanceof Map<?, ?> given)) {
                throw new RequestException("'constants' must be an object of constant names and values, e.g. {\"E\": 1.7}");
            }
            custom = RequestFields.numbers(given, name -> name);
        }
        Object mode = body.get("mode");
        if (mode != null && !mode.equals("evaluate") && !mode.equals("optimal")) {
            throw new RequestException("mode must be evaluate or optimal, got "
                    + (mode instanceof String text ? "'" + text + "'" : RequestFields.kind(mode)));
        }
        String vary = name("vary", body.get("vary"));
        String output = name("output", body.get("output"));
        double from = RequestFields.number("from", required(body, "from"));
        double to = RequestFields.number("to", required(body, "to"));
        int points = body.containsKey("points") ? RequestFields.whole("points", body.get("points")) : DEFAULT_POINTS;
        return new CurveRequest(law, "optimal".equals(mode), inputs, constantSet, custom, vary, output, from, to, points);
    }

    /** A field naming a variable: a non-blank string. */
    private static String name(String field, Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new RequestException("'" + field + "' must name " + (field.equals("vary") ? "the input to vary, e.g. \"N\"" : "the output to plot, e.g. \"loss\""));
        }
        return text;
    }

    private static Object required(Map<String, ?> body, String field) {
        if (!body.containsKey(field)) {
            throw new RequestException("'" + field + "' is required: the range of the varied input");
        }
        return body.get(field);
    }
}
