package org.scalingatlas.ingest;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.BibTeXString;
import org.jbibtex.Key;
import org.jbibtex.ParseException;
import org.jbibtex.Token;
import org.jbibtex.TokenMgrException;

/**
 * A BibTeX file as Zotero, JabRef and Mendeley export it, read with jbibtex: per entry the title, abstract, authors,
 * date (only a full one), DOI, arXiv id ({@code eprint}, Mendeley's {@code arxivId}, an arxiv.org URL, arXiv's DOI or
 * an {@code arXiv:} note) and
 * venue ({@code journal}, {@code journaltitle} or {@code booktitle}; an "arXiv preprint" or CoRR is no venue).
 * An entry without a title is reported and skipped; a file that does not parse is an error naming the line.
 */
final class BibtexLibrary {

    /** The opening of an entry ({@code @article{key,}); {@code @string}, {@code @comment} and {@code @preamble} too. */
    private static final Pattern ENTRY_START = Pattern.compile("(?m)^\\s*@\\s*([A-Za-z]+)\\s*[{(]\\s*([^,\\s]*)\\s*,?");
    private static final Pattern NOT_A_VENUE = Pattern.compile("(?i)^(arxiv\\b.*|corr|arxiv e-prints)$");
    private static final Pattern LOCATION = Pattern.compile("line (\\d+)");

    private BibtexLibrary() {
    }

    /**
     * A file with a line that opens a BibTeX entry ({@code @article{…}). Text before it is a comment to BibTeX, as
     * Mendeley's header is; the Atom and JSON formats are recognised before this one.
     */
    static boolean looksLike(String text) {
        return ENTRY_START.matcher(text).find();
    }

    static List<ListingEntry> parse(Path file, String text, List<String> warnings) {
        BibTeXDatabase database = database(file, text);
        Map<String, Integer> lines = entryLines(text);
        String source = file.getFileName().toString();
        List<ListingEntry> entries = new java.util.ArrayList<>();
        for (Map.Entry<Key, BibTeXEntry> keyed : database.getEntries().entrySet()) {
            String key = keyed.getKey().getValue();
            int line = lines.getOrDefault(key, 0);
            Map<String, String> fields = fields(keyed.getValue());
            LibraryEntry entry = new LibraryEntry(file, line, key, warnings);
            String title = LatexText.toText(fields.get("title"));
            if (title == null || title.isBlank()) {
                warnings.add(file + ":" + line + ": entry '" + key + "' has no title; skipped");
                continue;
            }
            entry.doi(fields.get("doi"));
            entry.arxiv(arxiv(fields));
            entry.arxiv(fields.get("arxivid"));
            entry.arxivFromUrl(fields.get("url"));
            entry.arxivPrefixed(fields.get("note"), fields.get("journal"), fields.get("number"), fields.get("howpublished"));
            String dateField = fields.get("date");
            if (dateField != null) {
                entry.isoDate(dateField);
            } else {
                entry.date(fields.get("year"), fields.get("month"), fields.get("day"));
            }
            AuthorNames.Names names = AuthorNames.bibtex(fields.get("author"));
            entries.add(entry.build(source, title, LatexText.toText(fields.get("abstract")), names, venue(fields)));
        }
        return entries;
    }

    private static BibTeXDatabase database(Path file, String text) {
        BibTeXParser parser;
        try {
            parser = new BibTeXParser() {
                @Override
                public void checkStringResolution(Key key, BibTeXString string) {
                    // an undefined @string macro stays as its name, as BibTeX itself would warn and go on
                }

                @Override
                public void checkCrossReferenceResolution(Key key, BibTeXEntry entry) {
                    // a crossref to an entry not in the file is not needed for what is imported
                }
            };
            return parser.parse(new StringReader(text));
        } catch (ParseException e) {
            throw new IngestException(file, line(e, text), "not well-formed BibTeX: " + firstLine(e.getMessage()));
        } catch (TokenMgrException e) {
            Matcher m = LOCATION.matcher(e.getMessage());
            throw new IngestException(file, m.find() ? Integer.parseInt(m.group(1)) : 0, "not well-formed BibTeX: " + firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            throw new IngestException(file, 0, "not well-formed BibTeX: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** The line of the unexpected token; at the end of the file, the line of the last entry, which is left open. */
    private static int line(ParseException e, String text) {
        Token next = e.currentToken == null ? null : e.currentToken.next;
        if (next != null && next.kind != 0) {
            return next.beginLine;
        }
        int line = 0;
        Matcher m = ENTRY_START.matcher(text);
        while (m.find()) {
            line = lineOf(text, m.start(1));
        }
        return line;
    }

    private static String firstLine(String message) {
        String first = message.strip().lines().findFirst().orElse("").strip();
        return first.contains("EOF") ? "the file ends inside an entry (a closing brace is missing)" : first;
    }

    private static Map<String, Integer> entryLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        Matcher m = ENTRY_START.matcher(text);
        while (m.find()) {
            lines.putIfAbsent(m.group(2), lineOf(text, m.start(1)));
        }
        return lines;
    }

    private static int lineOf(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    /** The fields by lowercase name, as the file writes them (LaTeX included), {@code @string} macros expanded. */
    private static Map<String, String> fields(BibTeXEntry entry) {
        Map<String, String> fields = new HashMap<>();
        entry.getFields().forEach((key, value) -> fields.put(key.getValue().toLowerCase(Locale.ROOT), value.toUserString().strip()));
        return fields;
    }

    private static String arxiv(Map<String, String> fields) {
        String prefix = fields.getOrDefault("archiveprefix", fields.get("eprinttype"));
        return Identifiers.isArxivArchive(prefix) ? fields.get("eprint") : null;
    }

    private static String venue(Map<String, String> fields) {
        for (String name : List.of("journal", "journaltitle", "booktitle")) {
            String venue = LatexText.toText(fields.get(name));
            if (venue != null && !venue.isBlank() && !NOT_A_VENUE.matcher(venue).matches()) {
                return venue;
            }
        }
        return null;
    }
}
