package org.scalingatlas.question;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people write them about scaling: {@code 7e10}, {@code 70B}, {@code 1.4T}, {@code 1.4 trillion}, {@code 6-billion},
 * {@code 5.76×10^23}, {@code 10^24}, {@code 2,000}. One parser for the CLI, the HTTP API and questions.
 */
public final class Numbers {

    /** A number, then an optional power of ten, then an optional magnitude word or suffix. */
    static final String PATTERN = "(?<mantissa>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)"
            + "(?:[eE](?<exp>[+-]?\\d{1,3})|\\s?(?:[x×*·]|times)\\s?10\\s?\\^\\s?(?<pow>[+-]?\\d{1,3}))?"
            + "(?:(?:\\s?|-(?=[a-z]{4}))(?<mag>thousand|million|billion|trillion|quadrillion|[kKMBTmbt])(?![A-Za-z]))?";
    /** A bare power of ten, {@code 10^24}, read as {@code 1e24}. */
    private static final Pattern POWER_OF_TEN = Pattern.compile("(?<![\\d.,x×*·])(?<![x×*·]\\s)(?<!times\\s)10\\s?\\^\\s?([+-]?\\d{1,3})");
    /** A number standing alone: not part of a name such as "GPT-4", "Qwen2.5-32B" or "Llama-2-13B", nor of a range. */
    private static final Pattern ALONE = Pattern.compile("(?<![\\w.\\-–/])" + PATTERN + "(?![\\w.\\-–/])");
    private static final Pattern WHOLE = Pattern.compile("\\s*(?<sign>[+-])?" + PATTERN + "\\s*");
    private static final Map<String, Double> MAGNITUDES = Map.ofEntries(
            Map.entry("k", 1e3), Map.entry("thousand", 1e3), Map.entry("m", 1e6), Map.entry("million", 1e6),
            Map.entry("b", 1e9), Map.entry("billion", 1e9), Map.entry("t", 1e12), Map.entry("trillion", 1e12),
            Map.entry("quadrillion", 1e15));

    private Numbers() {
    }

    /** @throws IllegalArgumentException saying what a number looks like */
    public static double parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("expected a number, got nothing");
        }
        Matcher m = WHOLE.matcher(normalized(text));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a number (write e.g. 7e10, 70B, 1.4T, 1.4 trillion or 5.76x10^23)");
        }
        return "-".equals(m.group("sign")) ? -value(m) : value(m);
    }

    /** Whether the text is one number as {@link #parse} reads it ("8", "500M", "1.5t", "1e23"). */
    public static boolean isNumber(String text) {
        return text != null && WHOLE.matcher(normalized(text)).matches();
    }

    /** The text with bare powers of ten written as {@code 1eN}, so that {@link #PATTERN} reads them. */
    static String normalized(String text) {
        return POWER_OF_TEN.matcher(SPACED_EXPONENT.matcher(text).replaceAll("")).replaceAll("1e$1");
    }

    /** A space before an exponent, as hurried typing leaves it: "3.0 e21" is 3.0e21. */
    private static final Pattern SPACED_EXPONENT = Pattern.compile("(?<=\\d)\\s+(?=[eE][+-]?\\d{1,3}\\b)");

    /**
     * The text without the numbers that stand alone ("1e23", "70B", "1.4 trillion", "10^24", "2,000"), spaces closed up;
     * names and ranges that hold digits keep them.
     */
    public static String withoutNumbers(String text) {
        return ALONE.matcher(normalized(text)).replaceAll("").replaceAll("\\s{2,}", " ").replaceAll("\\s+([,.;:?!])", "$1").strip();
    }

    /** The value of a match of {@link #PATTERN}. */
    static double value(Matcher m) {
        double value = Double.parseDouble(m.group("mantissa").replace(",", ""));
        if (m.group("exp") != null) {
            value *= Math.pow(10, Integer.parseInt(m.group("exp")));
        } else if (m.group("pow") != null) {
            value *= Math.pow(10, Integer.parseInt(m.group("pow")));
        }
        if (m.group("mag") != null) {
            value *= MAGNITUDES.get(m.group("mag").toLowerCase(Locale.ROOT));
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
