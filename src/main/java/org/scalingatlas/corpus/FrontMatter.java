package org.scalingatlas.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Markdown file whose YAML front matter holds the fields of a record and whose body holds its prose:
 * <pre>
 * ---
 * id: ...
 * ---
 * body
 * </pre>
 *
 * @param fields the front-matter keys in file order
 * @param body   the text after the closing {@code ---}, without surrounding blank lines
 * @param bodyLine the 1-based line on which the body starts (for error messages)
 */
public record FrontMatter(Map<String, Object> fields, String body, int bodyLine) {

    private static final String FENCE = "---";
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    public FrontMatter {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        body = body == null ? "" : body.strip();
    }

    public static FrontMatter parse(Path file, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith(FENCE + "\n")) {
            throw new CorpusException(file, 1, "expected the file to start with a '---' line opening the front matter");
        }
        int close = normalized.indexOf("\n" + FENCE + "\n", FENCE.length());
        boolean closedAtEnd = close < 0 && normalized.endsWith("\n" + FENCE);
        if (close < 0 && !closedAtEnd) {
            throw new CorpusException(file, 1, "the front matter opened on line 1 is never closed by a '---' line");
        }
        int end = close < 0 ? normalized.length() - FENCE.length() - 1 : close;
        String yaml = normalized.substring(FENCE.length() + 1, end + 1);
        int bodyStart = Math.min(normalized.length(), end + FENCE.length() + 2);
        int bodyLine = yaml.split("\n", -1).length + 2;
        Map<String, Object> fields;
        try {
            fields = yaml.isBlank() ? Map.of() : YAML.readValue(yaml, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr() + 1;
            throw new CorpusException(file, line, "the front matter is not valid YAML: " + e.getOriginalMessage());
        }
        if (fields == null) {
            fields = Map.of();
        }
        return new FrontMatter(fields, normalized.substring(bodyStart), bodyLine);
    }

    /** The file text: fields in their map order, then the body, ending with one newline. */
    public String render() {
        try {
            String yaml = fields.isEmpty() ? "" : YAML.writeValueAsString(fields);
            String text = FENCE + "\n" + yaml + FENCE + "\n";
            return body.isEmpty() ? text : text + body + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write front matter " + fields.keySet(), e);
        }
    }
}
