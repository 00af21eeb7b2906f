package org.scalingatlas.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One paper of the corpus: the bibliographic facts a listing or feed states, and nothing invented.
 *
 * <p>Optional fields are {@code null} (or empty lists) when no source states them.
 *
 * @param id           stable, readable slug; also the file name in {@code corpus/papers/}
 * @param title        the title as published (mangled LaTeX repaired)
 * @param abstractText the abstract; empty only for papers known from a citation alone
 * @param date         publication date as the source gives it, or {@code null}
 * @param authorCount  number of authors when a source states it, or {@code null}
 * @param authors      author names when a source lists them (arXiv feeds do; listings don't)
 * @param organization the organisation a listing credits instead of authors, or {@code null}
 * @param arxiv        arXiv identifier (e.g. {@code 2001.08361}) only when a source states it
 * @param doi          DOI (e.g. {@code 10.48550/arXiv.2203.15556}) only when a source states it
 * @param venue        where it was published (journal, proceedings), only when a source states it
 * @param code         code URL when the abstract names one
 * @param sources      the listings and feeds the paper was imported from, sorted
 */
public record Paper(
        String id,
        String title,
        String abstractText,
        LocalDate date,
        Integer authorCount,
        List<String> authors,
        String organization,
        String arxiv,
        String doi,
        String venue,
        String code,
        List<String> sources) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DOI = Pattern.compile("10\\.\\d{4,9}/\\S+");
    private static final Pattern ARXIV = Pattern.compile("\\d{4}\\.\\d{4,5}|[a-z-]+(\\.[A-Z]{2})?/\\d{7}");

    public Paper {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("paper id '" + id + "' must be lowercase words joined by '-'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("paper " + id + " has no title");
        }
        abstractText = abstractText == null ? "" : abstractText;
        if (authorCount != null && authorCount < 1) {
            throw new IllegalArgumentException("paper " + id + ": author count must be positive, got " + authorCount);
        }
        if (arxiv != null && !ARXIV.matcher(arxiv).matches()) {
            throw new IllegalArgumentException("paper " + id + ": '" + arxiv + "' is not an arXiv identifier");
        }
        if (doi != null && !DOI.matcher(doi).matches()) {
            throw new IllegalArgumentException("paper " + id + ": '" + doi + "' is not a DOI (10.NNNN/suffix)");
        }
        if (venue != null && venue.isBlank()) {
            venue = null;
        }
        authors = authors == null ? List.of() : List.copyOf(authors);
        sources = sources == null ? List.of() : sources.stream().distinct().sorted().toList();
    }

    /** A paper without a DOI or venue, as listings and feeds that give neither state it. */
    public Paper(String id, String title, String abstractText, LocalDate date, Integer authorCount, List<String> authors,
            String organization, String arxiv, String code, List<String> sources) {
        this(id, title, abstractText, date, authorCount, authors, organization, arxiv, null, null, code, sources);
    }

    /** The key that identifies the same paper across listings: its title, case and punctuation ignored. */
    public String titleKey() {
        return titleKey(title);
    }

    public static String titleKey(String title) {
        return Slugs.key(title);
    }

    public Paper withId(String newId) {
        return new Paper(newId, title, abstractText, date, authorCount, authors, organization, arxiv, doi, venue, code, sources);
    }
}
