package org.scalingatlas.ingest;

import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs LaTeX that lost its backslashes on the way into a listing ({@code 1sim4}, {@code 15timessim50times},
 * {@code imageleftrightarrowtext}, {@code scriptsizeFLaws}), only where the reading is unambiguous: a command
 * name glued to digits or to another command, or one that is no English word. Ordinary words ("similar",
 * "sometimes", "five times more") are left alone. Also undoes LaTeX markup that survived whole: escaped specials
 * ({@code 10\%}), accents ({@code na\"ive}), font commands ({@code \textbf{L}azy}, {@code mathrm{RM}}, {@code (rm X)}),
 * braces that only group ({@code {\eta}}, {@code {4-bit}}) and ties ({@code ~(}). What is left is real math: braces
 * only around a sub- or superscript ({@code x^{-c}}, {@code ε_{opt}}), and no backslash.
 */
public final class LatexRepair {

    private static final Map<String, String> ARROWS = Map.of(
            "leftrightarrow", "↔", "Leftrightarrow", "⇔", "rightarrow", "→", "Rightarrow", "⇒",
            "leftarrow", "←", "Leftarrow", "⇐");
    /**
     * The Greek letters whose names a mangled listing leaves as bare words: only these few, so that words such as
     * "chi" or "nu" in prose are left alone. Their characters come from {@link LatexText}'s one table.
     */
    private static final Map<String, String> GREEK = java.util.stream.Stream.of("alpha", "beta", "gamma", "delta", "epsilon", "eta",
            "theta", "lambda", "sigma", "tau", "Omega", "Theta").collect(java.util.stream.Collectors.toUnmodifiableMap(n -> n, LatexText::symbol));

    /** A size command glued to a word: {@code scriptsizeFLaws} → {@code Flaws}. */
    private static final Pattern SIZE = Pattern.compile("\\b(?:tiny|scriptsize|footnotesize)([A-Z])([A-Z][a-z]+)\\b");
    /** {@code ×} between a number and a number, another command or a word boundary: {@code 8times}, {@code 15timessim}. */
    private static final Pattern TIMES = Pattern.compile("(?<=\\d)times(?=sim|\\d|\\s|[.,;:)]|$)");
    private static final Pattern SIM = Pattern.compile("(?<=\\d|×)sim(?=\\d)|(?<=[\\s(])sim (?=\\d)");
    /** An HTML numeric entity that lost its {@code &#} and {@code ;}: {@code runx2014each} → {@code run—each}. */
    private static final Pattern DASH_ENTITY = Pattern.compile("(?<=[\\p{L}0-9])x(2013|2014)(?=[\\p{L}0-9])");
    private static final Pattern ARROW = Pattern.compile("(?<=[a-z])(" + String.join("|", ARROWS.keySet()) + ")(?=[a-z])");
    /** {@code Acdot}, {@code lambdacdot}: a symbol glued to a multiplication dot. */
    private static final Pattern CDOT = Pattern.compile("(?<=[\\p{L}0-9}])cdot(?=[\\s({A-Za-z0-9])");
    /** {@code η_2propto d}: proportional-to glued to a subscript. */
    private static final Pattern PROPTO = Pattern.compile("(?<=[\\p{L}0-9}]|\\s)propto(?=\\s|\\d)");
    /** A Greek letter name written inside formula context: {@code beta_2}, {@code (alpha,T)}, {@code eta/lambda}, {@code alphagg1}. */
    private static final Pattern GREEK_IN_MATH = Pattern.compile(
            "(?<=^|[\\s(/{=^_+-])(" + String.join("|", GREEK.keySet()) + ")(?=[_^=/,)}]|cdot|gg\\d|ll\\d)"
            + "|(?<=/)(" + String.join("|", GREEK.keySet()) + ")\\b");
    private static final Pattern MUCH = Pattern.compile("(?<=[αβγδεηθλστΩ])(gg|ll)(?=\\d)");
    private static final Pattern TILDE_OMEGA = Pattern.compile("\\btildeOmega\\b");
    private static final Pattern BACKSLASH_GREEK = Pattern.compile("\\\\(" + String.join("|", GREEK.keySet()) + ")\\b");
    private static final Pattern TEXTBF = Pattern.compile("\\\\text(?:bf|it)\\{([^{}]*)}");
    private static final Pattern TEX_QUOTES = Pattern.compile("``([^`']*)''");
    /** An escaped special character: {@code 10\%}, {@code data \& models}. */
    private static final Pattern ESCAPED = Pattern.compile("\\\\([%&#_$])");
    /** An accent command on a letter, braced or not: {@code na\"ive}, {@code {\'e}}, {@code \'{e}}. */
    private static final Pattern ACCENT = Pattern.compile("\\{?\\\\([\"'`^~])\\{?([A-Za-z])}?}?");
    private static final Map<String, String> COMBINING = Map.of("\"", "\u0308", "'", "\u0301", "`", "\u0300", "^", "\u0302", "~", "\u0303");
    /** A font command that lost its backslash, inside a formula: {@code mathrm{RM}}. */
    private static final Pattern MATH_FONT = Pattern.compile("\\\\?math(?:rm|bf|it|cal|sf|tt)\\{([^{}]*)}");
    /** An old-style font switch that lost its backslash: {@code (rm StatsQ)}. */
    private static final Pattern RM_SWITCH = Pattern.compile("(?<=\\()rm (?=[A-Z])");
    /**
     * A brace group that is no sub- or superscript: {@code {η}}, {@code {4-bit}}, {@code B/({η}{λ}D)}. Its braces only
     * grouped; {@code x^{-c}} and {@code ε_{opt}} keep theirs.
     */
    private static final Pattern GROUP = Pattern.compile("(?<![\\^_\\\\\\p{L}])\\{([^{}\\\\]{1,40})}");
    /** LaTeX's non-breaking space before a parenthesis: {@code Alignment~(DFA)}. */
    private static final Pattern TIE = Pattern.compile("(?<=\\p{L})~(?=\\()");

    private LatexRepair() {
    }

    public static String repair(String text) {
        String s = text;
        s = SIZE.matcher(s).replaceAll(m -> m.group(1) + m.group(2).toLowerCase(java.util.Locale.ROOT));
        s = TIMES.matcher(s).replaceAll("×");
        s = SIM.matcher(s).replaceAll("∼");
        s = DASH_ENTITY.matcher(s).replaceAll(m -> m.group(1).equals("2013") ? "–" : "—");
        s = replaceFromMap(ARROW.matcher(s), ARROWS);
        s = TILDE_OMEGA.matcher(s).replaceAll("Ω̃");
        s = replaceFromMap(BACKSLASH_GREEK.matcher(s), GREEK);
        s = GREEK_IN_MATH.matcher(s).replaceAll(m -> GREEK.get(m.group(1) != null ? m.group(1) : m.group(2)));
        s = CDOT.matcher(s).replaceAll("·");
        s = PROPTO.matcher(s).replaceAll("∝");
        s = MUCH.matcher(s).replaceAll(m -> m.group(1).equals("gg") ? "≫" : "≪");
        s = TEXTBF.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = ACCENT.matcher(s).replaceAll(m -> Normalizer.normalize(m.group(2) + COMBINING.get(m.group(1)), Normalizer.Form.NFC));
        s = ESCAPED.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = MATH_FONT.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = RM_SWITCH.matcher(s).replaceAll("");
        s = GROUP.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        s = TIE.matcher(s).replaceAll(" ");
        s = TEX_QUOTES.matcher(s).replaceAll(m -> Matcher.quoteReplacement("“" + m.group(1) + "”"));
        return s;
    }

    private static String replaceFromMap(Matcher matcher, Map<String, String> symbols) {
        return matcher.replaceAll(m -> Matcher.quoteReplacement(symbols.get(m.group(1))));
    }
}
