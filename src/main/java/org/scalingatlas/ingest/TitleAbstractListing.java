package org.scalingatlas.ingest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A listing of a title line, then an abstract line, repeated (seed {@code 001}). */
final class TitleAbstractListing {

    static final int MAX_TITLE = 300;
    static final int MIN_ABSTRACT = 80;

    private TitleAbstractListing() {
    }

    /** Whether the text has the shape of this format at all: titles and longer abstracts alternating. */
    static boolean looksLike(List<Line> lines) {
        if (lines.size() < 2 || lines.size() % 2 != 0) {
            return false;
        }
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            if (!isTitle(lines.get(i).text()) || !isAbstract(lines.get(i + 1).text())) {
                return false;
            }
        }
        return true;
    }

    static List<ListingEntry> parse(Path file, List<Line> lines) {
        List<ListingEntry> entries = new ArrayList<>();
        String source = file.getFileName().toString();
        for (int i = 0; i < lines.size(); i += 2) {
            Line title = lines.get(i);
            if (!isTitle(title.text())) {
                throw new IngestException(file, title.number(), "expected a title, found a line of "
                        + title.text().length() + " characters (titles are at most " + MAX_TITLE + ")");
            }
            if (i + 1 >= lines.size()) {
                throw new IngestException(file, title.number(), "the title '" + title.text() + "' has no abstract line after it");
            }
            Line abstractLine = lines.get(i + 1);
            if (!isAbstract(abstractLine.text())) {
                throw new IngestException(file, abstractLine.number(), "expected the abstract of '" + title.text()
                        + "', found a line of " + abstractLine.text().length() + " characters");
            }
            entries.add(new ListingEntry(source, title.number(), LatexRepair.repair(title.text()),
                    LatexRepair.repair(abstractLine.text()), null, null, List.of(), null, null));
        }
        return entries;
    }

    static boolean isTitle(String text) {
        return !text.isBlank() && text.length() <= MAX_TITLE;
    }

    static boolean isAbstract(String text) {
        return text.length() >= MIN_ABSTRACT;
    }
}
