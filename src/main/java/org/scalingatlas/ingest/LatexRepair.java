package org.scalingatlas.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs LaTeX that lost its backslashes on the way into a listing ({@code 1sim4}, {@code 15timessim50times},
 * {@code imageleftrightarrowtext}, {@code scriptsizeFLaws}), only where the reading is unambiguous: a command
 * name glued to digits or to another command, or one that is no English word. Ordinary words ("similar",
 * "sometimes", "five times more") are left alone.
 */
public final class LatexRepair {

    private static final Map<String, String> ARROWS = Map.of(
            "leftrightarrow", "↔", "Leftrightarrow", "⇔", "rightarrow", "→", "Rightarrow", "⇒",
            "leftarrow", "←", "Leftarrow", "⇐");
    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("lambda", "λ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("Omega", "Ω"), Map.entry("Theta", "Θ"));

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
            "(?<=^|[\\s(/{=^_-])(" + String.join("|", GREEK.keySet()) + ")(?=[_^=/,)}]|cdot|gg\\d|ll\\d)"
            + "|(?<=/)(" + String.join("|", GREEK.keySet()) + ")\\b");
    private static final Pattern MUCH = Pattern.compile("(?<=[αβγδεηθλστΩ])(gg|ll)(?=\\d)");
    private static final Pattern TILDE_OMEGA = Pattern.compile("\\btildeOmega\\b");
    private static final Pattern BACKSLASH_GREEK = Pattern.compile("\\\\(" + String.join("|", GREEK.keySet()) + ")\\b");
    private static final Pattern TEXTBF = Pattern.compile("\\\\text(?:bf|it)\\{([^{}]*)}");
    private static final Pattern TEX_QUOTES = Pattern.compile("``([^`']*)''");

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
        s = TEX_QUOTES.matcher(s).replaceAll(m -> Matcher.quoteReplacement("“" + m.group(1) + "”"));
        return s;
    }

    private static String replaceFromMap(Matcher matcher, Map<String, String> symbols) {
        return matcher.replaceAll(m -> Matcher.quoteReplacement(symbols.get(m.group(1))));
    }
}
