package org.scalingatlas.question;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mathematics written in LaTeX, restated as the plain text the rest of the question is read as: "$N = 1.2\times10^{10}$"
 * becomes "N = 1.2×10^10", "$L_\infty + (C/C_0)^{-\alpha_C}$" becomes "L_inf + (C/C_0)^-alpha_C", "\frac{A}{N}" becomes
 * "(A)/(N)". Researchers paste formulas and numbers this way; read as they are, "1.2\times10^{10}" is no number and
 * "\alpha_N" no constant. Only what is plainly mathematics changes: a span between dollar signs only when it holds a
 * command, a power, a subscript or an equals sign, or is a variable ("$L$"; "$2 and $3 an hour" stays as it is), and a
 * backslash command anywhere.
 */
final class LatexMath {

    private LatexMath() {
    }

    /**
     * A span between single dollar signs (or "\(" and "\)") that holds a command, a power, a subscript or "=", or is a
     * variable of up to three letters and digits ("$L$").
     */
    private static final Pattern INLINE = Pattern.compile("\\$([^$]*[\\\\^_=][^$]*|[A-Za-z][A-Za-z0-9]{0,2})\\$|\\\\\\((.*?)\\\\\\)");
    /** A fraction of two plain groups: "\frac{A}{N}", "\tfrac", "\dfrac". */
    private static final Pattern FRACTION = Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)\\}\\s*\\{([^{}]*)\\}");
    /** A command that only names a font or a text style around its argument: "\text{tot}", "\mathrm{opt}". */
    private static final Pattern STYLED = Pattern.compile("\\\\(?:text|textrm|mathrm|mathit|mathbf|operatorname|rm)\\s*\\{([^{}]*)\\}");
    /** A power or a subscript in braces, short and without spaces: "10^{10}", "D_{inf}", "C^{-0.05}". */
    private static final Pattern BRACED = Pattern.compile("([\\^_])\\{([^{}\\s]{1,16})\\}");
    /** Any other command, by its name: "\alpha", "\times", "\infty", "\left". */
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+)");
    /** Spacing commands and escaped signs: "\,", "\;", "\!", "\%". */
    private static final Pattern SPACING = Pattern.compile("\\\\([,;:! ]|%)");

    /** What the commands that stand for a sign or a word stand for; one not listed is written without its backslash. */
    private static final Map<String, String> COMMANDS = Map.ofEntries(Map.entry("times", "×"), Map.entry("cdot", "×"),
            Map.entry("infty", "inf"), Map.entry("approx", "≈"), Map.entry("sim", "~"), Map.entry("le", "≤"), Map.entry("leq", "≤"),
            Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("left", ""), Map.entry("right", ""), Map.entry("big", ""),
            Map.entry("Big", ""), Map.entry("quad", " "), Map.entry("qquad", " "));

    static String plain(String text) {
        if (text.indexOf('\\') < 0 && text.indexOf('$') < 0) {
            return text;
        }
        String plain = INLINE.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) != null ? m.group(1) : m.group(2)));
        if (plain.equals(text) && plain.indexOf('\\') < 0) {
            return plain;
        }
        for (String before = ""; !before.equals(plain); ) {
            before = plain;
            plain = FRACTION.matcher(plain).replaceAll(m -> Matcher.quoteReplacement("(" + m.group(1) + ")/(" + m.group(2) + ")"));
            plain = STYLED.matcher(plain).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        }
        plain = SPACING.matcher(plain).replaceAll(m -> m.group(1).equals("%") ? "%" : " ");
        String spaced = plain;
        plain = COMMAND.matcher(spaced).replaceAll(m -> {
            String sign = COMMANDS.get(m.group(1));
            // a word written right after a letter or a digit is a word of its own: "k\ln P" is "k ln P"
            boolean glued = m.start() > 0 && Character.isLetterOrDigit(spaced.charAt(m.start() - 1));
            return Matcher.quoteReplacement(sign != null ? sign : (glued ? " " : "") + m.group(1));
        });
        return BRACED.matcher(plain).replaceAll("$1$2");
    }
}
