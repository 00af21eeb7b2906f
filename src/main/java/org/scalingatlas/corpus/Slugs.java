package org.scalingatlas.corpus;

import java.text.Normalizer;
import java.util.Locale;

/** Readable, stable identifiers made from titles: {@code "J1: Exploring Test-Time Scaling"} → {@code j1-exploring-test-time-scaling}. */
public final class Slugs {

    /** Longest slug; longer titles are cut at a word boundary. */
    public static final int MAX_LENGTH = 64;

    private Slugs() {
    }

    /** Lower case, accents removed, every run of other characters kept as is. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    public static String of(String title) {
        String slug = fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("'" + title + "' has no letters or digits to make an identifier from");
        }
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', MAX_LENGTH);
        return cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH);
    }
}
