package org.scalingatlas.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Readable, stable identifiers made from titles: {@code "J1: Exploring Test-Time Scaling"} → {@code j1-exploring-test-time-scaling}.
 * A title in a script with no Latin letters or digits to fold to ({@code "大规模语言模型的缩放定律"}) gets {@code title-} and
 * the start of a hash of its text: still lowercase ASCII, and the same for the same title on every machine.
 */
public final class Slugs {

    /** Longest slug; longer titles are cut at a word boundary. */
    public static final int MAX_LENGTH = 64;

    private static final String HASHED_PREFIX = "title-";
    /** 6 bytes, 12 hex digits: a collision is unlikely below millions of such titles (and the importer numbers one anyway). */
    private static final int HASH_BYTES = 6;

    private Slugs() {
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lower case, accents removed, every run of other characters kept as is. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** The same title however it is cased, accented, spaced or punctuated: its letters and digits, in any script, folded. */
    public static String key(String title) {
        return Normalizer.normalize(fold(title), Normalizer.Form.NFC).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    public static String of(String title) {
        String slug = fold(title).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            String key = key(title);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("'" + title + "' has no letters or digits to make an identifier from");
            }
            return HASHED_PREFIX + HexFormat.of().formatHex(sha256(key), 0, HASH_BYTES);
        }
        if (slug.length() <= MAX_LENGTH) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', MAX_LENGTH);
        return cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_LENGTH);
    }
}
