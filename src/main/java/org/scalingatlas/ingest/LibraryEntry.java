package org.scalingatlas.ingest;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One paper of a reference-manager library, its fields gathered the same way for BibTeX and CSL-JSON: an identifier
 * that is not one is reported and left out, and a date is kept only when it names a day (a year or a month alone is
 * not a date, and none is invented).
 */
final class LibraryEntry {

    private final Path file;
    private final int line;
    private final String key;
    private final List<String> warnings;
    private String doi;
    private String arxiv;
    private LocalDate date;
    private String yearMonth;

    LibraryEntry(Path file, int line, String key, List<String> warnings) {
        this.file = file;
        this.line = line;
        this.key = key;
        this.warnings = warnings;
    }

    void doi(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        Optional<String> found = Identifiers.doi(text);
        if (found.isPresent()) {
            doi = found.get();
        } else {
            warn("'" + text + "' is not a DOI (10.NNNN/suffix); left out");
        }
    }

    /** An {@code eprint} the entry says is an arXiv id. */
    void arxiv(String text) {
        if (arxiv != null || text == null || text.isBlank()) {
            return;
        }
        Optional<String> found = Identifiers.arxiv(text).or(() -> Identifiers.arxivPrefixed(text));
        if (found.isPresent()) {
            arxiv = found.get();
        } else {
            warn("eprint '" + text + "' is not an arXiv id; left out");
        }
    }

    void arxivFromUrl(String url) {
        if (arxiv == null) {
            arxiv = Identifiers.arxivFromUrl(url).orElse(null);
        }
    }

    void arxivPrefixed(String... texts) {
        for (String text : texts) {
            if (arxiv == null) {
                arxiv = Identifiers.arxivPrefixed(text).orElse(null);
            }
        }
    }

    /** An ISO date ({@code 2022-03-29}), or a year or year-month ({@code 2022-03}), kept as that, no day invented. */
    void isoDate(String text) {
        String value = text.strip();
        if (value.matches("\\d{4}-\\d{1,2}-\\d{1,2}")) {
            String[] parts = value.split("-");
            date(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } else if (value.matches("\\d{4}(-\\d{1,2})?")) {
            String[] parts = value.split("-");
            yearMonth(Integer.parseInt(parts[0]), parts.length > 1 ? Integer.parseInt(parts[1]) : null);
        } else {
            warn("date '" + text + "' is not a date (YYYY-MM-DD); left out");
        }
    }

    /** A year, or a year and month, when a source states no day. */
    void yearMonth(int year, Integer month) {
        if (year < 1000 || year > 9999 || (month != null && (month < 1 || month > 12))) {
            warn(year + (month == null ? "" : "-" + month) + " is not a year or a month; left out");
            return;
        }
        yearMonth = month == null ? String.format("%04d", year) : String.format("%04d-%02d", year, month);
    }

    /** BibTeX's {@code year}, {@code month} (a number, a name or its abbreviation) and {@code day}; without a day, the year (and month). */
    void date(String year, String month, String day) {
        if (year == null) {
            return;
        }
        if (month == null || day == null) {
            Integer m = month == null ? null : month(month.strip());
            if (!year.strip().matches("\\d{4}") || (month != null && m == null)) {
                warn("year '" + year + "'" + (month == null ? "" : ", month '" + month + "'") + " is not a year or a month; left out");
                return;
            }
            yearMonth(Integer.parseInt(year.strip()), m);
            return;
        }
        Integer m = month(month.strip());
        if (!year.strip().matches("\\d{4}") || m == null || !day.strip().matches("\\d{1,2}")) {
            warn("year '" + year + "', month '" + month + "', day '" + day + "' is not a date; left out");
            return;
        }
        date(Integer.parseInt(year.strip()), m, Integer.parseInt(day.strip()));
    }

    void date(int year, int month, int day) {
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            warn(year + "-" + month + "-" + day + " is not a date; left out");
        }
    }

    ListingEntry build(String source, String title, String abstractText, AuthorNames.Names authors, String venue) {
        if (arxiv == null) {
            arxiv = Identifiers.arxivFromDoi(doi).orElse(null);
        }
        return new ListingEntry(source, line, title, abstractText == null ? "" : abstractText, date, authors.count(),
                authors.names(), null, arxiv, doi, venue, yearMonth);
    }

    private void warn(String message) {
        warnings.add(file + ":" + line + ": entry '" + key + "': " + message);
    }

    private static Integer month(String text) {
        if (text.matches("\\d{1,2}")) {
            return Integer.parseInt(text);
        }
        for (Month month : Month.values()) {
            String name = month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (text.toLowerCase(Locale.ROOT).equals(name) || text.toLowerCase(Locale.ROOT).equals(name.substring(0, 3))) {
                return month.getValue();
            }
        }
        return null;
    }
}
