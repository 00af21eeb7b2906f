package org.scalingatlas.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The text of a saved listing page: its non-blank lines, without the site's banner around the papers. */
final class PageText {

    private static final Set<String> BANNER = Set.of(
            "new", "Subscribe", "Daily Papers", "byAK and the research community",
            "Get trending papers in your email inbox!", "Get trending papers in your email inbox once a day!");
    /** The banner's last word glued to the first title when the page was copied: {@code SubscribeToward ...}. */
    private static final String GLUED_PREFIX = "Subscribe";

    private PageText() {
    }

    static List<Line> contentLines(String text) {
        String[] raw = text.split("\\R", -1);
        List<Line> lines = new ArrayList<>();
        boolean inBanner = true;
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (inBanner && BANNER.contains(line)) {
                continue;
            }
            if (inBanner && line.startsWith(GLUED_PREFIX) && line.length() > GLUED_PREFIX.length()
                    && Character.isUpperCase(line.charAt(GLUED_PREFIX.length()))) {
                line = line.substring(GLUED_PREFIX.length());
            }
            inBanner = false;
            lines.add(new Line(i + 1, line));
        }
        return lines;
    }
}
