package org.scalingatlas.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.scalingatlas.question.Numbers;

/**
 * The one reading of a request's values, for the request records of this package and the edges' own arguments. A
 * request arrives as JSON parsed to plain values ({@link Map} for an object, {@link List} for an array, {@link String},
 * {@link Number}, {@link Boolean} or {@code null}); a number may be written as a JSON number or as a string such as
 * {@code "70B"}, {@code "1.4T"} or {@code "5.76x10^23"}. Every failure is a {@link RequestException} whose message
 * names the field by the label the caller passes (HTTP names a body field as it is, {@code N}; MCP quotes an argument's
 * path, {@code 'inputs.N'}).
 */
public final class RequestFields {

    private RequestFields() {
    }

    /** A number, or a string the shared parser reads ({@code "70B"}). */
    public static double number(String label, Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Numbers.parse(text);
            } catch (IllegalArgumentException e) {
                throw new RequestException(label + ": " + e.getMessage());
            }
        }
        throw new RequestException(label + " must be a number (or a string such as \"70B\"), got " + kind(value));
    }

    /** A required, non-blank string field, its name quoted in the message. */
    public static String text(Map<String, ?> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            throw new RequestException("'" + name + "' is required");
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw new RequestException("'" + name + "' must be a non-empty string, got " + kind(value));
        }
        return text;
    }

    /** A count: a whole number (1e3 is one); a value past the int range stays past the bounds the caller checks. */
    public static int whole(String label, Object value) {
        double number = number(label, value);
        if (number != Math.rint(number)) {
            throw new RequestException(label + " must be a whole number, got " + value);
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number));
    }

    /**
     * An object's fields read as numbers, in their order; {@code label} gives each field's label from its name.
     *
     * @param object a map the caller has checked to be an object
     */
    static Map<String, Double> numbers(Map<?, ?> object, UnaryOperator<String> label) {
        Map<String, Double> values = new LinkedHashMap<>();
        object.forEach((name, value) -> values.put(String.valueOf(name), number(label.apply(String.valueOf(name)), value)));
        return values;
    }

    /** The JSON type of a value in words, as messages name it: object, array, string, number, boolean or null. */
    public static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> object -> "object";
            case List<?> array -> "array";
            case String string -> "string";
            case Number number -> "number";
            case Boolean bool -> "boolean";
            default -> value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        };
    }

    /** An unmodifiable copy keeping the order; empty for {@code null}. */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A name cut to 40 characters, for messages that quote what the caller sent. */
    static String cut(String name) {
        return name.length() > 40 ? name.substring(0, 37) + "..." : name;
    }
}
