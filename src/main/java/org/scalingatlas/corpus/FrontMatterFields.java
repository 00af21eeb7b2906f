package org.scalingatlas.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Typed reads of front-matter fields, each failure naming the file and the field. */
final class FrontMatterFields {

    private final Path file;
    private final Map<String, Object> map;

    FrontMatterFields(Path file, Map<String, Object> map) {
        this.file = file;
        this.map = map;
    }

    FrontMatterFields only(Set<String> known, String what) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new CorpusException(file, 0, "unknown field '" + key + "' in " + what + " (known: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        return this;
    }

    String text(String key, boolean required) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new CorpusException(file, 0, "missing required field '" + key + "'");
            }
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a single value");
        }
        return value.toString().strip();
    }

    Integer integer(String key) {
        String value = text(key, false);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a whole number, got '" + value + "'");
        }
    }

    LocalDate date(String key) {
        String value = text(key, false);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CorpusException(file, 0, "field '" + key + "' must be an ISO date like 2024-03-11, got '" + value + "'");
        }
    }

    /**
     * A text that looks like a number, such as an arXiv id: YAML would read {@code 2411.04330} unquoted as the number
     * 2411.0433, so an unquoted number is refused with the fix.
     */
    String quoted(String key) {
        Object value = map.get(key);
        if (value instanceof Double || value instanceof Float || value instanceof java.math.BigDecimal) {
            throw new CorpusException(file, 0, "field '" + key + "' must be quoted, e.g. " + key + ": \"2411.04330\": unquoted, YAML reads it as the number "
                    + value + " and drops any trailing zero");
        }
        return text(key, false);
    }

    /** A number, written as YAML reads it or as text such as {@code 7e10}; {@code null} when absent. */
    Double number(String key) {
        String value = text(key, false);
        return value == null ? null : parseNumber(key, value);
    }

    boolean flag(String key) {
        String value = text(key, false);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw new CorpusException(file, 0, "field '" + key + "' must be true or false, got '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    /** A mapping of names to numbers, in file order; empty when absent. */
    Map<String, Double> numbers(String key) {
        Object value = map.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> entries)) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a mapping of names to numbers");
        }
        Map<String, Double> numbers = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (entry.getValue() == null || entry.getValue() instanceof Map<?, ?> || entry.getValue() instanceof List<?>) {
                throw new CorpusException(file, 0, "'" + key + "." + entry.getKey() + "' must be a number");
            }
            numbers.put(entry.getKey().toString(), parseNumber(key + "." + entry.getKey(), entry.getValue().toString().strip()));
        }
        return numbers;
    }

    /** A nested mapping, or {@code null} when absent. */
    FrontMatterFields object(String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> entry)) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a mapping of fields");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) entry;
        return new FrontMatterFields(file, fields);
    }

    private double parseNumber(String key, String value) {
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a finite number, got '" + value + "'");
        }
    }

    List<String> texts(String key) {
        List<String> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                throw new CorpusException(file, 0, "field '" + key + "' must be a list of plain values");
            }
            result.add(item.toString().strip());
        }
        return result;
    }

    List<FrontMatterFields> objects(String key) {
        List<FrontMatterFields> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new CorpusException(file, 0, "each item of '" + key + "' must be a mapping of fields");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) entry;
            result.add(new FrontMatterFields(file, fields));
        }
        return result;
    }

    private List<?> list(String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a list");
        }
        return list;
    }
}
