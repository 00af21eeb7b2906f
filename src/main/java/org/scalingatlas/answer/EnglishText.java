package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** English text helpers for composing answers: sentences and their findings, lists joined with "and", quoting, case, counts in words. */
final class EnglishText {

    private static final Pattern DIGIT = Pattern.compile("\\d");

    private EnglishText() {
    }

    /**
     * The sentences of a text: one ends at . ! or ? followed by white space and a capital or an opening bracket. Scanned
     * by hand: a regular expression with look-around did the same split at a tenth of the speed, and answers split the
     * claims of every cited note several times (4% of the server's CPU per ask, JFR).
     */
    static List<String> sentences(String text) {
        String stripped = text.strip();
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c != '.' && c != '!' && c != '?') {
                continue;
            }
            int next = i + 1;
            while (next < stripped.length() && Character.isWhitespace(stripped.charAt(next))) {
                next++;
            }
            if (next > i + 1 && next < stripped.length() && (isAsciiCapital(stripped.charAt(next)) || stripped.charAt(next) == '(')) {
                sentences.add(stripped.substring(start, i + 1));
                start = next;
                i = next - 1;
            }
        }
        sentences.add(stripped.substring(start));
        return List.copyOf(sentences);
    }

    private static boolean isAsciiCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static String firstSentence(String text) {
        return sentences(text).get(0);
    }

    /**
     * A claim cut in proportion for a note that is not central to the answer: its first sentence, and when that one
     * carries no number, the first later sentence that does (the findings and their numbers often come second).
     */
    static String findings(String claim) {
        List<String> sentences = sentences(claim);
        String first = sentences.get(0);
        if (DIGIT.matcher(first).find()) {
            return first;
        }
        return sentences.stream().skip(1).filter(s -> DIGIT.matcher(s).find()).findFirst().map(s -> first + " " + s).orElse(first);
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

    static String upperFirst(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** "two", "three" ... for small counts, digits above ten. */
    static String count(int n) {
        List<String> words = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
        return n < words.size() ? words.get(n) : Integer.toString(n);
    }
}
