package org.scalingatlas.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jbibtex.LaTeXObject;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.ParseException;
import org.jbibtex.TokenMgrException;

/**
 * A BibTeX field's LaTeX as plain text: accents through jbibtex's LaTeX printer ({@code {\"o}} → ö), the math symbols
 * titles and abstracts use as Unicode ({@code $\phi$} and {@code \phi} → φ, {@code $\times$} → ×), braces dropped.
 * jbibtex reads no math mode and knows few symbols, so those are replaced first.
 */
final class LatexText {

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("varepsilon", "ε"), Map.entry("zeta", "ζ"), Map.entry("eta", "η"),
            Map.entry("theta", "θ"), Map.entry("iota", "ι"), Map.entry("kappa", "κ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("nu", "ν"), Map.entry("xi", "ξ"), Map.entry("pi", "π"), Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("upsilon", "υ"), Map.entry("phi", "φ"),
            Map.entry("varphi", "φ"), Map.entry("chi", "χ"), Map.entry("psi", "ψ"), Map.entry("omega", "ω"),
            Map.entry("Gamma", "Γ"), Map.entry("Delta", "Δ"), Map.entry("Theta", "Θ"), Map.entry("Lambda", "Λ"),
            Map.entry("Xi", "Ξ"), Map.entry("Pi", "Π"), Map.entry("Sigma", "Σ"), Map.entry("Phi", "Φ"), Map.entry("Psi", "Ψ"),
            Map.entry("Omega", "Ω"), Map.entry("times", "×"), Map.entry("sim", "∼"), Map.entry("approx", "≈"),
            Map.entry("le", "≤"), Map.entry("leq", "≤"), Map.entry("ge", "≥"), Map.entry("geq", "≥"), Map.entry("cdot", "·"),
            Map.entry("to", "→"), Map.entry("rightarrow", "→"), Map.entry("leftarrow", "←"), Map.entry("leftrightarrow", "↔"),
            Map.entry("infty", "∞"), Map.entry("propto", "∝"), Map.entry("pm", "±"), Map.entry("ll", "≪"), Map.entry("gg", "≫"),
            Map.entry("ell", "ℓ"), Map.entry("neq", "≠"), Map.entry("log", "log"), Map.entry("textendash", "–"),
            Map.entry("textemdash", "—"), Map.entry("textasciitilde", "~"));
    /** The character a LaTeX symbol command prints ({@code alpha} → α), or {@code null} when it names none of ours. */
    static String symbol(String command) {
        return SYMBOLS.get(command);
    }

    /** A symbol command, optionally followed by an empty group ({@code \times{}}); a space after it is kept. */
    private static final Pattern SYMBOL = Pattern.compile("\\\\(" + String.join("|", SYMBOLS.keySet()) + ")(?![A-Za-z])(?:\\{})?");
    /** The cedilla, which jbibtex's printer drops ({@code \c{c}} → c). */
    private static final Pattern CEDILLA = Pattern.compile("\\\\c\\s*(?:\\{([A-Za-z])}|([A-Za-z]))");
    /** Math's superscripts and subscripts and a bare {@code %#&}, which jbibtex's parser refuses: kept as written. */
    private static final Pattern UNESCAPED_SPECIAL = Pattern.compile("(?<!\\\\)[\\^_#&%]");
    /** The dotless i of {@code \'\i} (í): a plain i takes the accent as well. */
    private static final Pattern DOTLESS_I = Pattern.compile("\\\\i(?![A-Za-z])\\s*");
    private static final Pattern UNESCAPED_DOLLAR = Pattern.compile("(?<!\\\\)\\$");
    private static final Pattern UNESCAPED_TILDE = Pattern.compile("(?<!\\\\)~");
    private static final String PLACEHOLDER = "QzxsymQ";
    private static final Pattern PLACEHOLDERS = Pattern.compile(PLACEHOLDER + "(\\d+)" + PLACEHOLDER);
    private static final Pattern LEFTOVER_COMMAND = Pattern.compile("\\\\[A-Za-z]+\\s*|\\\\(?=[^A-Za-z])");

    private LatexText() {
    }

    static String toText(String latex) {
        if (latex == null) {
            return null;
        }
        // jbibtex's parser refuses most symbols, so each stands in the text as a placeholder of letters until printed
        List<String> symbols = new ArrayList<>();
        String s = SYMBOL.matcher(latex).replaceAll(m -> {
            symbols.add(SYMBOLS.get(m.group(1)));
            return PLACEHOLDER + (symbols.size() - 1) + PLACEHOLDER;
        });
        s = CEDILLA.matcher(s).replaceAll(m -> {
            symbols.add((m.group(1) != null ? m.group(1) : m.group(2)) + "\u0327");
            return PLACEHOLDER + (symbols.size() - 1) + PLACEHOLDER;
        });
        s = UNESCAPED_SPECIAL.matcher(s).replaceAll(m -> {
            symbols.add(m.group());
            return PLACEHOLDER + (symbols.size() - 1) + PLACEHOLDER;
        });
        s = DOTLESS_I.matcher(s).replaceAll("i");
        s = UNESCAPED_DOLLAR.matcher(s).replaceAll("");
        s = UNESCAPED_TILDE.matcher(s).replaceAll(" ");
        String text;
        try {
            List<LaTeXObject> objects = new LaTeXParser().parse(s);
            text = new LaTeXPrinter().print(objects);
        } catch (ParseException | TokenMgrException e) {
            text = LEFTOVER_COMMAND.matcher(s).replaceAll("").replace("{", "").replace("}", "");
        }
        text = PLACEHOLDERS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(symbols.get(Integer.parseInt(m.group(1)))));
        text = text.replace("---", "—").replace("--", "–").replace("``", "“").replace("''", "”");
        return Normalizer.normalize(text.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    }
}
