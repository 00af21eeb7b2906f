package org.scalingatlas.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.scalingatlas.app.LawService;

/**
 * A tool call's arguments, read the way the HTTP API reads its parameters and bodies: a number may be written as a
 * JSON number or as a string such as {@code "70B"}, {@code "1.4T"} or {@code "5.76x10^23"} (the same parser). Every
 * reading that fails throws an {@link IllegalArgumentException} naming the argument, which the tool turns into a
 * refusal.
 */
final class ToolArguments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode args;

    private ToolArguments(JsonNode args) {
        this.args = args;
    }

    /** The arguments of a call; none at all reads as an empty object. */
    static ToolArguments of(Map<String, Object> arguments) {
        return new ToolArguments(JSON.valueToTree(arguments == null ? Map.of() : arguments));
    }

    /** A required, non-blank string. */
    String text(String name) {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("'" + name + "' is required");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must be a non-empty string, got " + kind(value));
        }
        return value.asText();
    }

    /** An optional string: {@code null} when absent or null. */
    String optionalText(String name) {
        return args.hasNonNull(name) ? text(name) : null;
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} when absent. */
    int count(String name, int min, int max, int fallback) {
        JsonNode value = args.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        double number = number(name, value);
        if (number != Math.rint(number) || number < min || number > max) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number from " + min + " to " + max + ", got " + value);
        }
        return (int) number;
    }

    /** An object of names and numbers ({@code {"N": "70B", "D": 1.4e12}}); empty when absent. */
    Map<String, Double> quantities(String name) {
        Map<String, Double> values = new LinkedHashMap<>();
        JsonNode node = args.get(name);
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("'" + name + "' must be an object of names and numbers, e.g. {\"N\": \"70B\", \"D\": \"1.4T\"}, got " + kind(node));
        }
        node.properties().forEach(field -> values.put(field.getKey(), number(name + "." + field.getKey(), field.getValue())));
        return values;
    }

    /** A number, or a string the shared parser reads ({@code "70B"}); the message names the argument. */
    private static double number(String name, JsonNode value) {
        if (value.isNumber()) {
            return value.asDouble();
        }
        if (value.isTextual()) {
            try {
                return LawService.quantity(value.asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + name + "': " + e.getMessage());
            }
        }
        throw new IllegalArgumentException("'" + name + "' must be a number (or a string such as \"70B\"), got " + kind(value));
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
