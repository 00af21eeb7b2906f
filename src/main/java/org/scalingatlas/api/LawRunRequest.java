package org.scalingatlas.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run of one law's formula (evaluate) or of its optimal allocation: {@code POST /api/laws/{id}/evaluate} and
 * {@code /optimal}, and the MCP tools {@code law_evaluate} and {@code law_optimal}. The two edges spell it differently
 * (HTTP: the body's fields are the inputs, its field {@code constants} the caller's own constants, {@code ?constants=}
 * the set; MCP: {@code law}, {@code inputs}, {@code constants} for the set and {@code custom}), so each has its
 * factory; both read numbers the same way.
 *
 * @param law             the law's id (whether the corpus holds it is the service's to say)
 * @param inputs          the inputs by symbol, in the order given
 * @param constantSet     the constant set to use; {@code null} for the law's first
 * @param customConstants the caller's own values for constants; empty for none
 */
public record LawRunRequest(String law, Map<String, Double> inputs, String constantSet, Map<String, Double> customConstants) {

    /** The body field (HTTP) holding the caller's own constants; the query parameter naming the set has the same name. */
    public static final String CONSTANTS = "constants";

    public LawRunRequest {
        if (law == null || law.isBlank()) {
            throw new RequestException("a law id is required, e.g. chinchilla-parametric-loss (GET /api/laws lists them)");
        }
        inputs = RequestFields.ordered(inputs);
        customConstants = RequestFields.ordered(customConstants);
    }

    /**
     * The HTTP form: {@code {"N": "70B", "D": 1.4e12, "constants": {"E": 1.7}}}.
     *
     * @param constantSet the {@code ?constants=} query parameter, or {@code null}
     */
    public static LawRunRequest ofBody(String law, Map<String, ?> body, String constantSet) {
        Map<String, Double> inputs = new LinkedHashMap<>();
        Map<String, Double> custom = new LinkedHashMap<>();
        body.forEach((name, value) -> {
            if (name.equals(CONSTANTS)) {
                if (!(value instanceof Map<?, ?> constants)) {
                    throw new RequestException("'constants' must be an object of constant names and values, e.g. {\"E\": 1.7}");
                }
                custom.putAll(RequestFields.numbers(constants, c -> c));
            } else {
                inputs.put(name, RequestFields.number(name, value));
            }
        });
        return new LawRunRequest(law, inputs, constantSet, custom);
    }

    /** The MCP form: {@code {"law": "...", "inputs": {"N": "70B"}, "constants": "published", "custom": {"E": 1.7}}}. */
    public static LawRunRequest ofArguments(Map<String, ?> arguments) {
        String law = RequestFields.text(arguments, "law");
        Map<String, Double> inputs = quantities(arguments, "inputs");
        Map<String, Double> custom = quantities(arguments, "custom");
        String set = arguments.get(CONSTANTS) == null ? null : RequestFields.text(arguments, CONSTANTS);
        return new LawRunRequest(law, inputs, set, custom);
    }

    /** An object argument of names and numbers; empty when absent or null. */
    private static Map<String, Double> quantities(Map<String, ?> arguments, String name) {
        Object value = arguments.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> object)) {
            throw new RequestException("'" + name + "' must be an object of names and numbers, e.g. {\"N\": \"70B\", \"D\": \"1.4T\"}, got "
                    + RequestFields.kind(value));
        }
        return RequestFields.numbers(object, field -> "'" + name + "." + field + "'");
    }
}
