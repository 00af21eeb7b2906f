package org.scalingatlas.answer;

import java.util.List;
import java.util.regex.Pattern;

/** English text helpers for composing answers: sentences and their findings, lists joined with "and", quoting, case, counts in words. */
final class EnglishText {

    /** A sentence ends at . ! or ? followed by white space and a capital or an opening bracket. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");
    private static final Pattern DIGIT = Pattern.compile("\\d");

    private EnglishText() {
    }

    static List<String> sentences(String text) {
        return List.of(SENTENCE_END.split(text.strip()));
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
