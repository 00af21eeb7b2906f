package org.scalingatlas.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.scalingatlas.api.RequestFields;

/**
 * A tool call's arguments, read the way the HTTP API reads its parameters and bodies: a number may be written as a
 * JSON number or as a string such as {@code "70B"}, {@code "1.4T"} or {@code "5.76x10^23"} (the same parser). Every
 * reading that fails throws an {@link IllegalArgumentException} naming the argument, which the tool turns into a
 * refusal. The law tools read theirs into {@code api}'s request records, as the HTTP API reads its bodies.
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
        return RequestFields.text(values(), name);
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

    /** The arguments as plain values (maps, lists, strings, numbers), for the request records of {@code api}. */
    @SuppressWarnings("unchecked")
    Map<String, Object> values() {
        return JSON.convertValue(args, Map.class);
    }

    /** A number, or a string the shared parser reads ({@code "70B"}); the message names the argument. */
    private static double number(String name, JsonNode value) {
        return RequestFields.number("'" + name + "'", JSON.convertValue(value, Object.class));
    }
}
