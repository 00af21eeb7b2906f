package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantities a question states, each a number with the kind of thing it counts: "70B parameters", "a 7B
 * model", "1.4 trillion tokens", "1e24 FLOPs", "100 samples", "4 bits", "25B unique tokens". Laws declare which
 * kind each of their inputs is, so a question's numbers reach the right variables without a list of laws here.
 */
public final class Quantities {

    /** A number in a question and what it counts. */
    public record Quantity(String kind, double value, String text) {
    }

    /**
     * "Unique" said of the tokens just counted, with nothing after it that it could describe instead: "400B tokens, of
     * which 100B are unique", "if only 100B of them are unique", "100B tokens are unique, so", not "100 unique prompts".
     */
    private static final String UNIQUE_ALONE = "(?:tokens? )?(?:of (?:them|which|these|those) )?(?:(?:are|is|were|was) )?unique"
            + "(?=\\s*(?:[^\\s\\w]|$)|\\s+(?:and|but|while|so|then|if|when)\\b)";

    /** Unit words after a number → the kind of quantity; the first that matches wins (longest phrases first). */
    private static final List<Kind> KINDS = List.of(
            new Kind("unique-tokens", "unique (?:training )?tokens|tokens of unique data|unique data|" + UNIQUE_ALONE),
            new Kind("inference-tokens", "inference tokens|tokens (?:of|for|at) inference|tokens served|served tokens"),
            new Kind("tokens-per-parameter", "tokens per param(?:eter)?s?|tokens/param(?:eter)?"),
            new Kind("pf-days", "pf-?days?|petaflop-?days?"),
            new Kind("flops", "flops?|flop budget|compute"),
            new Kind("tokens", "(?:training )?tokens?"),
            new Kind("parameters", "param(?:eter)?s?|(?:parameter )?(?:dense |language |transformer )?models?|llms?"),
            new Kind("samples", "samples?|attempts?|tries|generations|completions"),
            new Kind("bits", "bits?|-bit"),
            new Kind("streams", "(?:parallel )?streams?"),
            new Kind("epochs", "epochs?"));
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])" + Numbers.PATTERN + "(?![\\w.])");

    private record Kind(String name, Pattern unit) {
        Kind(String name, String unit) {
            this(name, Pattern.compile("\\s?-?(?:" + unit + ")(?![A-Za-z])", Pattern.CASE_INSENSITIVE));
        }
    }

    private Quantities() {
    }

    public static List<Quantity> of(String question) {
        String text = Numbers.normalized(question);
        List<Quantity> found = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            double value = Numbers.value(number);
            for (Kind kind : KINDS) {
                Matcher unit = kind.unit().matcher(text).region(number.end(), text.length());
                if (unit.lookingAt()) {
                    found.add(new Quantity(kind.name(), value, text.substring(number.start(), unit.end()).strip()));
                    break;
                }
            }
        }
        return List.copyOf(found);
    }

    /**
     * Whether the question asks for an allocation ("how many tokens should", "compute-optimal", "optimal size", "what
     * model size", "which size should I pick", "plan a training run"): a size or token count asked for, not predicted
     * from.
     */
    public static boolean asksForAllocation(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ALLOCATION.matcher(lower).find() || MODEL_OR_DATA.matcher(lower).find();
    }

    /**
     * The words of what the question asks a value of: those that follow an interrogative of amount ("what", "which",
     * "how much", "how many", "how big") or a verb of estimating ("predict", "estimate", "choose"), up to four words on,
     * lower case ("what loss would a 3B model reach" → loss, would, a, 3b; "which learning rate should I pick" → learning,
     * rate, should, i). Empty when it asks for no value: "does its loss curve improve?", "how can diversity be folded
     * into a fitted loss formula?", or a budget split for a choice ("should I go for more parameters or more data?",
     * "how should I split 1e23 FLOPs between parameters and data?"), which {@link #asksForAllocation} reads.
     */
    public static Set<String> askedFor(String text) {
        Set<String> words = new LinkedHashSet<>();
        String lower = text.toLowerCase(Locale.ROOT);
        Matcher asked = ASKED_FOR.matcher(lower);
        while (asked.find()) {
            List<String> found = new ArrayList<>();
            for (String word : asked.group(2).split("[^\\p{L}\\p{N}_-]+")) {
                if (!word.isEmpty()) {
                    found.add(word);
                }
            }
            // a list of what is asked runs on past a coordinator: "what learning rate and batch size" asks for both
            int coordinator = Math.max(found.lastIndexOf("and"), found.lastIndexOf("or"));
            if (coordinator > 0) {
                Matcher more = CONTINUED.matcher(lower).region(asked.end(), lower.length());
                for (int i = found.size() - coordinator; i <= AFTER_COORDINATOR && more.lookingAt(); i++) {
                    found.add(more.group(1));
                    more.region(more.end(), lower.length());
                }
            }
            words.addAll(found);
        }
        return words;
    }

    /** How many words after "and" or "or" a list of what is asked may run on. */
    private static final int AFTER_COORDINATOR = 3;
    private static final Pattern CONTINUED = Pattern.compile("[^\\p{L}\\p{N}]+([\\p{L}\\p{N}_-]+)");

    private static final Pattern ASKED_FOR = Pattern.compile("\\b(what|which|how much|how many|how big|how large|how high|how low"
            + "|predicts?|predicted|estimates?|forecasts?|expects?|choose|pick)\\b((?:[^\\p{L}\\p{N}]+[\\p{L}\\p{N}_-]+){1,4})");

    private static final Pattern ALLOCATION = Pattern.compile("\\b(optimal(ly)?|optimum|allocat\\w*|how many (tokens|parameters)"
            + "|how (big|large)|(what|which) (\\w+ )?size|should .* (see|train|use|pick|choose)|(pick|choose) .*\\b(size|tokens|parameters)"
            + "|(split|divide) .* between|plan (a|my|the|our) (\\w+ ){0,2}run)\\b");
    /** A choice between a bigger model and more data is an allocation ("a bigger model or more tokens", "more data vs. more parameters"). */
    private static final String MORE_MODEL = "(bigger|larger) models?|more parameters";
    private static final String MORE_DATA = "more (training )?(tokens|data)";
    private static final Pattern MODEL_OR_DATA = Pattern.compile("\\b((" + MORE_MODEL + ")\\W+(or|vs|versus)\\W+(\\w+ ){0,2}(" + MORE_DATA + ")"
            + "|(" + MORE_DATA + ")\\W+(or|vs|versus)\\W+(\\w+ ){0,2}(" + MORE_MODEL + "))\\b");
}
