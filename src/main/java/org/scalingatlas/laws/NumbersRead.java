package org.scalingatlas.laws;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.question.Quantities;

/**
 * Which of the numbers a question states each law reads: those of the kinds its inputs declare ("parameters",
 * "unique-tokens", "bits" …), and the budget for a law that optimises over one. A calculation that leaves one aside
 * answers another question: Chinchilla's L(N, D) takes every token as new where the question says how many are unique.
 * A kind the question does not state but states the parts of is read from them ({@link #value}): "a 1B model on 100B
 * tokens" gives Gadre et al.'s token multiplier M, "a 1B model at 100 tokens per parameter" Chinchilla's D.
 */
final class NumbersRead {

    private final LawBook book;
    private final List<Calculation.Given> given;
    private final Set<String> stated;

    /** @param given the numbers the question states, with their kinds */
    NumbersRead(LawBook book, List<Calculation.Given> given) {
        this.book = book;
        this.given = List.copyOf(given);
        this.stated = given.stream().map(Calculation.Given::kind).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The kinds of number the question states, in its order. */
    Set<String> stated() {
        return new LinkedHashSet<>(stated);
    }

    /** The numbers of these kinds, as the question gives them. */
    List<Calculation.Given> of(Set<String> kinds) {
        return given.stream().filter(g -> kinds.contains(g.kind())).toList();
    }

    /** A kind of quantity that two others give. */
    private record Derived(String first, String second, DoubleBinaryOperator of) {
    }

    /**
     * Tokens per parameter from tokens and parameters, and tokens from tokens per parameter and parameters ("a 1B model at
     * 100 tokens per parameter" is trained on 100B tokens). A ratio the question measures against ("far beyond
     * Chinchilla's 20 tokens per parameter") is no number it states ({@link org.scalingatlas.question.Quantities}).
     */
    private static final Map<String, Derived> DERIVED = Map.of(
            "tokens-per-parameter", new Derived("tokens", "parameters", (tokens, parameters) -> tokens / parameters),
            "tokens", new Derived("tokens-per-parameter", "parameters", (perParameter, parameters) -> perParameter * parameters));

    /**
     * The question's number of a kind: the first it states of that kind, else the one the numbers it states of the kind's
     * parts give (100B tokens for a 1B model is 100 tokens per parameter).
     */
    static Optional<Double> value(String kind, List<Calculation.Given> given) {
        Optional<Double> stated = first(given, kind).or(() -> Optional.ofNullable(SAME_AS.get(kind)).flatMap(general -> first(given, general)));
        Derived derived = DERIVED.get(kind);
        if (stated.isPresent() || derived == null) {
            return stated;
        }
        Optional<Double> first = first(given, derived.first());
        Optional<Double> second = first(given, derived.second());
        if (first.isEmpty() || second.isEmpty() || second.get() <= 0) {
            return Optional.empty();
        }
        return Optional.of(derived.of().applyAsDouble(first.get(), second.get()));
    }

    /** The first number the question states of a kind. */
    static Optional<Double> first(List<Calculation.Given> given, String kind) {
        return given.stream().filter(g -> g.kind().equals(kind)).map(Calculation.Given::value).findFirst();
    }

    /**
     * A kind that, unless stated apart, is the one a question states for the whole run: "a model trained in 6 bits" holds
     * its activations and KV cache in 6 bits too; "6-bit weights, 8-bit activations" says otherwise.
     */
    private static final Map<String, String> SAME_AS = Map.of("activation-bits", "bits", "kv-cache-bits", "bits");

    /**
     * The kinds of number the question states that give a value of this kind: the kind itself, the kind it is the same as
     * unless stated apart ({@link #SAME_AS}), or the parts it is derived from.
     */
    private Set<String> giving(String kind) {
        if (kind == null || stated.contains(kind)) {
            return kind == null ? Set.of() : Set.of(kind);
        }
        if (SAME_AS.containsKey(kind) && stated.contains(SAME_AS.get(kind))) {
            return Set.of(SAME_AS.get(kind));
        }
        Derived derived = DERIVED.get(kind);
        return derived != null && stated.contains(derived.first()) && stated.contains(derived.second())
                ? Set.of(derived.first(), derived.second()) : Set.of();
    }

    /**
     * The kinds of number the question states that a law reads: its inputs' (or those they are derived from), a budget
     * for one it optimises over, and the target for one whose optimum is the least cost of reaching a loss.
     */
    Set<String> by(Law law) {
        Set<String> read = new LinkedHashSet<>();
        law.inputs().forEach(input -> read.addAll(giving(input.quantity())));
        // the asker's values for the constants of a law that carries its form only
        law.constantNames().stream().map(name -> Quantities.constantKind(name.toLowerCase(Locale.ROOT))).filter(stated::contains).forEach(read::add);
        if (law.optimisesOverBudget() && stated.contains("flops")) {
            read.add("flops");
        }
        if (law.optimisesForTarget() && stated.contains(law.optimal().target())) {
            read.add(law.optimal().target());
        }
        return read;
    }

    /** The kinds a calculation's law reads. */
    Set<String> by(Calculation calculation) {
        return book.calculator(calculation.law()).map(c -> by(c.law())).orElse(Set.of());
    }

    /** Whether a note carries a law that could read one of these kinds (a cheap test before running its laws). */
    boolean couldRead(Calculation.CitedNote note, Set<String> kinds) {
        return note.laws().stream().flatMap(id -> book.calculator(id).stream()).anyMatch(c -> !Collections.disjoint(by(c.law()), kinds));
    }

    /** What every row of a plan reads: the budget it spends or the loss it reaches. */
    private static final Set<String> PLANNED = Set.of("flops", "loss");

    /** How many kinds a plan row's law reads: the budget or target loss, which every row is for, and its own inputs'. */
    int inPlan(String lawId) {
        Set<String> read = book.calculator(lawId).map(c -> by(c.law())).orElse(new LinkedHashSet<>());
        read.add("flops");
        PLANNED.stream().filter(stated::contains).forEach(read::add);
        return read.size();
    }

    /** The kinds none of the calculations run on the question's numbers reads; a plan's rows read its budget or target loss. */
    Set<String> unreadBy(List<Calculation> calculations, boolean plan) {
        Set<String> unread = stated();
        calculations.stream().filter(c -> Calculation.FROM_QUESTION.equals(c.inputsFrom())).forEach(c -> unread.removeAll(by(c)));
        if (plan) {
            unread.removeAll(PLANNED);
        }
        return unread;
    }

    /**
     * The kinds the law of the first calculation, the one that answers, does not read (all of them without a calculation
     * on the question's numbers); a plan's rows all read the budget.
     */
    Set<String> unreadByAnswer(List<Calculation> calculations, boolean plan) {
        Set<String> unread = stated();
        if (calculations.isEmpty() || !Calculation.FROM_QUESTION.equals(calculations.get(0).inputsFrom())) {
            return unread;
        }
        unread.removeAll(by(calculations.get(0)));
        if (plan) {
            unread.removeAll(PLANNED);
        }
        return unread;
    }

    /**
     * The runs that read the most of the question's numbers: "what loss would an 8B model reach on 400B tokens if only
     * 100B of them are unique?" is answered by Muennighoff's L(N, D, U_D), not by Chinchilla's L(N, D); Kaplan's L(N)
     * does not answer a loss asked for at N and D.
     */
    List<Calculation> most(List<Calculation> runs) {
        Map<Calculation, Reading> read = new LinkedHashMap<>();
        runs.forEach(run -> read.put(run, reading(run)));
        Reading most = read.values().stream().max(Comparator.naturalOrder()).orElse(null);
        return runs.stream().filter(run -> read.get(run).equals(most)).toList();
    }

    /**
     * How much of the question a run reads: the kinds it reads, then, among runs reading as many, those of them it reads
     * as stated rather than only as the parts of another kind. A law that reads "500 tokens per parameter" as its own
     * input (Gadre et al.'s M) answers before one that would read it only as the tokens it makes, and Chinchilla's L(N,
     * D), reading "100B tokens" as stated, before Gadre's law reading them as the parts of M.
     */
    private record Reading(int kinds, int asStated) implements Comparable<Reading> {
        private static final Comparator<Reading> ORDER = Comparator.comparingInt(Reading::kinds).thenComparingInt(Reading::asStated);

        @Override
        public int compareTo(Reading other) {
            return ORDER.compare(this, other);
        }
    }

    private Reading reading(Calculation run) {
        int kinds = by(run).size();
        int asParts = book.calculator(run.law()).map(c -> asPartsOnly(c.law()).size()).orElse(0);
        return new Reading(kinds, kinds - asParts);
    }

    /** The kinds the law reads only as the parts of an input's kind the question does not state (tokens for Gadre et al.'s M). */
    private Set<String> asPartsOnly(Law law) {
        Set<String> inputs = law.inputs().stream().map(Law.Variable::quantity).filter(stated::contains).collect(Collectors.toSet());
        Set<String> parts = new LinkedHashSet<>();
        law.inputs().stream().map(Law.Variable::quantity).filter(kind -> kind != null && !stated.contains(kind))
                .forEach(kind -> parts.addAll(giving(kind)));
        parts.removeAll(inputs);
        return parts;
    }

    /** How many of the first runs read the same kinds as the first (all of them for worked examples). */
    int alike(List<Calculation> runs) {
        if (runs.isEmpty() || !Calculation.FROM_QUESTION.equals(runs.get(0).inputsFrom())) {
            return runs.size();
        }
        Set<String> first = by(runs.get(0));
        Reading reading = reading(runs.get(0));
        int alike = 0;
        while (alike < runs.size() && by(runs.get(alike)).equals(first) && reading(runs.get(alike)).equals(reading)) {
            alike++;
        }
        return alike;
    }
}
