package org.scalingatlas.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper as a listing, feed or library states it, before it is merged into the corpus.
 *
 * @param source the file name it was read from
 * @param line   the 1-based line where its title (or, in a library, its entry) stands
 * @param doi    a DOI without its resolver prefix ({@code 10.48550/arXiv.2203.15556}), when the source states one
 * @param venue  the journal or proceedings, when the source states one
 * @param yearMonth the year ({@code 2023}) or year and month ({@code 2023-03}) when the source states no day
 */
public record ListingEntry(
        String source,
        int line,
        String title,
        String abstractText,
        LocalDate date,
        Integer authorCount,
        List<String> authors,
        String organization,
        String arxiv,
        String doi,
        String venue,
        String yearMonth) {

    public ListingEntry {
        Objects.requireNonNull(source, "source");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException(source + ":" + line + ": entry without a title");
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
        doi = doi == null || doi.isBlank() ? null : doi;
        venue = venue == null || venue.isBlank() ? null : venue;
        yearMonth = date != null ? null : yearMonth;
    }

    /** An entry whose date, when stated, names a day. */
    public ListingEntry(String source, int line, String title, String abstractText, LocalDate date, Integer authorCount,
            List<String> authors, String organization, String arxiv, String doi, String venue) {
        this(source, line, title, abstractText, date, authorCount, authors, organization, arxiv, doi, venue, null);
    }

    /** An entry from a listing or feed that states neither a DOI nor a venue. */
    public ListingEntry(String source, int line, String title, String abstractText, LocalDate date, Integer authorCount,
            List<String> authors, String organization, String arxiv) {
        this(source, line, title, abstractText, date, authorCount, authors, organization, arxiv, null, null, null);
    }
}
