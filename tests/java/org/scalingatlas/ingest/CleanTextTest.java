package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Seeds;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/**
 * No LaTeX leftovers in what ingest reads from the three seed listings, nor in the committed papers: no backslash at
 * all, and braces only in real math, narrowly: a group right after {@code ^} or {@code _} (a sub- or superscript such
 * as {@code width^{-c}} or {@code ε_{opt}}) holding no space and no other brace.
 */
class CleanTextTest {

    /** A sub- or superscript group; what remains once they are taken out may hold no brace or backslash. */
    private static final Pattern SCRIPT = Pattern.compile("[\\^_]\\{[^{}\\s\\\\]{1,40}}");

    @Test
    void should_leave_no_braces_or_backslashes_outside_real_math_in_the_seed_listings() {
        ListingReader reader = new ListingReader(Seeds.LISTING_YEAR, LocalDate.of(2026, 12, 31));
        List<String> leftovers = new ArrayList<>();
        int entries = 0;
        for (Path listing : Seeds.listings()) {
            for (ListingEntry entry : reader.read(listing)) {
                entries++;
                check(entry.source() + ":" + entry.line() + " title", entry.title(), leftovers);
                check(entry.source() + ":" + entry.line() + " abstract", entry.abstractText(), leftovers);
            }
        }
        assertEquals(204, entries, "all three listings were read");
        assertEquals(List.of(), leftovers);
    }

    @Test
    void should_have_no_latex_leftovers_in_the_committed_papers_the_listings_gave() {
        List<String> leftovers = new ArrayList<>();
        for (Paper paper : new PaperStore(Path.of("corpus")).loadAll()) {
            check(paper.id() + " title", paper.title(), leftovers);
            check(paper.id() + " abstract", paper.abstractText(), leftovers);
        }
        assertEquals(List.of(), leftovers);
    }

    @Test
    void should_count_real_math_as_clean_and_leftovers_as_not() {
        List<String> found = new ArrayList<>();
        check("math", "a rate width^{-c} and ε_{opt} with D_{KL}", found);
        assertTrue(found.isEmpty(), found.toString());
        for (String leftover : List.of("rate {η} here", "10\\% more", "x^{a b}", "na\\\"ive", "x_{y_{z}}")) {
            check("leftover", leftover, found);
        }
        assertEquals(5, found.size(), found.toString());
    }

    private static void check(String where, String text, List<String> leftovers) {
        String outsideMath = SCRIPT.matcher(text).replaceAll("");
        int at = indexOfAny(outsideMath);
        if (at >= 0) {
            leftovers.add(where + ": …" + outsideMath.substring(Math.max(0, at - 30), Math.min(outsideMath.length(), at + 30)) + "…");
        }
    }

    private static int indexOfAny(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '}' || c == '\\') {
                return i;
            }
        }
        return -1;
    }
}
