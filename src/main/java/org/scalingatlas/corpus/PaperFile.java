package org.scalingatlas.corpus;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A paper as a human-editable file: Markdown whose front matter holds the bibliographic fields and whose body
 * is the abstract. Fields without a value are left out of the file; unknown fields are an error naming the key.
 */
public final class PaperFile {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String DATE = "date";
    static final String AUTHOR_COUNT = "authorCount";
    static final String AUTHORS = "authors";
    static final String ORGANIZATION = "organization";
    static final String ARXIV = "arxiv";
    static final String CODE = "code";
    static final String SOURCES = "sources";

    private static final Set<String> KEYS = Set.of(ID, TITLE, DATE, AUTHOR_COUNT, AUTHORS, ORGANIZATION, ARXIV, CODE, SOURCES);

    private PaperFile() {
    }

    public static String render(Paper paper) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ID, paper.id());
        fields.put(TITLE, paper.title());
        putIfPresent(fields, DATE, paper.date() == null ? null : paper.date().toString());
        putIfPresent(fields, AUTHOR_COUNT, paper.authorCount());
        putIfPresent(fields, AUTHORS, paper.authors().isEmpty() ? null : paper.authors());
        putIfPresent(fields, ORGANIZATION, paper.organization());
        putIfPresent(fields, ARXIV, paper.arxiv());
        putIfPresent(fields, CODE, paper.code());
        putIfPresent(fields, SOURCES, paper.sources().isEmpty() ? null : paper.sources());
        return new FrontMatter(fields, paper.abstractText(), 0).render();
    }

    public static Paper parse(Path file, String text) {
        FrontMatter doc = FrontMatter.parse(file, text);
        Map<String, Object> fields = doc.fields();
        for (String key : fields.keySet()) {
            if (!KEYS.contains(key)) {
                throw new CorpusException(file, 0, "unknown field '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        try {
            return new Paper(
                    string(file, fields, ID, true),
                    string(file, fields, TITLE, true),
                    doc.body(),
                    date(file, fields),
                    integer(file, fields, AUTHOR_COUNT),
                    strings(file, fields, AUTHORS),
                    string(file, fields, ORGANIZATION, false),
                    string(file, fields, ARXIV, false),
                    string(file, fields, CODE, false),
                    strings(file, fields, SOURCES));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorpusException(file, 0, e.getMessage());
        }
    }

    private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    private static String string(Path file, Map<String, Object> fields, String key, boolean required) {
        Object value = fields.get(key);
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

    private static Integer integer(Path file, Map<String, Object> fields, String key) {
        String value = string(file, fields, key, false);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a whole number, got '" + value + "'");
        }
    }

    private static LocalDate date(Path file, Map<String, Object> fields) {
        String value = string(file, fields, DATE, false);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CorpusException(file, 0, "field 'date' must be an ISO date like 2024-03-11, got '" + value + "'");
        }
    }

    private static List<String> strings(Path file, Map<String, Object> fields, String key) {
        Object value = fields.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new CorpusException(file, 0, "field '" + key + "' must be a list");
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                throw new CorpusException(file, 0, "field '" + key + "' must be a list of plain values");
            }
            result.add(item.toString().strip());
        }
        return result;
    }
}
