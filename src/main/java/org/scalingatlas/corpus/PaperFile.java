package org.scalingatlas.corpus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A paper as a human-editable file: Markdown whose front matter holds the bibliographic fields and whose body
 * is the abstract. FrontMatterFields without a value are left out of the file; unknown fields are an error naming the key.
 */
public final class PaperFile {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String DATE = "date";
    static final String ISSUED = "issued";
    static final String AUTHOR_COUNT = "authorCount";
    static final String AUTHORS = "authors";
    static final String ORGANIZATION = "organization";
    static final String ARXIV = "arxiv";
    static final String DOI = "doi";
    static final String VENUE = "venue";
    static final String CODE = "code";
    static final String SOURCES = "sources";

    private static final Set<String> KEYS = Set.of(ID, TITLE, DATE, ISSUED, AUTHOR_COUNT, AUTHORS, ORGANIZATION, ARXIV, DOI, VENUE, CODE, SOURCES);

    private PaperFile() {
    }

    public static String render(Paper paper) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ID, paper.id());
        fields.put(TITLE, paper.title());
        putIfPresent(fields, DATE, paper.date() == null ? null : paper.date().toString());
        putIfPresent(fields, ISSUED, paper.yearMonth());
        putIfPresent(fields, AUTHOR_COUNT, paper.authorCount());
        putIfPresent(fields, AUTHORS, paper.authors().isEmpty() ? null : paper.authors());
        putIfPresent(fields, ORGANIZATION, paper.organization());
        putIfPresent(fields, ARXIV, paper.arxiv());
        putIfPresent(fields, DOI, paper.doi());
        putIfPresent(fields, VENUE, paper.venue());
        putIfPresent(fields, CODE, paper.code());
        putIfPresent(fields, SOURCES, paper.sources().isEmpty() ? null : paper.sources());
        return new FrontMatter(fields, paper.abstractText(), 0).render();
    }

    public static Paper parse(Path file, String text) {
        FrontMatter doc = FrontMatter.parse(file, text);
        FrontMatterFields fields = new FrontMatterFields(file, doc.fields()).only(KEYS, "a paper");
        try {
            return new Paper(
                    fields.text(ID, true),
                    fields.text(TITLE, true),
                    doc.body(),
                    fields.date(DATE),
                    issued(fields),
                    fields.integer(AUTHOR_COUNT),
                    fields.texts(AUTHORS),
                    fields.text(ORGANIZATION, false),
                    fields.quoted(ARXIV),
                    fields.text(DOI, false),
                    fields.text(VENUE, false),
                    fields.text(CODE, false),
                    fields.texts(SOURCES));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorpusException(file, 0, e.getMessage());
        }
    }

    /** A year or year-month; YAML reads a bare {@code 2023} as a number, which is the year all the same. */
    private static String issued(FrontMatterFields fields) {
        return fields.text(ISSUED, false);
    }

    private static void putIfPresent(Map<String, Object> fields, String key, Object value) {
        if (value != null) {
            fields.put(key, value);
        }
    }
}
