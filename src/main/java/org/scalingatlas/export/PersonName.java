package org.scalingatlas.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * An author's name split as citation formats want it: family name (with its particles, "van der Waals") and given
 * names, or, for a single-word name such as an organisation ("OpenAI"), a literal that is never split.
 *
 * <p>Names come as sources write them: "Given Family" (arXiv feeds) or "Family, Given" (BibTeX, Zotero).
 */
record PersonName(String family, String given, String literal) {

    private static final Set<String> PARTICLES = Set.of("van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le", "dos", "das", "ter", "ten", "zu", "bin", "al");

    static PersonName parse(String name) {
        String text = name.strip().replaceAll("\\s+", " ");
        int comma = text.indexOf(',');
        if (comma > 0) {
            return new PersonName(text.substring(0, comma).strip(), text.substring(comma + 1).strip(), null);
        }
        String[] words = text.split(" ");
        if (words.length == 1) {
            return new PersonName(null, null, text);
        }
        int familyStart = words.length - 1;
        while (familyStart > 1 && PARTICLES.contains(words[familyStart - 1].toLowerCase(Locale.ROOT))
                && Character.isLowerCase(words[familyStart - 1].charAt(0))) {
            familyStart--;
        }
        return new PersonName(String.join(" ", Arrays.copyOfRange(words, familyStart, words.length)),
                String.join(" ", Arrays.copyOfRange(words, 0, familyStart)), null);
    }

    /** The name for sorting and citation keys: the family name, or the literal. */
    String sortName() {
        return literal != null ? literal : family;
    }
}
