package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingatlas.question.Concept;
import org.scalingatlas.question.AskedFor;
import org.scalingatlas.question.Quantities;
import org.scalingatlas.question.Settings;

/**
 * What a question gives the laws and asks of them, read from its text once and handed to every step that runs a law:
 * an answer may try a dozen notes' laws on the same question before one of them answers it.
 *
 * @param given      the numbers the question states, with their kinds ({@link Quantities#of}): those of the first
 *                   setting it compares when it compares several ({@link Settings#of})
 * @param compared   the other settings it compares, each the numbers of one run ("… or a 13B model on 1T tokens"),
 *                   none when it compares none
 * @param unplaced   numbers it states that go with no setting, as no pairing of them is said
 * @param allocation whether it asks for an allocation ({@link AskedFor#allocation})
 * @param valuesOf   what it asks a value of ({@link AskedFor#words}), each word in the singular as output names are
 *                   read ("what learning rate …" → learning, rate)
 * @param words      every word of the question, lower case and in the singular
 * @param sequence   the same words in the question's order, a size written with "×" as with "x" ("32×32" → 32x32)
 * @param outsideAsides the words of {@code sequence} outside the lists it gives between parentheses: what a question lists
 *                   in passing ("that cross-domain paper (images, video, math, text)") names no setting it asks about,
 *                   while a single thing between them glosses the words before it ("general text (the Pile)")
 * @param names      the names it uses that may be laws' eponyms ("Kaplan", "Chinchilla"): its proper nouns, and the
 *                   others {@link InlineCalculations#names} reads
 * @param symbols    the functions it writes as a law's name writes them ("L(C_min)", "N_opt(C)", "Err(L)"), each in the
 *                   form of {@link #symbols}: which of a named author's laws it asks about
 */
public record Asked(List<Calculation.Given> given, List<List<Calculation.Given>> compared, List<Calculation.Given> unplaced, boolean allocation,
        Set<String> valuesOf, Set<String> words, List<String> sequence, List<String> outsideAsides, Set<String> names, Set<String> symbols) {

    public Asked {
        given = List.copyOf(given);
        compared = compared.stream().map(List::copyOf).toList();
        unplaced = List.copyOf(unplaced);
        valuesOf = Set.copyOf(valuesOf);
        words = Set.copyOf(words);
        sequence = List.copyOf(sequence);
        outsideAsides = List.copyOf(outsideAsides);
        names = Set.copyOf(names);
        symbols = Set.copyOf(symbols);
    }

    private static final Pattern TIMES_BETWEEN_DIGITS = Pattern.compile("(\\d)\\s*×\\s*(\\d)");
    /** A square size written apart: "16 x 16", "16-by-16", "16 by 16". */
    private static final Pattern SQUARE_APART = Pattern.compile("\\b(\\d+)\\s*-?\\s*(?:x|by)\\s*-?\\s*\\1\\b", Pattern.CASE_INSENSITIVE);
    /** A square image's side in pixels: "32px", "32-pixel", "32-pixel-square". */
    private static final Pattern SIDE_IN_PIXELS = Pattern.compile("(?<![x×])\\b(\\d+)\\s*-?\\s*(?:px|pixels?)(?:[\\s-]+square)?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LISTED_ASIDE = Pattern.compile("\\([^()]*[,;][^()]*\\)");

    /** The question read for its laws. */
    public static Asked of(String question, Set<String> names) {
        return of(question, Quantities.of(question), names);
    }

    /** The question read for its laws, its numbers already read ({@link Quantities#of}). */
    public static Asked of(String question, List<Quantities.Quantity> stated, Set<String> names) {
        Settings settings = Settings.of(stated);
        List<List<Calculation.Given>> runs = settings.settings().stream().map(Asked::given).toList();
        Set<String> valuesOf = AskedFor.words(question).stream().map(Asked::singular).collect(Collectors.toSet());
        valuesOf.addAll(primed(question));
        // a choice between training runs asks which does better, not how to split a budget ("should I train a 3B model on
        // 300B tokens or a 1B model on 900B tokens?")
        boolean allocation = AskedFor.allocation(question) && !comparesRuns(runs);
        String sizes = sizes(question);
        return new Asked(runs.get(0), runs.subList(1, runs.size()), given(settings.unplaced()), allocation, valuesOf, words(question), wordsInOrder(sizes),
                wordsInOrder(LISTED_ASIDE.matcher(sizes).replaceAll(" ")), names, symbols(question));
    }

    /** A symbol with a prime, as a law's output is written ("D'", "N'", "U_N'"): what a question names it by. */
    private static final Pattern PRIMED = Pattern.compile("(?<![\\p{L}\\p{N}_])\\p{L}(?:_[\\p{L}\\p{N}]+)?['′](?![\\p{L}\\p{N}])");

    /**
     * The primed symbols a question writes, lower case ("D' for N = 5e8, D = 1e11, U_D = 1e10" → d'): a quantity asked
     * for by its symbol, which the words of the question, cut at the prime, would read as "d".
     */
    static Set<String> primed(String question) {
        return PRIMED.matcher(question).results().map(m -> m.group().replace('′', '\'').toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    /** The question with every size written as one word: "32×32", "16 x 16", "16-by-16" → 16x16, "32px", "32-pixel" → 32x32. */
    static String sizes(String question) {
        String sizes = TIMES_BETWEEN_DIGITS.matcher(question).replaceAll("$1x$2");
        sizes = SQUARE_APART.matcher(sizes).replaceAll("$1x$1");
        return SIDE_IN_PIXELS.matcher(sizes).replaceAll("$1x$1");
    }

    private static boolean comparesRuns(List<List<Calculation.Given>> runs) {
        return runs.size() > 1 && states(runs.get(0), "parameters") && states(runs.get(0), "tokens");
    }

    /** Every setting of the question's numbers, the first one first. */
    private List<List<Calculation.Given>> runs() {
        List<List<Calculation.Given>> runs = new java.util.ArrayList<>(List.of(given));
        runs.addAll(compared);
        return runs;
    }

    private static boolean states(List<Calculation.Given> given, String kind) {
        return given.stream().anyMatch(g -> g.kind().equals(kind));
    }

    private static List<Calculation.Given> given(List<Quantities.Quantity> quantities) {
        return quantities.stream().map(q -> new Calculation.Given(q.kind(), q.value())).toList();
    }

    /**
     * Whether the question could be answered by a calculation at all: it asks to split a compute budget it states, asks
     * a value of something ({@link AskedFor#words}), chooses between training runs ({@link #comparesRuns}), or writes a
     * law's function beside a number ("err(L) at 3.1");
     * "Is it worth training a 1B model on 2T tokens?" gives numbers but asks for none.
     */
    public boolean asksForAValue() {
        return (allocation && states("flops")) || !valuesOf.isEmpty() || comparesRuns() || (!symbols.isEmpty() && !given.isEmpty());
    }

    /** Whether the question compares training runs, each stating a model size and its tokens ("a 3B model on 300B tokens or a 1B model on 900B tokens"). */
    public boolean comparesRuns() {
        return comparesRuns(runs());
    }

    /**
     * Whether the question asks the value of an allocated amount ("how many tokens per parameter", "what model size in
     * parameters"), which a plan gives even at a representative budget; "what step size should I use" does not.
     */
    public boolean asksForAnAllocatedAmount() {
        return valuesOf.stream().anyMatch(ALLOCATED_WORDS::contains);
    }

    /** Whether the question states a number of this kind. */
    boolean states(String kind) {
        return states(given, kind);
    }

    /** The parts of an output's name that make it an allocated amount: N_opt, D_opt, C, tokens_per_parameter, train_flops. */
    static final Set<String> ALLOCATED = Set.of("n", "d", "c", "tokens", "parameters", "flops", "compute");
    /** The same, as a question's words are read (in the singular). */
    private static final Set<String> ALLOCATED_WORDS = ALLOCATED.stream().map(Asked::singular).collect(Collectors.toUnmodifiableSet());

    private static final Pattern SYMBOL = Pattern.compile("[\\p{L}][\\p{L}\\p{N}]*(?:_[\\p{L}\\p{N}]+)?\\*?\\s*\\([^()]{1,20}\\)");

    /**
     * The functions a text writes, lower case and without spaces ("Kaplan L(C_min)" → l(c_min), "L(N, D)" → l(n,d)): how
     * a law's name writes what it computes, and how a question may name the law among an author's several.
     */
    public static Set<String> symbols(String text) {
        Set<String> symbols = new HashSet<>();
        Matcher m = SYMBOL.matcher(text);
        while (m.find()) {
            symbols.add(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", ""));
        }
        return symbols;
    }

    /** A text's words, lower case and in the singular, as output names and units are matched against a question. */
    static Set<String> words(String text) {
        return new HashSet<>(wordsInOrder(text));
    }

    /** As {@link #words}, in the text's order ("total compute": total, then compute). */
    static List<String> wordsInOrder(String text) {
        List<String> words = new ArrayList<>();
        for (String word : Concept.withoutPossessives(text.toLowerCase(Locale.ROOT)).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(singular(word));
            }
        }
        return words;
    }

    /** A word in the singular, a unit's short form read as its kind's name ("toks" → token, "params" → parameter). */
    static String singular(String word) {
        String named = Quantities.shortFor(word).orElse(word);
        return named.length() > 3 && named.endsWith("s") && !named.endsWith("ss") ? named.substring(0, named.length() - 1) : named;
    }
}
