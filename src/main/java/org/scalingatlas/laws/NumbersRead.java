package org.scalingatlas.laws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;

/**
 * Which of the numbers a question states each law reads: those of the kinds its inputs declare ("parameters",
 * "unique-tokens", "bits" …), and the budget for a law that optimises over one. A calculation that leaves one aside
 * answers another question: Chinchilla's L(N, D) takes every token as new where the question says how many are unique.
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

    /**
     * The kinds of number the question states that a law reads: its inputs', a budget for one it optimises over, and the
     * target for one whose optimum is the least cost of reaching a loss.
     */
    Set<String> by(Law law) {
        Set<String> read = law.inputs().stream().map(Law.Variable::quantity).filter(stated::contains).collect(Collectors.toCollection(LinkedHashSet::new));
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
        Map<Calculation, Integer> read = new LinkedHashMap<>();
        runs.forEach(run -> read.put(run, by(run).size()));
        int most = read.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return runs.stream().filter(run -> read.get(run) == most).toList();
    }

    /** How many of the first runs read the same kinds as the first (all of them for worked examples). */
    int alike(List<Calculation> runs) {
        if (runs.isEmpty() || !Calculation.FROM_QUESTION.equals(runs.get(0).inputsFrom())) {
            return runs.size();
        }
        Set<String> first = by(runs.get(0));
        int alike = 0;
        while (alike < runs.size() && by(runs.get(alike)).equals(first)) {
            alike++;
        }
        return alike;
    }
}
