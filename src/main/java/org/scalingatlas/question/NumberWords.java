package org.scalingatlas.question;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers written in words, as digits: "six billion tokens" → "6 billion tokens", "a hundred and twenty million
 * parameters" → "120 million parameters", "twenty-five attempts" → "25 attempts", "half a trillion" → "0.5 trillion",
 * "half a PF-day" → "0.5 PF-day".
 * Below a thousand only: the magnitude
 * words after them ("thousand", "million", "billion", "trillion") are read with the digits by {@link Numbers}. "One" (and
 * "a") alone stays a word unless a magnitude follows ("one model", "a run") or it counts what a law counts ("one sample",
 * "a single stream"), and so does a number of models ("two models" compares, it does not size one).
 */
final class NumberWords {

    private static final Map<String, Integer> UNITS = Map.ofEntries(Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17), Map.entry("eighteen", 18),
            Map.entry("nineteen", 19));
    private static final Map<String, Integer> TENS = Map.of("twenty", 20, "thirty", 30, "forty", 40, "fifty", 50, "sixty", 60, "seventy", 70,
            "eighty", 80, "ninety", 90);

    private static final String UNIT = "(?:" + String.join("|", UNITS.keySet()) + ")";
    private static final String TEN = "(?:" + String.join("|", TENS.keySet()) + ")";
    /** Below a hundred: "seven", "nineteen", "forty", "forty-two", "forty two". */
    private static final String SMALL = "(?:" + TEN + "(?:[-\\s]" + UNIT + ")?|" + UNIT + ")";
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w-])(?:(?<half>half\\s+an?)(?=\\s+(?:thousand|million|billion|trillion|pf|petaflops?|epoch)\\b)"
            + "|(?<one>an?)(?=\\s+(?:thousand|million|billion|trillion)\\b)"
            + "|(?:(?<hundreds>a|" + UNIT + ")\\s+hundred(?:\\s+(?:and\\s+)?(?<rest>" + SMALL + "))?)"
            + "|(?<small>" + SMALL + "))(?!\\w)(?!-(?!(?:thousand|million|billion|trillion)\\b))", Pattern.CASE_INSENSITIVE);
    /** One of what a law counts, said in words: "a single stream", "one sample" (not "one model", "a single run"). */
    private static final Pattern ONE_OF_A_COUNT = Pattern.compile("\\b(?:a\\s+single|single|one)\\s+(?=(?:parallel\\s+)?streams?\\b|samples?\\b|attempts?\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MAGNITUDE = Pattern.compile("[\\s-]+(?:thousand|million|billion|trillion)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern MODELS = Pattern.compile("\\s+(?:models?|llms?)\\b", Pattern.CASE_INSENSITIVE);

    private NumberWords() {
    }

    static String digits(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            if (m.group("half") != null || m.group("one") != null) {
                m.appendReplacement(out, m.group("half") != null ? "0.5" : "1"); // "half a trillion tokens", "about a trillion tokens"
                continue;
            }
            int value = value(m);
            boolean magnitude = MAGNITUDE.matcher(text).region(m.end(), text.length()).lookingAt();
            boolean models = MODELS.matcher(text).region(m.end(), text.length()).lookingAt();
            boolean keep = (value <= 1 && !magnitude) || models;
            m.appendReplacement(out, Matcher.quoteReplacement(keep ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        return ONE_OF_A_COUNT.matcher(out).replaceAll("1 "); // after the numbers of several words: "twenty-one samples" is 21
    }

    private static int value(Matcher m) {
        if (m.group("small") != null) {
            return small(m.group("small"));
        }
        String hundreds = m.group("hundreds").toLowerCase(Locale.ROOT);
        int value = 100 * (hundreds.equals("a") ? 1 : UNITS.get(hundreds));
        return m.group("rest") == null ? value : value + small(m.group("rest"));
    }

    private static int small(String words) {
        int value = 0;
        for (String word : words.toLowerCase(Locale.ROOT).split("[-\\s]+")) {
            value += TENS.containsKey(word) ? TENS.get(word) : UNITS.get(word);
        }
        return value;
    }
}
