package org.scalingatlas.ingest;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "Daily Papers" page (seeds {@code 002}, {@code 003}): per paper a title, its abstract, then optionally a byline
 * ({@code • 12 authors}, or an organisation badge), a {@code ·} and a date ({@code Oct 4, 2023}; {@code Apr 1}
 * without a year is in the listing's own year; {@code Apr 1 2} is Apr 1 with 2 votes).
 */
final class DailyPapersListing {

    static final Pattern AUTHORS = Pattern.compile("^•\\s*(\\d+)\\s+authors?$");
    static final Pattern DATE = Pattern.compile("^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\\d{1,2})(?:, (\\d{4}))?(?: (\\d+))?$");
    private static final String SEPARATOR = "·";

    private final int listingYear;
    private final LocalDate today;

    DailyPapersListing(int listingYear, LocalDate today) {
        this.listingYear = listingYear;
        this.today = today;
    }

    static boolean looksLike(List<Line> lines) {
        return lines.stream().anyMatch(l -> AUTHORS.matcher(l.text()).matches());
    }

    List<ListingEntry> parse(Path file, List<Line> lines) {
        String source = file.getFileName().toString();
        List<ListingEntry> entries = new ArrayList<>();
        int i = 0;
        if (!lines.isEmpty() && DATE.matcher(lines.get(0).text()).matches()) {
            i = 1; // the page's own date, above the first paper
        }
        while (i < lines.size()) {
            Line title = lines.get(i);
            if (isMetadata(title.text()) || !TitleAbstractListing.isTitle(title.text())) {
                throw new IngestException(file, title.number(), "expected a paper title, found '" + shorten(title.text()) + "'");
            }
            if (i + 1 >= lines.size() || isMetadata(lines.get(i + 1).text())) {
                throw new IngestException(file, title.number(), "the title '" + shorten(title.text()) + "' has no abstract after it");
            }
            Line abstractLine = lines.get(i + 1);
            if (!TitleAbstractListing.isAbstract(abstractLine.text())) {
                throw new IngestException(file, abstractLine.number(), "expected the abstract of '" + shorten(title.text())
                        + "', found a line of " + abstractLine.text().length() + " characters");
            }
            int j = i + 2;
            Integer authorCount = null;
            String organization = null;
            if (j < lines.size() && (AUTHORS.matcher(lines.get(j).text()).matches()
                    || (j + 1 < lines.size() && lines.get(j + 1).text().equals(SEPARATOR)))) {
                Matcher authors = AUTHORS.matcher(lines.get(j).text());
                if (authors.matches()) {
                    authorCount = Integer.valueOf(authors.group(1));
                } else {
                    organization = organizationOf(lines.get(j).text());
                }
                j++;
            }
            boolean separator = j < lines.size() && lines.get(j).text().equals(SEPARATOR);
            if (separator) {
                j++;
            }
            LocalDate date = null;
            if (j < lines.size() && DATE.matcher(lines.get(j).text()).matches()) {
                date = date(file, lines.get(j));
                j++;
            } else if (separator) {
                int at = j < lines.size() ? lines.get(j).number() : lines.get(j - 1).number();
                throw new IngestException(file, at, "expected a date such as 'Oct 4, 2023' after the '·' line");
            }
            entries.add(new ListingEntry(source, title.number(), LatexRepair.repair(title.text()),
                    LatexRepair.repair(abstractLine.text()), date, authorCount, List.of(), organization, null));
            i = j;
        }
        return entries;
    }

    private LocalDate date(Path file, Line line) {
        Matcher m = DATE.matcher(line.text());
        if (!m.matches()) {
            throw new IllegalStateException("not a date line: " + line.text());
        }
        Month month = java.util.Arrays.stream(Month.values())
                .filter(candidate -> candidate.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equals(m.group(1)))
                .findFirst().orElseThrow();
        int year = m.group(3) == null ? listingYear : Integer.parseInt(m.group(3));
        LocalDate date;
        try {
            date = LocalDate.of(year, month, Integer.parseInt(m.group(2)));
        } catch (DateTimeException e) {
            throw new IngestException(file, line.number(), "'" + line.text() + "' is not a calendar date: " + e.getMessage());
        }
        if (date.isAfter(today)) {
            throw new IngestException(file, line.number(), "'" + line.text() + "' read as " + date
                    + " is in the future; pass --listing-year with the year the page was captured");
        }
        return date;
    }

    private static boolean isMetadata(String text) {
        return text.equals(SEPARATOR) || AUTHORS.matcher(text).matches() || DATE.matcher(text).matches();
    }

    /** A badge {@code "sensenova SenseNova"} is a handle and a display name; the name is what the page shows. */
    private static String organizationOf(String byline) {
        String[] parts = byline.split("\\s+", 2);
        return parts.length == 2 ? parts[1] : parts[0];
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
