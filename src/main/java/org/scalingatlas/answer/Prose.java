package org.scalingatlas.answer;

import java.util.List;

/** Small text helpers for composing answers. */
final class Prose {

    private Prose() {
    }

    static String firstSentence(String text) {
        String[] sentences = text.strip().split("(?<=[.!?])\\s+(?=[A-Z(])", 2);
        return sentences[0];
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    static String quoted(List<String> items) {
        return list(items.stream().map(i -> "\u201c" + i + "\u201d").toList());
    }

    static String lowerFirst(String text) {
        if (text.isEmpty() || (text.length() > 1 && Character.isUpperCase(text.charAt(1)))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
