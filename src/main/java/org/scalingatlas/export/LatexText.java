package org.scalingatlas.export;

import java.text.Normalizer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Text as LaTeX that {@code pdflatex} typesets without extra packages and {@code bibtex} reads: LaTeX's special
 * characters escaped (braces as {@code \textbraceleft{}}, so every field's braces balance), accented letters as
 * accent commands ({@code ö} → {@code {\"o}}, by Unicode canonical decomposition), Greek letters and mathematical
 * symbols in math mode ({@code φ} → {@code {$\phi$}}, {@code ×} → {@code {$\times$}}), typographic dashes and
 * quotes as their LaTeX ligatures. A character with no LaTeX form is dropped and logged, never written raw.
 */
final class LatexText {

    private static final Logger LOG = LoggerFactory.getLogger(LatexText.class);

    private static final Map<Character, String> GREEK = Map.ofEntries(
            Map.entry('α', "alpha"), Map.entry('β', "beta"), Map.entry('γ', "gamma"), Map.entry('δ', "delta"),
            Map.entry('ε', "epsilon"), Map.entry('ζ', "zeta"), Map.entry('η', "eta"), Map.entry('θ', "theta"),
            Map.entry('ι', "iota"), Map.entry('κ', "kappa"), Map.entry('λ', "lambda"), Map.entry('μ', "mu"),
            Map.entry('µ', "mu"), Map.entry('ν', "nu"), Map.entry('ξ', "xi"), Map.entry('π', "pi"), Map.entry('ρ', "rho"),
            Map.entry('σ', "sigma"), Map.entry('ς', "varsigma"), Map.entry('τ', "tau"), Map.entry('υ', "upsilon"),
            Map.entry('φ', "phi"), Map.entry('ϕ', "phi"), Map.entry('χ', "chi"), Map.entry('ψ', "psi"), Map.entry('ω', "omega"),
            Map.entry('Γ', "Gamma"), Map.entry('Δ', "Delta"), Map.entry('Θ', "Theta"), Map.entry('Λ', "Lambda"),
            Map.entry('Ξ', "Xi"), Map.entry('Π', "Pi"), Map.entry('Σ', "Sigma"), Map.entry('Υ', "Upsilon"),
            Map.entry('Φ', "Phi"), Map.entry('Ψ', "Psi"), Map.entry('Ω', "Omega"));
    /** Symbols typeset in math mode, as the math-mode command (or text) that prints them. */
    private static final Map<Character, String> MATH = Map.ofEntries(
            Map.entry('×', "\\times"), Map.entry('∼', "\\sim"), Map.entry('≈', "\\approx"), Map.entry('≃', "\\simeq"),
            Map.entry('≤', "\\leq"), Map.entry('≥', "\\geq"), Map.entry('≠', "\\neq"), Map.entry('±', "\\pm"),
            Map.entry('→', "\\rightarrow"), Map.entry('←', "\\leftarrow"), Map.entry('↔', "\\leftrightarrow"),
            Map.entry('⇒', "\\Rightarrow"), Map.entry('⇐', "\\Leftarrow"), Map.entry('⇔', "\\Leftrightarrow"),
            Map.entry('∝', "\\propto"), Map.entry('≫', "\\gg"), Map.entry('≪', "\\ll"), Map.entry('·', "\\cdot"),
            Map.entry('∞', "\\infty"), Map.entry('√', "\\surd"), Map.entry('∈', "\\in"), Map.entry('∑', "\\sum"),
            Map.entry('∂', "\\partial"), Map.entry('∇', "\\nabla"), Map.entry('−', "-"), Map.entry('∗', "\\ast"),
            Map.entry('°', "^\\circ"), Map.entry('′', "'"), Map.entry('•', "\\bullet"), Map.entry('∘', "\\circ"),
            Map.entry('⊙', "\\odot"), Map.entry('⊕', "\\oplus"), Map.entry('∩', "\\cap"), Map.entry('∪', "\\cup"),
            Map.entry('⁰', "^0"), Map.entry('¹', "^1"), Map.entry('²', "^2"), Map.entry('³', "^3"), Map.entry('⁴', "^4"),
            Map.entry('⁵', "^5"), Map.entry('⁶', "^6"), Map.entry('⁷', "^7"), Map.entry('⁸', "^8"), Map.entry('⁹', "^9"),
            Map.entry('⁻', "^-"), Map.entry('₀', "_0"), Map.entry('₁', "_1"), Map.entry('₂', "_2"), Map.entry('₃', "_3"));
    /** Text-mode characters: special letters, dashes, quotes, and LaTeX's own special characters. */
    private static final Map<Character, String> TEXT = Map.ofEntries(
            Map.entry('ß', "{\\ss}"), Map.entry('æ', "{\\ae}"), Map.entry('Æ', "{\\AE}"), Map.entry('ø', "{\\o}"),
            Map.entry('Ø', "{\\O}"), Map.entry('œ', "{\\oe}"), Map.entry('Œ', "{\\OE}"), Map.entry('ł', "{\\l}"),
            Map.entry('Ł', "{\\L}"), Map.entry('ı', "{\\i}"), Map.entry('–', "--"), Map.entry('—', "---"),
            Map.entry('‐', "-"), Map.entry('‑', "-"), Map.entry('“', "``"), Map.entry('”', "''"), Map.entry('‘', "`"),
            Map.entry('’', "'"), Map.entry('…', "\\ldots{}"), Map.entry('\u00a0', "~"), Map.entry('§', "{\\S}"),
            Map.entry('\\', "\\textbackslash{}"), Map.entry('{', "\\textbraceleft{}"), Map.entry('}', "\\textbraceright{}"),
            Map.entry('&', "\\&"), Map.entry('%', "\\%"), Map.entry('$', "\\$"), Map.entry('#', "\\#"), Map.entry('_', "\\_"),
            Map.entry('~', "\\textasciitilde{}"), Map.entry('^', "\\textasciicircum{}"));
    /** Combining accents: the text-mode command, and whether it takes its letter as an argument ({@code \v{s}}). */
    private static final Map<Character, String> ACCENTS = Map.ofEntries(
            Map.entry('\u0300', "`"), Map.entry('\u0301', "'"), Map.entry('\u0302', "^"), Map.entry('\u0303', "~"),
            Map.entry('\u0308', "\""), Map.entry('\u0304', "=*"), Map.entry('\u0306', "u*"), Map.entry('\u0307', ".*"),
            Map.entry('\u030A', "r*"), Map.entry('\u030B', "H*"), Map.entry('\u030C', "v*"), Map.entry('\u0327', "c*"),
            Map.entry('\u0328', "k*"));
    /** Combining accents over a math symbol ({@code Ω̃}). */
    private static final Map<Character, String> MATH_ACCENTS = Map.of(
            '\u0303', "\\tilde", '\u0302', "\\hat", '\u0304', "\\bar", '\u0307', "\\dot", '\u0308', "\\ddot");

    private LatexText() {
    }

    static String of(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length() + 16);
        int i = 0;
        while (i < decomposed.length()) {
            int cp = decomposed.codePointAt(i);
            int next = i + Character.charCount(cp);
            char mark = next < decomposed.length() ? decomposed.charAt(next) : 0;
            if (cp < 0x80 && !TEXT.containsKey((char) cp)) {
                if (ACCENTS.containsKey(mark) && Character.isLetter(cp)) {
                    String accent = ACCENTS.get(mark);
                    String letter = cp == 'i' ? "\\i" : cp == 'j' ? "\\j" : Character.toString(cp);
                    out.append(accent.endsWith("*") ? "{\\" + accent.charAt(0) + "{" + letter + "}}" : "{\\" + accent + letter + "}");
                    next++;
                } else {
                    out.append(Character.isISOControl(cp) ? ' ' : (char) cp);
                }
            } else if (cp <= 0xFFFF && TEXT.containsKey((char) cp)) {
                out.append(TEXT.get((char) cp));
            } else if (cp <= 0xFFFF && (GREEK.containsKey((char) cp) || MATH.containsKey((char) cp))) {
                String math = GREEK.containsKey((char) cp) ? "\\" + GREEK.get((char) cp) : MATH.get((char) cp);
                if (MATH_ACCENTS.containsKey(mark)) {
                    math = MATH_ACCENTS.get(mark) + "{" + math + "}";
                    next++;
                }
                out.append("{$").append(math).append("$}");
            } else if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                LOG.info("BibTeX: dropped the combining mark U+{} that follows no letter in \"{}\"", hex(cp), text);
            } else {
                String compatible = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKC);
                if (!compatible.equals(Character.toString(cp)) && compatible.chars().allMatch(c -> c < 0x80)) {
                    out.append(of(compatible));
                } else if (Character.isSpaceChar(cp)) {
                    out.append(' ');
                } else {
                    LOG.info("BibTeX: dropped U+{} ({}), which has no LaTeX form here, from \"{}\"", hex(cp), Character.getName(cp), text);
                }
            }
            i = next;
        }
        return out.toString();
    }

    private static String hex(int cp) {
        return String.format("%04X", cp);
    }
}
