package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantities a question states, each a number with the kind of thing it counts: "70B parameters", "a 7B
 * model", "1.4 trillion tokens", "1e24 FLOPs", "100 samples", "4 bits", "25B unique tokens". Laws declare which
 * kind each of their inputs is, so a question's numbers reach the right variables without a list of laws here.
 * Epochs stated with a token count are read as the tokens a run sees and how many of them are unique (see
 * {@link #epochsRead}).
 */
public final class Quantities {

    /**
     * A number in a question and what it counts.
     *
     * @param total whether the question calls it a total ("120B tokens in total"), or it is one worked out from others
     */
    public record Quantity(String kind, double value, String text, boolean total) {

        public Quantity(String kind, double value, String text) {
            this(kind, value, text, false);
        }
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
            new Kind("epochs", "epochs?|(?:full )?passes"));
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
                    found.add(new Quantity(kind.name(), value, text.substring(number.start(), unit.end()).strip(), total(text, unit.end())));
                    break;
                }
            }
        }
        return epochsRead(found);
    }

    /** "In total" (or "total", "overall", "altogether", "all told") right after a quantity. */
    private static final Pattern TOTAL = Pattern.compile("\\s*(?:[,(]\\s*)?(?:in total|in all|total|overall|altogether|all told)\\b", Pattern.CASE_INSENSITIVE);

    private static boolean total(String text, int from) {
        return TOTAL.matcher(text).region(from, text.length()).lookingAt();
    }

    /** Two token counts this close in ratio to the epochs are the data and the whole run ("4 epochs of 30B, i.e. 120B"). */
    private static final double SAME = 0.02;

    /**
     * Epochs with a token count, read as what the laws take: the tokens a run sees (D, repeats included) and the unique
     * tokens among them (U_D). No law reads epochs; Muennighoff's reads D and U_D, of which epochs are the ratio.
     * <ul>
     *   <li>"30B unique tokens for 4 epochs": D = 120B tokens beside them.</li>
     *   <li>"30B tokens for 4 epochs", "4 epochs over 30B tokens": a dataset seen 4 times, U_D = 30B and D = 120B.</li>
     *   <li>"4 epochs, 120B tokens in total": D = 120B and U_D = 30B.</li>
     *   <li>"4 epochs of 30B tokens each, i.e. 120B tokens": the count that is the epochs times the other is D.</li>
     * </ul>
     * The epochs are then read through D and U_D and no longer stand alone; numbers that disagree ("4 epochs of 30B
     * tokens, 200B in all", or a unique count beside a token count that is not its multiple) are left as stated, so an
     * answer says which it leaves aside rather than choosing one.
     */
    private static List<Quantity> epochsRead(List<Quantity> found) {
        Optional<Quantity> epochs = first(found, "epochs");
        if (epochs.isEmpty() || epochs.get().value() <= 0) {
            return List.copyOf(found);
        }
        double times = epochs.get().value();
        List<Quantity> tokens = found.stream().filter(q -> q.kind().equals("tokens")).toList();
        Optional<Quantity> unique = first(found, "unique-tokens");
        Quantity seen;
        Quantity data;
        if (unique.isPresent()) {
            data = unique.get();
            Optional<Quantity> matching = tokens.stream().filter(t -> close(t.value(), times * data.value())).findFirst();
            if (tokens.isEmpty()) {
                seen = new Quantity("tokens", times * data.value(), epochs.get().text() + " of " + data.text(), true);
            } else if (matching.isPresent()) {
                seen = matching.get();
            } else {
                return List.copyOf(found);
            }
        } else if (tokens.size() == 2 && close(tokens.get(1).value(), times * tokens.get(0).value())) {
            data = unique(tokens.get(0));
            seen = tokens.get(1);
        } else if (tokens.size() == 1 && tokens.get(0).total()) {
            seen = tokens.get(0);
            data = new Quantity("unique-tokens", seen.value() / times, seen.text() + " over " + epochs.get().text(), false);
        } else if (tokens.size() == 1) {
            data = unique(tokens.get(0));
            seen = new Quantity("tokens", times * data.value(), epochs.get().text() + " of " + data.text(), true);
        } else {
            return List.copyOf(found);
        }
        // the run's tokens and its unique data stand where the first token count stood, the epochs in neither place
        List<Quantity> read = new ArrayList<>();
        boolean placed = false;
        for (Quantity quantity : found) {
            boolean replaced = quantity.kind().equals("tokens") || quantity.kind().equals("unique-tokens") || quantity == epochs.get();
            if (replaced && !placed && quantity != epochs.get()) {
                read.add(seen);
                read.add(data);
                placed = true;
            } else if (!replaced) {
                read.add(quantity);
            }
        }
        return List.copyOf(read);
    }

    private static Quantity unique(Quantity tokens) {
        return new Quantity("unique-tokens", tokens.value(), tokens.text(), false);
    }

    private static Optional<Quantity> first(List<Quantity> found, String kind) {
        return found.stream().filter(q -> q.kind().equals(kind)).findFirst();
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));
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
