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
final class Fields {

    private final Path file;
    private final Map<String, Object> map;

    Fields(Path file, Map<String, Object> map) {
        this.file = file;
        this.map = map;
    }

    Fields only(Set<String> known, String what) {
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

    List<Fields> objects(String key) {
        List<Fields> result = new ArrayList<>();
        for (Object item : list(key)) {
            if (!(item instanceof Map<?, ?> entry)) {
                throw new CorpusException(file, 0, "each item of '" + key + "' must be a mapping of fields");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) entry;
            result.add(new Fields(file, fields));
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
