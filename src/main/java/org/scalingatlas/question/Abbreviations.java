package org.scalingatlas.question;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The short forms people type for the words of model training and measurement ("consts", "avg", "approx", "hparams",
 * "perf"), each with the word it stands for. A short form names what its word names: "the consts as printed" asks about
 * constants, and is no topic the corpus lacks when it uses "constants". Only forms that stand for one word in this field;
 * "exp" (exponent, experiment, exponential) and "temp" are left out.
 */
public final class Abbreviations {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("approx", "approximately"), Map.entry("arch", "architecture"), Map.entry("avg", "average"),
            Map.entry("calc", "calculation"), Map.entry("coef", "coefficient"), Map.entry("coeff", "coefficient"),
            Map.entry("config", "configuration"), Map.entry("const", "constant"), Map.entry("ctx", "context"),
            Map.entry("dim", "dimension"), Map.entry("emb", "embedding"), Map.entry("err", "error"), Map.entry("est", "estimate"),
            Map.entry("eval", "evaluation"), Map.entry("hparam", "hyperparameter"), Map.entry("hyperparam", "hyperparameter"),
            Map.entry("info", "information"), Map.entry("infra", "infrastructure"), Map.entry("perf", "performance"),
            Map.entry("ppl", "perplexity"), Map.entry("prob", "probability"), Map.entry("seq", "sequence"),
            Map.entry("stat", "statistic"), Map.entry("diff", "difference"));

    private Abbreviations() {
    }

    /** The word a short form stands for, in the short form's number ("consts" → constants, "avg" → average). */
    public static Optional<String> expanded(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String full = WORDS.get(lower);
        if (full != null) {
            return Optional.of(full);
        }
        if (lower.endsWith("s") && WORDS.containsKey(lower.substring(0, lower.length() - 1))) {
            return Optional.of(WORDS.get(lower.substring(0, lower.length() - 1)) + "s");
        }
        return Optional.empty();
    }
}
