package org.scalingatlas.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSL-JSON file as Zotero exports it ("CSL JSON"): an array of items, each with {@code title}, {@code abstract},
 * {@code author} ({@code family}/{@code given} or {@code literal}), {@code issued} date-parts (a date only when they
 * name a day), {@code DOI}, {@code URL} (an arxiv.org URL gives the arXiv id, as does arXiv's DOI or an
 * {@code arXiv:} number or note) and {@code container-title} (the venue). A single item outside an array is read too.
 */
final class CslJsonLibrary {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** CSL's rich-text markup in titles ({@code <i>}, {@code <sup>}, {@code <span class="nocase">}). */
    private static final Pattern MARKUP = Pattern.compile("</?(?:i|b|sup|sub|sc|span)(?:\\s[^>]*)?>");
    private static final Pattern NOT_A_VENUE = Pattern.compile("(?i)^(arxiv\\b.*|corr)$");

    private CslJsonLibrary() {
    }

    static boolean looksLike(String text) {
        String start = text.stripLeading();
        return start.startsWith("[") || start.startsWith("{");
    }

    static List<ListingEntry> parse(Path file, String text, List<String> warnings) {
        String source = file.getFileName().toString();
        List<ListingEntry> entries = new ArrayList<>();
        try (JsonParser json = JSON.createParser(text)) {
            JsonToken first = json.nextToken();
            boolean array = first == JsonToken.START_ARRAY;
            JsonToken token = array ? json.nextToken() : first;
            while (token != null && token != JsonToken.END_ARRAY) {
                int line = json.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    throw new IngestException(file, line, "expected a CSL-JSON item (an object with a title), found " + json.getText());
                }
                JsonNode item = json.readValueAsTree();
                item(file, source, line, item, warnings, entries);
                token = array ? json.nextToken() : json.nextToken() == null ? null : fail(file, json);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new IngestException(file, line, "not well-formed JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new IngestException(file, 0, "cannot read: " + e.getMessage());
        }
        return entries;
    }

    private static JsonToken fail(Path file, JsonParser json) {
        throw new IngestException(file, json.currentTokenLocation().getLineNr(), "more than one top-level value; expected an array of CSL-JSON items");
    }

    private static void item(Path file, String source, int line, JsonNode item, List<String> warnings, List<ListingEntry> entries) {
        String key = text(item, "id");
        String title = clean(text(item, "title"));
        if (title == null || title.isBlank()) {
            warnings.add(file + ":" + line + ": item '" + key + "' has no title; skipped");
            return;
        }
        LibraryEntry entry = new LibraryEntry(file, line, key, warnings);
        entry.doi(text(item, "DOI"));
        entry.arxivFromUrl(text(item, "URL"));
        entry.arxivPrefixed(text(item, "number"), text(item, "note"), text(item, "container-title"));
        JsonNode parts = item.path("issued").path("date-parts").path(0);
        if (parts.size() >= 3) {
            Integer year = number(parts.get(0));
            Integer month = number(parts.get(1));
            Integer day = number(parts.get(2));
            if (year != null && month != null && day != null) {
                entry.date(year, month, day);
            }
        } else if (parts.size() >= 1 && number(parts.get(0)) != null) {
            entry.yearMonth(number(parts.get(0)), parts.size() == 2 ? number(parts.get(1)) : null);
        } else if (parts.isMissingNode() && item.path("issued").has("raw")) {
            entry.isoDate(item.path("issued").path("raw").asText());
        }
        List<String> names = new ArrayList<>();
        boolean complete = true;
        for (JsonNode author : item.path("author")) {
            String name = AuthorNames.csl(text(author, "literal"), text(author, "given"), text(author, "dropping-particle"),
                    text(author, "non-dropping-particle"), text(author, "family"), text(author, "suffix"));
            if (name.equalsIgnoreCase("others")) {
                complete = false;
            } else if (!name.isBlank()) {
                names.add(name);
            }
        }
        String venue = clean(text(item, "container-title"));
        if (venue != null && NOT_A_VENUE.matcher(venue).matches()) {
            venue = null;
        }
        entries.add(entry.build(source, title, clean(text(item, "abstract")), new AuthorNames.Names(names, complete), venue));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Integer number(JsonNode node) {
        if (node == null) {
            return null;
        }
        String text = node.asText().strip();
        return text.matches("\\d{1,4}") ? Integer.parseInt(text) : null;
    }

    private static String clean(String text) {
        return text == null ? null : MARKUP.matcher(text).replaceAll("").strip().replaceAll("\\s+", " ");
    }
}
