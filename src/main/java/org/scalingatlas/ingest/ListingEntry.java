package org.scalingatlas.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One paper as a listing or feed states it, before it is merged into the corpus.
 *
 * @param source the file name it was read from
 * @param line   the 1-based line where its title stands
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
        String arxiv) {

    public ListingEntry {
        Objects.requireNonNull(source, "source");
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException(source + ":" + line + ": entry without a title");
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
