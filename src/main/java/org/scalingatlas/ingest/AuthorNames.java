package org.scalingatlas.ingest;

import java.util.ArrayList;
import java.util.List;

/** Author names as a library writes them, turned into "Given Family" as arXiv lists them. */
final class AuthorNames {

    /**
     * The names an entry lists, and whether the list is whole: BibTeX's {@code and others} (or CSL's "others") says
     * more authors exist, so their number is unknown.
     */
    record Names(List<String> names, boolean complete) {
        Names {
            names = List.copyOf(names);
        }

        /** The number of authors when the list is whole, else {@code null} (unknown). */
        Integer count() {
            return complete && !names.isEmpty() ? names.size() : null;
        }
    }

    private AuthorNames() {
    }

    /**
     * A BibTeX {@code author} field: names joined by {@code and} outside braces, each {@code Family, Given},
     * {@code Family, Jr, Given} or {@code Given Family}; a braced name ({@code {OpenAI Team}}) is kept whole.
     */
    static Names bibtex(String field) {
        if (field == null || field.isBlank()) {
            return new Names(List.of(), true);
        }
        List<String> names = new ArrayList<>();
        boolean complete = true;
        for (String name : splitOutsideBraces(field, "\\s+and\\s+")) {
            if (name.strip().equalsIgnoreCase("others")) {
                complete = false;
                continue;
            }
            List<String> parts = splitOutsideBraces(name, "\\s*,\\s*");
            String text = switch (parts.size()) {
                case 1 -> parts.get(0);
                case 2 -> parts.get(1) + " " + parts.get(0);
                default -> parts.get(2) + " " + parts.get(0) + " " + parts.get(1);
            };
            String converted = LatexText.toText(text.strip());
            if (!converted.isBlank()) {
                names.add(converted);
            }
        }
        return new Names(names, complete);
    }

    /** One CSL name: a {@code literal}, or {@code given}, the particles, {@code family} and {@code suffix}. */
    static String csl(String literal, String given, String droppingParticle, String nonDroppingParticle, String family, String suffix) {
        if (literal != null && !literal.isBlank()) {
            return literal.strip();
        }
        StringBuilder name = new StringBuilder();
        for (String part : new String[] {given, droppingParticle, nonDroppingParticle, family, suffix}) {
            if (part != null && !part.isBlank()) {
                name.append(name.isEmpty() ? "" : " ").append(part.strip());
            }
        }
        return name.toString();
    }

    /** Splits on a separator (a regex) only where no brace is open. */
    private static List<String> splitOutsideBraces(String text, String separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(separator, java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text);
        int[] depthAt = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            depthAt[i] = depth;
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
        depthAt[text.length()] = depth;
        while (m.find()) {
            if (depthAt[m.start()] == 0) {
                parts.add(text.substring(start, m.start()));
                start = m.end();
            }
        }
        parts.add(text.substring(start));
        return parts.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
