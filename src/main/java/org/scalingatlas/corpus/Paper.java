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
 * @param yearMonth    when a source states only the year ({@code 2023}) or the year and month ({@code 2023-03}) of
 *                     publication and no day: that much, never a day invented; {@code null} with a {@code date}
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
        String yearMonth,
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
    /** The YYMM of a new-style ({@code 2001.08361}) or old-style ({@code hep-th/9901001}) arXiv id. */
    private static final Pattern ARXIV_YYMM = Pattern.compile("(\\d{4})\\.\\d{4,5}|[a-z-]+(?:\\.[A-Z]{2})?/(\\d{4})\\d{3}");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})(?:-(0[1-9]|1[0-2]))?");
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
        if (yearMonth != null && !YEAR_MONTH.matcher(yearMonth).matches()) {
            throw new IllegalArgumentException("paper " + id + ": issued '" + yearMonth + "' is not a year (2023) or a year and month (2023-03)");
        }
        if (yearMonth != null && date != null) {
            throw new IllegalArgumentException("paper " + id + " has both a date and an issued year (or month): keep the date");
        }
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
        this(id, title, abstractText, date, null, authorCount, authors, organization, arxiv, null, null, code, sources);
    }

    /** A paper whose date, when known, names a day. */
    public Paper(String id, String title, String abstractText, LocalDate date, Integer authorCount, List<String> authors,
            String organization, String arxiv, String doi, String venue, String code, List<String> sources) {
        this(id, title, abstractText, date, null, authorCount, authors, organization, arxiv, doi, venue, code, sources);
    }

    /** The key that identifies the same paper across listings: its title, case and punctuation ignored. */
    public String titleKey() {
        return titleKey(title);
    }

    public static String titleKey(String title) {
        return Slugs.key(title);
    }

    /**
     * When the paper appeared, and how that is known: the stated {@code date} or {@code yearMonth}, or else the year and month its arXiv
     * identifier encodes ({@code 2001.08361} was submitted in January 2020; an old-style {@code hep-th/9901001} in
     * January 1999), or {@code null} when neither says. The identifier never gives a day, and this is never written
     * back into {@code date}.
     */
    public Issued issued() {
        if (date != null) {
            return new Issued(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), Issued.STATED);
        }
        if (yearMonth != null) {
            java.util.regex.Matcher stated = YEAR_MONTH.matcher(yearMonth);
            stated.matches();
            return new Issued(Integer.parseInt(stated.group(1)), stated.group(2) == null ? null : Integer.parseInt(stated.group(2)), null,
                    Issued.STATED);
        }
        if (arxiv == null) {
            return null;
        }
        java.util.regex.Matcher m = ARXIV_YYMM.matcher(arxiv);
        if (!m.matches()) {
            return null;
        }
        String yymm = m.group(1) != null ? m.group(1) : m.group(2);
        int yy = Integer.parseInt(yymm.substring(0, 2));
        int month = Integer.parseInt(yymm.substring(2));
        int year = m.group(1) != null ? 2000 + yy : (yy >= 91 ? 1900 + yy : 2000 + yy);
        boolean valid = month >= 1 && month <= 12 && (m.group(1) == null || year * 100 + month >= 200704);
        return valid ? new Issued(year, month, null, Issued.ARXIV_ID) : null;
    }

    /**
     * A publication date as precise as its source: the year always, the month and day only when a source states them
     * (an arXiv identifier gives year and month).
     *
     * @param source {@link #STATED} (the paper's {@code date} or {@code yearMonth}) or {@link #ARXIV_ID} (the year
     *               and month its arXiv identifier encodes)
     */
    public record Issued(int year, Integer month, Integer day, String source) {
        public static final String STATED = "stated";
        public static final String ARXIV_ID = "arxiv-id";

        /** {@code 2020-01-23}, {@code 2020-01} without a day, {@code 2020} without a month. */
        @Override
        public String toString() {
            return month == null ? String.format("%04d", year)
                    : day == null ? String.format("%04d-%02d", year, month) : String.format("%04d-%02d-%02d", year, month, day);
        }
    }

    public Paper withId(String newId) {
        return new Paper(newId, title, abstractText, date, yearMonth, authorCount, authors, organization, arxiv, doi, venue, code, sources);
    }
}
