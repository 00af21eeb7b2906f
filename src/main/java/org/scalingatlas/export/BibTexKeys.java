package org.scalingatlas.export;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.scalingatlas.corpus.Paper;

/**
 * Citation keys as people write them: the first author's family name (or the crediting organisation, or else the
 * title's first significant word), the year when known, and the title's next significant word (for a key that starts
 * with the title, the next one that is not as common here as "scaling" or "laws"), in lowercase ASCII
 * ({@code kaplan2020scaling}, {@code scaling2020neural}, {@code training2022compute}). Papers of one export that would share a key get
 * {@code b}, {@code c}, ... in export order after the first. Nothing random or clock-dependent: the same papers give
 * the same keys on every run.
 */
final class BibTexKeys {

    private static final Set<String> MINOR = Set.of("a", "an", "the", "on", "of", "for", "in", "to", "and", "with", "from",
            "at", "by", "is", "are", "be", "as", "do", "does", "can", "via", "vs", "its", "your", "we", "or", "not", "no");

    /** Words so common in this corpus's titles that, after the first word, they would tell no paper apart. */
    private static final Set<String> GENERIC = Set.of("scaling", "law", "laws", "large", "language", "model", "models");

    private BibTexKeys() {
    }

    static Map<Paper, String> of(List<Paper> papers) {
        Map<Paper, String> keys = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (Paper paper : papers) {
            String stem = stem(paper);
            String key = stem;
            for (int n = 2; !used.add(key); n++) {
                key = stem + suffix(n);
            }
            keys.put(paper, key);
        }
        return keys;
    }

    private static String stem(Paper paper) {
        List<String> words = Arrays.stream(ascii(paper.title().replaceAll("['’]", "")).split(" "))
                .filter(w -> w.matches(".*[a-z].*") && !MINOR.contains(w)).toList();
        String first = words.isEmpty() ? "paper" : words.get(0);
        String lead;
        String next;
        String name = !paper.authors().isEmpty() ? PersonName.parse(paper.authors().get(0)).sortName() : paper.organization();
        if (name != null && !ascii(name).isBlank()) {
            lead = ascii(name).replace(" ", "");
            next = first;
        } else {
            lead = first;
            next = words.stream().skip(1).filter(w -> !GENERIC.contains(w) && !w.equals(first)).findFirst()
                    .orElse(words.size() > 1 ? words.get(1) : "");
        }
        Paper.Issued issued = paper.issued();
        return lead + (issued == null ? "" : Integer.toString(issued.year())) + next;
    }

    /** Lowercase ASCII letters and digits, other characters as spaces: {@code Schölkopf} → {@code scholkopf}. */
    private static String ascii(String text) {
        String folded = Normalizer.normalize(text.replace("ß", "ss").replace("ø", "o").replace("ł", "l"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^a-z0-9]+", " ").strip();
    }

    /** 2 → b, 26 → z, 27 → ba: letters in base 26 after the unsuffixed first. */
    private static String suffix(int n) {
        StringBuilder s = new StringBuilder();
        for (int k = n - 1; k > 0; k /= 26) {
            s.insert(0, (char) ('a' + k % 26));
        }
        return s.toString();
    }
}
