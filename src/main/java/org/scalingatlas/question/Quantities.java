package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quantities a question states, each a number with the kind of thing it counts: "70B parameters", "a 7B
 * model", "1.4 trillion tokens", "1e24 FLOPs", "100 samples", "4 bits", "25B unique tokens". Laws declare which
 * kind each of their inputs is, so a question's numbers reach the right variables without a list of laws here.
 * Epochs stated with a token count are read as the tokens a run sees and how many of them are unique (see
 * {@link #epochsRead}); the settings a question compares are in {@link Settings}.
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

    /**
     * Data there is to train on, which repeats once a run needs more: "10 billion tokens of usable text", "50B available
     * tokens", "tokens of available in-domain data".
     */
    private static final String AVAILABLE = "(?:usable|available) (?:training )?(?:tokens?|toks?)|(?:tokens?|toks?) of (?:usable|available) (?:[\\w-]+ )?(?:text|data)";

    /**
     * The tokens a corpus or dataset holds ("a 20B-token corpus"): the unique data beside a count of tokens a run sees
     * ("a 20B-token corpus … a 1B model for 160B tokens"), else the tokens trained on ({@link #corpusRead}).
     */
    private static final String CORPUS_TOKENS = "corpus-tokens";

    /** "tokens", and as a hurried engineer writes it, "toks". */
    private static final String TOKENS = "(?:tokens?|toks?)";
    /** "non-embedding", "non-emb", with a space or a hyphen after, or in brackets: "400M (non-embedding) model". */
    private static final String NON_EMBEDDING = "\\(?non-emb(?:edding)?\\)?[ -]";

    /** Unit words after a number → the kind of quantity; the first that matches wins (longest phrases first). */
    private static final List<Kind> KINDS = List.of(
            new Kind("unique-tokens", "unique (?:training )?" + TOKENS + "|" + TOKENS + " of unique (?:data|text)|unique data|" + TOKENS + " unique|" + UNIQUE_ALONE
                    + "|" + AVAILABLE),
            new Kind("loss", "nats?(?: per token)?"),
            new Kind("inference-tokens", "(?:lifetime |total )?inference " + TOKENS + "|" + TOKENS + " (?:of|for|at) inference|" + TOKENS + " served|served " + TOKENS
                    + "|" + TOKENS + " (?:in|during) (?:production|deployment|serving)"),
            new Kind("tokens-per-parameter", TOKENS + "[- ]per[- ]param(?:eter)?s?|" + TOKENS + "/param(?:eter)?"),
            new Kind("pf-days", "pf[- ]?days?|petaflop-?days?|petaflops?/s-?days?|pf/s-?days?"),
            new Kind("flops", "(?:(?:pre-?)?training )?(?:flops?|flop budget|compute)"),
            new Kind(CORPUS_TOKENS, TOKENS + " (?:corpus|dataset|data set)"),
            new Kind("tokens", "(?:training )?" + TOKENS),
            new Kind("parameters", "(?:" + NON_EMBEDDING + ")?param(?:eter)?s?|(?:(?:" + NON_EMBEDDING + ")?parameter )?(?:dense |language |transformer )?models?"
                    + "|llms?"),
            new Kind("samples", "samples?|attempts?|tries|generations|completions"),
            new Kind("activation-bits", "(?:bits?|-bit) activations?"),
            new Kind("kv-cache-bits", "(?:bits?|-bit) (?:kv|key-value)[- ]?cache"),
            new Kind("bits", "(?:bits?|-bit)(?![- ]?equivalent)"),
            new Kind("streams", "(?:parallel )?streams?|parallel (?:copies|computations|forward passes)"),
            new Kind("epochs", "epochs?|(?:full )?passes"));
    /** A number on its own: not part of a name or a version ("GPT-4o", "1.4.2"), though it may end a sentence ("… at 2.65."). */
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])" + Numbers.PATTERN + "(?!\\w|\\.\\w)");

    private record Kind(String name, Pattern unit) {
        Kind(String name, String unit) {
            this(name, Pattern.compile("\\s?-?(?:" + unit + ")(?![A-Za-z])", Pattern.CASE_INSENSITIVE));
        }
    }

    private Quantities() {
    }

    /**
     * The kind of quantity a word shortens, when the word is one of the kind's units and the start of its name: "toks"
     * and "tok" for tokens, "params" for parameters; not "models" or "compute", which are units of a kind but other words.
     */
    public static Optional<String> shortFor(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        String stem = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
        for (Kind kind : KINDS_BY_START.getOrDefault(stem, List.of())) {
            boolean itsName = kind.name().equals(stem) || kind.name().equals(stem + "s");
            if (!itsName && kind.unit().matcher(word).matches()) {
                return Optional.of(kind.name());
            }
        }
        return Optional.empty();
    }

    /**
     * The kinds whose name starts with a text, by every such non-empty text, each list in the order of {@link #KINDS}:
     * most words start no kind's name, and are dismissed by one lookup ({@link #shortFor} is asked of every word a
     * question's laws are matched with).
     */
    private static final Map<String, List<Kind>> KINDS_BY_START = kindsByStart();

    private static Map<String, List<Kind>> kindsByStart() {
        Map<String, List<Kind>> byStart = new HashMap<>();
        for (Kind kind : KINDS) {
            for (int end = 1; end <= kind.name().length(); end++) {
                byStart.computeIfAbsent(kind.name().substring(0, end), start -> new ArrayList<>()).add(kind);
            }
        }
        byStart.replaceAll((start, kinds) -> List.copyOf(kinds));
        return Map.copyOf(byStart);
    }

    public static List<Quantity> of(String question) {
        String text = MULTIPLIER_SIGN.matcher(NUMBER_FORMAT.matcher(NumberWords.digits(Numbers.normalized(question))).replaceAll("$1-bit"))
                .replaceAll("$1 times");
        List<Stated> stated = new ArrayList<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            double value = Numbers.value(number);
            Matcher multiple = MULTIPLE.matcher(text).region(number.end(), text.length());
            if (multiple.lookingAt()) {
                // a factor is no quantity of its own, and one with no number of its kind before it says nothing
                timesStated(text, number, multiple, stated).ifPresent(stated::add);
                continue;
            }
            Quantity quantity = null;
            int end = number.end();
            Optional<Unit> unit = unitAt(text, number.end()).or(() -> keyedAt(text, number.start(), number.end()));
            if (unit.isPresent() && aRate(text, unit.get())) {
                continue; // "2 FLOPs per parameter per token", "50 tokens per second": no amount of compute or data
            }
            if (unit.isPresent()) {
                String written = text.substring(number.start(), unit.get().end()).strip();
                quantity = new Quantity(unit.get().kind(), value * unit.get().scale(), written, total(text, unit.get().end()));
                end = unit.get().end();
            }
            String before = text.substring(0, number.start());
            if (quantity != null) {
                quantity = servedIfSaid(quantity, before);
            }
            boolean guessed = quantity == null;
            if (guessed) {
                quantity = byWhatPrecedes(before, text.substring(number.end()), value, number.group().strip()).orElse(null);
            }
            stated.add(new Stated(number.start(), end, value, number.group().strip(), quantity, guessed && quantity != null));
        }
        List<Quantity> found = new ArrayList<>();
        for (int i = 0; i < stated.size(); i++) {
            Stated at = stated.get(i);
            Optional<Unit> listed = at.guessed() ? listMembersUnit(text, stated, i) : Optional.empty();
            if (listed.isPresent()) {
                found.add(servedIfSaid(new Quantity(listed.get().kind(), at.value() * listed.get().scale(), at.text()), text.substring(0, at.start())));
                continue;
            }
            if (at.quantity() != null) {
                if (!aReference(text, at)) {
                    found.add(at.quantity());
                }
                continue;
            }
            Optional<Unit> unit = listedUnit(text, stated, i);
            if (unit.isEmpty() && at.value() >= MIN_SIZE && SIZE_LETTER.matcher(at.text()).find()) {
                unit = Optional.of(new Unit("parameters", 1, at.end())); // "chinchilla loss 6.7b 135B tokens?", "a 7B on 300B tokens": a bare 7B is a model
            }
            unit.ifPresent(u -> found.add(new Quantity(u.kind(), at.value() * u.scale(), at.text())));
        }
        return epochsRead(corpusRead(found));
    }

    /**
     * Whether a ratio of tokens to parameters is one the question measures against, not one it states for its run: a
     * name's ("far beyond Chinchilla's 20 tokens per parameter"), or one a run goes past ("trained well past 20 tokens per
     * parameter"). Such a ratio is no setting of the question's.
     */
    private static boolean aReference(String text, Stated at) {
        return at.quantity().kind().equals("tokens-per-parameter") && REFERENCE.matcher(text.substring(0, at.start())).find();
    }

    /** What comes before a ratio a question measures against: a possessive, or a word of going past or comparing. */
    private static final Pattern REFERENCE = Pattern.compile("(?:\\b(?!(?:it|that|what|there|here|let|he|she|who|where|how)['’]s\\b)\\p{L}+['’]s"
            + "|\\b(?:beyond|past|than|exceeding|above|below|under|over))\\s+"
            + "(?:(?:the|its|their|about|around|roughly|some|~)\\s*)?$", Pattern.CASE_INSENSITIVE);

    /** A corpus's tokens ({@link #CORPUS_TOKENS}) as unique tokens beside a count of tokens trained on, else as tokens trained on. */
    private static List<Quantity> corpusRead(List<Quantity> found) {
        boolean trained = found.stream().anyMatch(q -> q.kind().equals("tokens"));
        return found.stream().map(q -> !q.kind().equals(CORPUS_TOKENS) ? q
                : new Quantity(trained ? "unique-tokens" : "tokens", q.value(), q.text(), q.total())).toList();
    }

    /**
     * A number format named by its width, "fp4", "FP8", "bf16", "int8", "float32", read as that many bits: "a 1B model
     * trained in fp4" states 4 bits, as "in 4-bit" does.
     */
    private static final Pattern NUMBER_FORMAT = Pattern.compile("\\b(?:fp|bf|int|uint|float|mxfp|nvfp)(\\d{1,2})\\b", Pattern.CASE_INSENSITIVE);

    /** "10x more tokens", "5× the compute": a multiplier sign, read as "times". */
    private static final Pattern MULTIPLIER_SIGN = Pattern.compile("(?<![\\w.])(\\d+(?:\\.\\d+)?)\\s*[x×](?=\\s+(?:as many|as much|more|the)\\b)",
            Pattern.CASE_INSENSITIVE);
    /**
     * What follows a factor that multiplies a number stated before: "10 times as many samples", "10 times more tokens", "4
     * times the compute". The comparative, when there is one, is its first group ("5 times more?" compares with what was
     * stated last).
     */
    private static final Pattern MULTIPLE = Pattern.compile("\\s*times\\b\\s*(?:(as many|as much|more)\\b\\s*|the\\b\\s*)?", Pattern.CASE_INSENSITIVE);

    /**
     * A verb of attempting before "N times", in the same clause: the number counts samples drawn ("let our coding model
     * attempt each issue ten times", "sample each prompt 64 times", "try every problem 5 times").
     */
    private static final Pattern TRIED_BEFORE = Pattern.compile("\\b(?:attempt(?:s|ed)?|tr(?:y|ies|ied)|sampl(?:e|es|ed)|retr(?:y|ies|ied)|re-?runs?|quer(?:y|ies|ied)|generat(?:e|es|ed))\\b"
            + "[^.?!;:]{0,40}$", Pattern.CASE_INSENSITIVE);

    /**
     * The kind of quantity whose unit is written at this place, how many of the kind's own unit one of it is (a budget in
     * PF-days is a budget in FLOPs: the laws that take PF-days convert from FLOPs), and where the unit ends.
     */
    private record Unit(String kind, double scale, int end) {
    }

    /**
     * The kind a label names, as a config file or a pasted table's header writes it ({@link PastedTables}):
     * "n_params_nonembed", "tokens_seen", "unique_tokens_available", "budget_pf_days", "N (params)". The first of
     * {@link #KINDS} whose unit is one of its words, read apart ("_" and "." as spaces); the unit's end is the caller's.
     */
    static Optional<Unit> namedBy(String label) {
        String words = " " + label.replaceAll("[_.()\\[\\]]", " ").replaceAll("\\s+", " ").strip() + " ";
        for (Kind kind : KINDS) {
            Matcher unit = kind.unit().matcher(words);
            while (unit.find()) {
                int start = unit.start() + (Character.isWhitespace(words.charAt(unit.start())) ? 1 : 0);
                if (start == 0 || !Character.isLetter(words.charAt(start - 1))) {
                    return Optional.of(kind.name().equals("pf-days") ? new Unit("flops", FLOPS_PER_PF_DAY, -1) : new Unit(kind.name(), 1, -1));
                }
            }
        }
        return Optional.empty();
    }

    /** A label set to a number, as a config file writes it: "data.total_tokens = 2.6e+11", "budget_pf_days: 50". */
    private static final Pattern KEY_BEFORE = Pattern.compile("(?:^|[\\s;,|{(])([A-Za-z][\\w.]*(?:\\s?\\([\\w\\s-]+\\))?)\\s*[=:]\\s*$");

    /**
     * The unit a config-style label before the number names ({@link #namedBy}), the number's own end as the unit's. A
     * law's symbol ("N = 1e9", "U_D = 50B") is read as the symbol it is ({@link #SYMBOLS}), not as a label.
     */
    private static Optional<Unit> keyedAt(String text, int start, int end) {
        if (!setBefore(text, start)) {
            return Optional.empty();
        }
        Matcher key = KEY_BEFORE.matcher(text.substring(Math.max(0, start - 80), start));
        if (!key.find() || SYMBOLS.containsKey(key.group(1)) || key.group(1).codePoints().filter(Character::isLetter).count() < 2) {
            return Optional.empty();
        }
        return namedBy(key.group(1)).map(unit -> new Unit(unit.kind(), unit.scale(), end));
    }

    /** Whether "=" or ":" comes right before this place, spaces aside: a number set to a label or a symbol. */
    private static boolean setBefore(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i >= 0 && (text.charAt(i) == '=' || text.charAt(i) == ':');
    }

    /** Whether the text ends saying that what it names "is" what follows, spaces aside: "alpha is 0.336". */
    private static boolean saidToBe(String before) {
        String stripped = before.stripTrailing();
        return stripped.endsWith("is") && stripped.length() > 2 && Character.isWhitespace(stripped.charAt(stripped.length() - 3));
    }

    /** The kinds a rate is written in, "per" something after the unit: compute and data (not "samples per problem"). */
    private static final Set<String> AMOUNTS = Set.of("flops", "tokens", CORPUS_TOKENS, "inference-tokens", "unique-tokens");
    /**
     * "per" or a slash right after a unit, before a word in lower case: "FLOPs per token", "2-FLOPs-per-parameter-per-token",
     * "tokens/s"; not "per" as "according to" ("1 PF-day per the Henighan paper", "per Kaplan").
     */
    private static final Pattern PER = Pattern.compile(
            "(?:\\s*-\\s*|\\s+)per(?:\\s*-\\s*|\\s+)(?!(?:the|a|an|their|its|our|my|his|her|this|that|these|those)\\b)\\p{Ll}|\\s*/\\s*\\p{L}");

    /**
     * Whether the unit of compute or data at this place is the first of a rate ("6 FLOPs per parameter per token", "50
     * tokens per second", "4M tokens per batch"): the number is no budget and no corpus. A rate the kinds name whole is
     * read before this ("20 tokens per parameter", "2.1 nats per token"), and samples are counted per problem.
     */
    private static boolean aRate(String text, Unit unit) {
        return AMOUNTS.contains(unit.kind()) && unit.end() > 0 && PER.matcher(text).region(unit.end(), text.length()).lookingAt();
    }

    /** The unit written at this place, the first of {@link #KINDS} that matches (longest phrases first). */
    private static Optional<Unit> unitAt(String text, int at) {
        for (Kind kind : KINDS) {
            Matcher unit = kind.unit().matcher(text).region(at, text.length());
            if (unit.lookingAt()) {
                return Optional.of(kind.name().equals("pf-days") ? new Unit("flops", FLOPS_PER_PF_DAY, unit.end()) : new Unit(kind.name(), 1, unit.end()));
            }
        }
        return Optional.empty();
    }

    /**
     * What a number followed by "times" states ({@link #MULTIPLE}, matched): a multiple of the last number of its kind
     * before it ("With 100 samples per problem … with ten times as many samples?" states 1,000 samples, "a 1B model on 20B
     * tokens … on 10x more tokens" 200B tokens); with a comparative that ends its clause, a multiple of the last number
     * stated, whatever its kind ("we sample 100 times per problem; what if we sample 5 times more?" states 500 samples; not
     * "4 times the model", whose unit it does not know); with neither, samples when a verb of attempting comes before it
     * ({@link #TRIED_BEFORE}). Empty otherwise: nothing of its kind was stated before ("4x the compute of 1e21 FLOPs"
     * multiplies what it has not said yet), or "3 times a week".
     */
    private static Optional<Stated> timesStated(String text, Matcher number, Matcher multiple, List<Stated> before) {
        double factor = Numbers.value(number);
        int after = multiple.end();
        Optional<Unit> unit = unitAt(text, after).or(() -> dataAt(text, after));
        Optional<Quantity> read;
        int end;
        if (unit.isPresent()) {
            String written = text.substring(number.start(), unit.get().end()).strip();
            read = lastStated(before, kind -> kind.equals(unit.get().kind())).map(base -> new Quantity(base.kind(), factor * base.value(), written));
            end = unit.get().end();
        } else {
            String written = text.substring(number.start(), after).strip();
            if (multiple.group(1) != null && CLAUSE_END.matcher(text).region(after, text.length()).lookingAt()) {
                read = lastStated(before, kind -> true).map(base -> new Quantity(base.kind(), factor * base.value(), written));
            } else {
                read = TRIED_BEFORE.matcher(text.substring(0, number.start())).find()
                        ? Optional.of(new Quantity("samples", factor, written))
                        : Optional.empty();
            }
            end = after;
        }
        return read.map(quantity -> new Stated(number.start(), end, factor, number.group().strip(), quantity, false));
    }

    /** "Data" or "text" after a factor ("10x more data", "twice the training text"): tokens. */
    private static final Pattern DATA = Pattern.compile("(?:training )?(?:data|text)\\b", Pattern.CASE_INSENSITIVE);

    private static Optional<Unit> dataAt(String text, int at) {
        Matcher data = DATA.matcher(text).region(at, text.length());
        return data.lookingAt() ? Optional.of(new Unit("tokens", 1, data.end())) : Optional.empty();
    }

    /** The last quantity read before, of a kind the test accepts. */
    private static Optional<Quantity> lastStated(List<Stated> before, Predicate<String> kind) {
        return before.reversed().stream().map(Stated::quantity).filter(base -> base != null && kind.test(base.kind())).findFirst();
    }

    /**
     * What a number without a unit counts, by what comes before or after it: a loss ("a C4 loss of 3.0", "my eval loss on
     * C4 is sitting at 2.65", "target loss 2.05"), a budget ("FLOPs budget 5e20"), samples ("pass@k for k = 5", "best-of-64"), streams
     * ("P = 4"), the
     * tokens a model is trained on ("2.7 billion on 350 billion"), and the model so trained.
     */
    private static Optional<Quantity> byWhatPrecedes(String before, String after, double value, String text) {
        if (RATIO_BEFORE.matcher(before).find() || (MULTIPLIER_BEFORE.matcher(before).find() && RATIO_NAMED.matcher(before).find())) {
            // named right before its number, it is what it names, whatever a few words back asks of it ("the predicted
            // loss at a token multiplier of 20")
            return Optional.of(new Quantity("tokens-per-parameter", value, text));
        }
        if (value < MAX_LOSS && LOSS_BEFORE.matcher(before).find()) {
            return Optional.of(new Quantity("loss", value, text));
        }
        if (value >= MIN_BUDGET && BUDGET_BEFORE.matcher(before).find()) {
            return Optional.of(new Quantity("flops", value, text));
        }
        if (SAMPLES_BEFORE.matcher(before).find()) {
            return Optional.of(new Quantity("samples", value, text));
        }
        if (STREAMS_BEFORE.matcher(before).find()) {
            return Optional.of(new Quantity("streams", value, text));
        }
        if (setBefore(before, before.length()) || saidToBe(before)) {
            Matcher constant = CONSTANT_BEFORE.matcher(before);
            if (constant.find()) {
                String letter = GREEK.getOrDefault(constant.group(1), constant.group(1).toLowerCase(Locale.ROOT));
                String name = constant.group(2) == null ? letter : letter + "_" + constant.group(2).toLowerCase(Locale.ROOT);
                return Optional.of(new Quantity(constantKind(name), value, text));
            }
        }
        Matcher symbol = SYMBOL_BEFORE.matcher(before);
        Matcher function = FUNCTION_BEFORE.matcher(before);
        Optional<String> symbolKind = symbol.find() ? symbolKind(symbol.group(1), value)
                : function.find() ? symbolKind(function.group(1), value) : Optional.empty();
        if (symbolKind.isEmpty()) {
            symbolKind = argumentOf(before, after).flatMap(symbolName -> symbolKind(symbolName, value));
        }
        if (symbolKind.isPresent()) {
            return Optional.of(new Quantity(symbolKind.get(), value, text));
        }
        if (value >= MIN_SIZE && ON_BEFORE.matcher(before).find()) {
            return Optional.of(new Quantity("tokens", value, text));
        }
        if (value >= MIN_SIZE && ON_AFTER.matcher(after).lookingAt()) {
            return Optional.of(new Quantity("parameters", value, text));
        }
        return Optional.empty();
    }

    /**
     * The symbols with a subscript a text writes, as the laws name their constants: lower case, a Greek letter spelt out,
     * braces dropped ("(N_c/N)^α_N" → n_c, alpha_n; "L_{\\infty}" → l_infty; "γ_w" → gamma_w).
     */
    public static Set<String> subscripted(String text) {
        Set<String> symbols = new LinkedHashSet<>();
        Matcher m = SUBSCRIPTED.matcher(text);
        while (m.find()) {
            String letter = GREEK.getOrDefault(m.group(1), m.group(1));
            symbols.add((letter + "_" + m.group(2).replace("{", "").replace("}", "").replace("\\", "")).toLowerCase(Locale.ROOT));
        }
        return symbols;
    }

    /** A letter or a name, an underscore and its subscript, braced or not, as a whole word ("N_c", "α_N", "p_lr_N", "C_{0}"). */
    private static final Pattern SUBSCRIPTED = Pattern.compile("(?<![\\p{L}\\p{N}_])(\\p{L}+)_(\\{[^{}\\s]{1,12}\\}|[\\p{L}\\p{N}]+(?:_[\\p{L}\\p{N}]+)*)(?![\\p{L}\\p{N}_])");

    /** The kind of number that sets a law's constant of this name ("gamma_w"): a value the asker takes for it. */
    public static String constantKind(String name) {
        return CONSTANT + name;
    }

    /** How the kind of a constant's value opens ({@link #constantKind}). */
    public static final String CONSTANT = "constant:";

    /**
     * A law's constant, written as the laws name theirs (a Greek letter, spelt or not, with a subscript), set to the number
     * after it: "γ_w = 2.7", "gamma_kv=1.9", "α = 0.34". The asker's own value for it: Kumar et al.'s effective
     * parameters carry the form only and run with the γ a question gives.
     */
    private static final Pattern CONSTANT_BEFORE = Pattern.compile("(?<![\\p{L}\\p{N}_.])(γ|α|β|η|λ|gamma|alpha|beta|eta|lambda)"
            + "(?:_\\{?([A-Za-z]{1,3})\\}?)?(?:\\s*=|\\s+is)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> GREEK = Map.of("γ", "gamma", "α", "alpha", "β", "beta", "η", "eta", "λ", "lambda");

    /** Sizes and token counts this large or larger; smaller unitless numbers are counts of something else. */
    private static final double MIN_SIZE = 1e6;
    /** A number written with a size letter: "7B", "6.7b", "400M" (not "400 million", which says nothing of a model). */
    private static final Pattern SIZE_LETTER = Pattern.compile("\\d[bBmM]$");
    /**
     * The symbols the laws write for the quantities they read, each of one kind in every law that writes it (a test keeps
     * this true of the law files): Kaplan's and Hoffmann's N and D, Gadre's M, Muennighoff's U_D, Sardana's D_inf, Gadre's
     * L. "C", "k" and "P" have patterns of their own (a budget's size; P is also Kumar's precision, read as streams).
     */
    private static final Map<String, String> SYMBOLS = Map.of("N", "parameters", "D", "tokens", "M", "tokens-per-parameter", "U_D", "unique-tokens",
            "D_inf", "inference-tokens", "L", "loss");
    /** One of {@link #SYMBOLS} set to the number after it: "M = 80", "N=1e9", "U_D = 50B". */
    private static final Pattern SYMBOL_BEFORE = Pattern.compile("(?<![\\w.])(U_D|D_inf|N|D|M|L)\\s*=\\s*$");

    /**
     * A law's function of one symbol written before the number, in the same clause with no other number between: the
     * number is that symbol's value ("err(L) at 3.1", "kaplan L(N) at 3e8", "N*(C) at 1e21", "c(k) at 50", "L(N) for
     * video at 1e8").
     */
    private static final Pattern FUNCTION_BEFORE = Pattern.compile("\\p{L}[\\p{L}\\p{N}_]*\\*?\\(\\s*([A-Za-z](?:_[A-Za-z]+)?)\\s*\\)[^\\d.;:?!()]{0,40}$");

    /** A function applied to the number: "c(" before it, ")" after it. */
    private static final Pattern APPLIED = Pattern.compile("(?<![\\p{L}\\p{N}_])(\\p{L}[\\p{L}\\p{N}_]{0,11})\\*?\\(\\s*$");
    private static final Pattern CLOSED = Pattern.compile("\\s*\\)");

    /**
     * The symbol a number stands for as the argument of a function the text also writes with that symbol: "c(k) =
     * exp(a k^b) … c(10) vs c(100)?" sets k to 10 and to 100, "L(N) = (N_c/N)^α_N; L(8.5e7)?" N to 8.5e7. The asker's own
     * notation says which input the number is.
     */
    private static Optional<String> argumentOf(String before, String after) {
        if (!before.stripTrailing().endsWith("(")) {
            return Optional.empty();
        }
        Matcher applied = APPLIED.matcher(before);
        if (!applied.find() || !CLOSED.matcher(after).lookingAt()) {
            return Optional.empty();
        }
        Matcher written = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(applied.group(1)) + "\\*?\\(\\s*([A-Za-z](?:_[A-Za-z]+)?)\\s*\\)")
                .matcher(before + " " + after);
        return written.find() ? Optional.of(written.group(1)) : Optional.empty();
    }

    /**
     * The kind of quantity a law's symbol names when set to this value: one of {@link #SYMBOLS}, a budget for C (when
     * large enough to be one), samples for k.
     */
    private static Optional<String> symbolKind(String symbol, double value) {
        if (SYMBOLS.containsKey(symbol)) {
            return Optional.of(SYMBOLS.get(symbol));
        }
        if (symbol.equals("C") && value >= MIN_BUDGET) {
            return Optional.of("flops");
        }
        return symbol.equals("k") ? Optional.of("samples") : Optional.empty();
    }

    /** The kind of quantity a law's symbol names as the question reads it ("M" → tokens-per-parameter), if it reads that symbol. */
    public static Optional<String> kindOfSymbol(String symbol) {
        return Optional.ofNullable(SYMBOLS.get(symbol));
    }

    /** Parallel streams named by ParScale's symbol before their number: "P = 4". */
    private static final Pattern STREAMS_BEFORE = Pattern.compile("\\bP\\s*=\\s*$");
    /** Tokens per parameter named before their number: "a token multiplier of 20" (Gadre et al.'s M), "a tokens-per-parameter ratio of 100". */
    private static final Pattern RATIO_BEFORE = Pattern.compile("\\b(?:token multiplier|tokens?[- ]per[- ]parameter(?: ratio)?|token[- ]to[- ]parameter ratio)"
            + "\\s*(?:of|=|:|is|M\\s*=)?\\s*$", Pattern.CASE_INSENSITIVE);
    /** The token multiplier named before, anywhere: what "a multiplier of 160" after it is. */
    private static final Pattern RATIO_NAMED = Pattern.compile("\\btoken multiplier\\b", Pattern.CASE_INSENSITIVE);
    /** A multiplier named right before its number, without saying of what: "and also at a multiplier of 160". */
    private static final Pattern MULTIPLIER_BEFORE = Pattern.compile("\\bmultiplier\\s*(?:of|=|:|is)?\\s*$", Pattern.CASE_INSENSITIVE);
    /** Samples named before their number: "pass@k for k = 5", "pass@100", "best-of-64", "Best of 16". */
    private static final Pattern SAMPLES_BEFORE = Pattern.compile("(?:\\bk\\s*=|\\bpass\\s*@|\\bbest[- ]of[- ])\\s*$", Pattern.CASE_INSENSITIVE);
    /** A compute budget named before its number: "FLOPs budget 5e20", "a compute budget of 1e22", "C = 3e21". */
    private static final Pattern BUDGET_BEFORE = Pattern.compile("\\b(?:(?:flops?|compute|training compute)(?:\\s+budget)?|budget|c)\\s*(?:of|=|:|is)?\\s*$",
            Pattern.CASE_INSENSITIVE);
    /** Budgets are this large or larger: a thousand parameters on a thousand tokens. */
    private static final double MIN_BUDGET = 1e15;
    private static final Pattern ON_BEFORE = Pattern.compile("\\b(?:trained\\s+|training\\s+)?on\\s+(?:about\\s+|around\\s+|~\\s*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ON_AFTER = Pattern.compile("\\s+(?:trained\\s+|training\\s+)?on\\s+(?:about\\s+|around\\s+|~\\s*)?\\d", Pattern.CASE_INSENSITIVE);
    /** Tokens a model serves: "serve it for 3 trillion tokens", "both will serve 1T tokens", "process about 500B tokens". */
    private static final Pattern SERVED = Pattern.compile("\\b(?:serv(?:e|es|ed|ing)|process(?:es|ed|ing)?)\\b[^.;:?!]{0,30}$", Pattern.CASE_INSENSITIVE);
    /**
     * "Inference" a few words before a token count, with no training verb or model size between ("an inference budget of
     * 2T tokens", "lifetime inference 0 vs 1T vs 10T toks"; not "inference-aware scaling for 7B on 2T tokens", nor "to
     * save on inference we train on 2T tokens").
     */
    private static final Pattern INFERENCE_SAID = Pattern.compile("\\binference(?![-\\w])(?![^.;:?!]*\\btrain)(?![^.;:?!]*\\d\\s*[mb]\\b)[^.;:?!]{0,30}$",
            Pattern.CASE_INSENSITIVE);

    /** Tokens said to be served are inference tokens: "serve it for 3 trillion tokens", "lifetime inference 0 vs 1T vs 10T toks". */
    private static Quantity servedIfSaid(Quantity quantity, String before) {
        return quantity.kind().equals("tokens") && (SERVED.matcher(before).find() || INFERENCE_SAID.matcher(before).find())
                ? new Quantity("inference-tokens", quantity.value(), quantity.text(), quantity.total()) : quantity;
    }
    /** One petaflop/s-day in FLOPs: a budget in PF-days is a budget in FLOPs. */
    public static final double FLOPS_PER_PF_DAY = 8.64e19;
    /**
     * A loss stated before its number, which has no unit after it, within a few words: "a C4 loss of 3.0", "if the eval
     * loss is 3.1", "my eval loss on C4 is sitting at 2.65", "target loss 2.05", "loss from 2.9 down to 2.6"; a number of
     * {@value #MAX_LOSS} or more after "loss" counts something else ("the loss at 1e22").
     */
    private static final Pattern LOSS_BEFORE = Pattern.compile("\\bloss(?:es)?\\b(?:\\s+[\\p{L}\\d-]+){0,4}?\\s*(?:(?:of|is|was|=|:|to|from|down|reaches|reach|hits|"
            + "around|about|near|below|under|roughly|approximately|at)\\s*){0,3}(?:~\\s*)?$", Pattern.CASE_INSENSITIVE);
    /** Losses in nats or bits per token are small numbers; a larger one after "loss" counts something else. */
    private static final double MAX_LOSS = 100;


    /** The words a question uses as the units of the numbers it states ({@link #of}), lower case: "toks" and "params" in "3B params, 600B toks". */
    public static Set<String> unitWords(List<Quantity> stated) {
        Set<String> units = new LinkedHashSet<>();
        for (Quantity quantity : stated) {
            for (String word : quantity.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}-]+")) {
                if (!word.isEmpty() && word.chars().noneMatch(Character::isDigit)) {
                    units.add(word);
                }
            }
        }
        return units;
    }

    /**
     * The unit of the list a number opens, when it is the same kind of quantity as the member that names it, for a number
     * whose kind was only guessed from the words before it: in "what loss would we get with 1, 2, 4 or 8 streams?" the 1
     * counts streams, not a loss, and in "what loss at 10 and 100 PF-days?" the 10 is PF-days. Same kind: within a factor
     * of {@value #SAME_KIND} of that member ("target loss 2.05, 1e11 tokens" keeps its loss).
     */
    private static Optional<Unit> listMembersUnit(String text, List<Stated> stated, int i) {
        for (int next = i + 1; next < stated.size() && joined(text, stated.get(next - 1), stated.get(next)); next++) {
            Stated member = stated.get(next);
            if (member.quantity() != null && !member.guessed()) {
                double ratio = Math.abs(member.value() / stated.get(i).value());
                boolean alike = ratio <= SAME_KIND && ratio >= 1 / SAME_KIND;
                return alike && !member.quantity().kind().equals(stated.get(i).quantity().kind()) ? Optional.of(unitOf(member)) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** How far apart two values of one list may be and still count the same kind of thing. */
    private static final double SAME_KIND = 1e3;

    /**
     * A number where the question states it (to the end of its unit, when one follows it), and what it counts.
     *
     * @param guessed whether its kind was read from the words before it, not from a unit after it
     */
    private record Stated(int start, int end, double value, String text, Quantity quantity, boolean guessed) {
    }

    /** What joins the numbers of a list: "1B, 3B and 7B models", "1e22 or 1e24 FLOPs", "at 1e22 and at 1e24 FLOPs", "1T tokens versus 2T". */
    private static final Pattern LIST = Pattern.compile("\\s*(?:,\\s*(?:(?:and|or)\\s+)?|\\s(?:and|or|vs\\.?|versus)\\s+)(?:(?:a|an|at|on|with|for)\\s+)?",
            Pattern.CASE_INSENSITIVE);
    /**
     * The end of a clause: what may follow the last number of a list that takes the unit of the one before, and a
     * comparative that has said all it compares ("5 times more?", "ten times as many, …").
     */
    private static final Pattern CLAUSE_END = Pattern.compile("\\s*(?:[?.,;:!)]|$)");

    /**
     * The unit of a number stated without one in a list whose other numbers have one: the unit of the list's next number
     * ("a 1B, a 3B and a 7B model", "at 1e22 and at 1e24 FLOPs", "at 10 and 100 PF-days", which are 10 and 100 PF-days in
     * FLOPs), or, in a list that ends its clause, of the nearest member before it that has one ("on 1T tokens versus 2T?",
     * "P = 2, 4 and 8"), and for a number that ends its clause, of the one before when the words between compare the two
     * ({@link #comparedWith}: "trained with 10 PF-days of compute, versus one trained with a thousand?"), or of the one
     * before in its sentence when "one" stands after it for what that one counted ("a 1.2 billion parameter model compared
     * with a 150 million one"). Empty for a number outside such a list.
     */
    private static Optional<Unit> listedUnit(String text, List<Stated> stated, int i) {
        for (int next = i + 1; next < stated.size() && joined(text, stated.get(next - 1), stated.get(next)); next++) {
            if (stated.get(next).quantity() != null) {
                return Optional.of(unitOf(stated.get(next)));
            }
        }
        Stated at = stated.get(i);
        if (i > 0 && stated.get(i - 1).quantity() != null && comparedWith(text, stated.get(i - 1), at)
                && CLAUSE_END.matcher(text).region(at.end(), text.length()).lookingAt()) {
            return Optional.of(unitOf(stated.get(i - 1)));
        }
        if (i > 0 && stated.get(i - 1).quantity() != null && repeatsItsFrame(text, stated.get(i - 1), at)
                && CLAUSE_END.matcher(text).region(at.end(), text.length()).lookingAt()) {
            return Optional.of(unitOf(stated.get(i - 1))); // "when it has 3×10^7 parameters, and when it has 3×10^8?"
        }
        if (i > 0 && stated.get(i - 1).quantity() != null && ONE_AFTER.matcher(text).region(at.end(), text.length()).lookingAt()
                && SAME_SENTENCE.matcher(text.substring(stated.get(i - 1).end(), at.start())).matches()) {
            return Optional.of(unitOf(stated.get(i - 1))); // "a 1.2 billion parameter model compared with a 150 million one"
        }
        // the list ends its clause: the unit of the nearest member before it that has one ("on 1T tokens versus 2T?", "P =
        // 2, 4 and 8", "k = 1, 10 or 100")
        int last = i;
        while (last + 1 < stated.size() && joined(text, stated.get(last), stated.get(last + 1)) && stated.get(last + 1).quantity() == null) {
            last++;
        }
        boolean endsClause = CLAUSE_END.matcher(text).region(stated.get(last).end(), text.length()).lookingAt();
        for (int before = i - 1; endsClause && before >= 0 && joined(text, stated.get(before), stated.get(before + 1)); before--) {
            if (stated.get(before).quantity() != null) {
                return Optional.of(unitOf(stated.get(before)));
            }
        }
        return Optional.empty();
    }

    /** The last word of a text, with the spaces and punctuation after it: the word right before a number. */
    private static final Pattern LAST_WORD = Pattern.compile("(\\p{L}+)\\W*$");
    /** A word that sets a second case against a first: "and", "or", "versus", "against", "compared". */
    private static final Pattern ANOTHER_CASE = Pattern.compile("\\b(?:and|or|vs\\.?|versus|against|compared)\\b", Pattern.CASE_INSENSITIVE);

    /**
     * Whether a bare number repeats the frame of the number before it in its sentence: the same word stands right before
     * each, and a word setting another case against the first lies between ("what is the loss when the model has 3×10^7
     * parameters, and when it has 3×10^8?"): the second is in the first's unit. Not a plain number after one written
     * with its magnitude ("trained on 20B tokens, or only on 5" may mean 5B).
     */
    private static boolean repeatsItsFrame(String text, Stated first, Stated second) {
        if (first.end() > second.start() || (PLAIN.matcher(second.text()).matches() && !PLAIN.matcher(first.text()).matches())) {
            return false; // after "20B tokens", "or only on 5" may mean 5B
        }
        String between = text.substring(first.end(), second.start());
        Matcher before = LAST_WORD.matcher(text.substring(0, first.start()));
        Matcher again = LAST_WORD.matcher(between);
        return SAME_SENTENCE.matcher(between).matches() && ANOTHER_CASE.matcher(between).find() && before.find() && again.find()
                && before.group(1).equalsIgnoreCase(again.group(1));
    }

    /** "One" or "ones" after a number, standing for what the number before it counted: "a 1.2B model versus a 150 million one". */
    private static final Pattern ONE_AFTER = Pattern.compile("\\s+ones?\\b", Pattern.CASE_INSENSITIVE);
    /** Words within one sentence. */
    private static final Pattern SAME_SENTENCE = Pattern.compile("[^.?!;]*");

    /** The unit a stated number was read in: its quantity's kind, and how many of the kind's own unit one of it is. */
    private static Unit unitOf(Stated stated) {
        double scale = stated.value() == 0 ? 1 : stated.quantity().value() / stated.value();
        return new Unit(stated.quantity().kind(), scale, stated.end());
    }

    /**
     * Whether two numbers follow one another in a list: only a list's joining words between the first (and its unit) and
     * the second, or "to" after "from" ("from 1e22 to 2e22 FLOPs", not "1 to 10 trillion tokens", a range).
     */
    private static boolean joined(String text, Stated first, Stated second) {
        if (first.end() > second.start()) {
            return false;
        }
        String between = text.substring(first.end(), second.start());
        return LIST.matcher(between).matches() || (FROM.matcher(text.substring(0, first.start())).find() && TO.matcher(between).matches());
    }

    /**
     * Whether a number is set against the one before it, the words between comparing two things of which the second is
     * only named again ("a model trained with 10 PF-days of compute, versus one trained with a thousand"), or saying that
     * the second is where the first should go ("a loss of 2.9 … should get down to 2.6"): the first a plain number
     * ({@link #PLAIN}), the second plain or with its magnitude spelled out ({@link #SPELLED}).
     */
    private static boolean comparedWith(String text, Stated first, Stated second) {
        return first.end() <= second.start() && PLAIN.matcher(first.text()).matches() && SPELLED.matcher(second.text()).matches()
                && COMPARED.matcher(text.substring(first.end(), second.start())).matches();
    }

    /**
     * A number written in digits alone, with no magnitude ("10", "1000", "a thousand" once read as digits; not "2T" or
     * "1e21"): compared with one, a bare number is in the same unit; after "2T tokens", "or a run on 4" may mean 4T.
     */
    private static final Pattern PLAIN = Pattern.compile("[\\d.,]+");
    /** A number compared with a plain one may spell its magnitude: "versus one trained with a thousand". */
    private static final Pattern SPELLED = Pattern.compile("[\\d.,]+(?: (?:hundred|thousand|million|billion|trillion))?", Pattern.CASE_INSENSITIVE);

    /**
     * What lies between a number and the one it is compared with: no end of sentence, then a word of comparison and a few
     * words; or, over the end of a sentence, a target ("sits at a loss of 2.9, and the next version should get down to
     * 2.6", "a loss of 3.0 on C4. If we can bring that down to 2.6, …").
     */
    private static final Pattern COMPARED = Pattern.compile("[^.?!;:]*\\b(?:versus|vs\\.?|compared (?:to|with)|against|or)\\s+[^.?!;:,\\d]{0,30}"
            + "|[^?!;:]*\\b(?:down|up) to\\s+[^.?!;:,\\d]{0,30}",
            Pattern.CASE_INSENSITIVE);

    /** "From" (or a verb of change) earlier in the clause: "from 1e22 to 2e22 FLOPs", "doubled our 350M-param model to 700M". */
    private static final Pattern FROM = Pattern.compile("\\b(?:from|doubl\\w*|tripl\\w*|halv\\w*|increas\\w*|grow\\w*|rais\\w*|push\\w*|scal\\w*|go|going|mov\\w*)\\b"
            + "[^,;:.?!]{0,40}$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TO = Pattern.compile("\\s+(?:models?\\s+|down\\s+|up\\s+)?to\\s+(?:an?\\s+|the\\s+)?", Pattern.CASE_INSENSITIVE);

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
        List<Quantity> stated = found.stream().filter(q -> q.kind().equals("epochs") && q.value() > 0).toList();
        if (stated.size() > 1) {
            return epochsListed(found, stated);
        }
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

    /**
     * Several epochs compared ({@link #epochsRead} reads one), over a count of unique tokens or of a dataset's tokens:
     * <ul>
     *   <li>"25B unique tokens for 2, 4 or 16 epochs": each becomes the tokens the run sees, 50B, 100B and 400B, where it
     *   stood.</li>
     *   <li>"30B tokens of data for 2 or 4 epochs": the same, the 30B read as unique tokens.</li>
     *   <li>"25B unique tokens; 50B, 100B or 400B tokens in total (so 2, 4 and 16 epochs)": each epochs value restates a
     *   token count given, and is dropped.</li>
     * </ul>
     * Otherwise the numbers are left as stated.
     */
    private static List<Quantity> epochsListed(List<Quantity> found, List<Quantity> epochs) {
        List<Quantity> tokens = found.stream().filter(q -> q.kind().equals("tokens")).toList();
        Optional<Quantity> unique = first(found, "unique-tokens");
        Quantity data;
        if (unique.isPresent() && !tokens.isEmpty()) {
            boolean restated = epochs.stream().allMatch(e -> tokens.stream().anyMatch(t -> close(t.value(), e.value() * unique.get().value())));
            return restated ? found.stream().filter(q -> !epochs.contains(q)).toList() : List.copyOf(found);
        } else if (unique.isPresent()) {
            data = unique.get();
        } else if (tokens.size() == 1) {
            data = unique(tokens.get(0));
        } else {
            return List.copyOf(found);
        }
        List<Quantity> read = new ArrayList<>();
        for (Quantity quantity : found) {
            if (epochs.contains(quantity)) {
                String times = quantity.text().chars().anyMatch(Character::isLetter) ? quantity.text() : quantity.text() + " epochs";
                read.add(new Quantity("tokens", quantity.value() * data.value(), times + " of " + data.text(), true));
            } else {
                read.add(quantity.kind().equals("tokens") ? data : quantity);
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
}
