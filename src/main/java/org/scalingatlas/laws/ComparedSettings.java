package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.scalingatlas.corpus.Law;

/**
 * The settings of its numbers a question compares ("a 7B model on 2T tokens or a 13B model on 1T tokens", "the optimal
 * size at 1e19, 1e20 and 1e21 FLOPs"), each worked out with the laws that answer it at the first, and what a choice
 * between them asks for when it names no value.
 */
final class ComparedSettings {

    private final InlineCalculations calculations;
    private final LawBook book;

    ComparedSettings(InlineCalculations calculations, LawBook book) {
        this.calculations = calculations;
        this.book = book;
    }

    /**
     * What a choice between settings asks for when it names no value: "Should I train a 3B model on 300B tokens or a 1B
     * model on 900B tokens?" asks which does better by the measure of the law that ran at its numbers, what it minimises
     * when it has an optimum (the loss), else its result (its last output: a loss, an error, a coverage). That holds when
     * the settings are training runs (each states a size and its tokens), or the question names the measure ("how does
     * loss change from 1B to 10B parameters?"); "would a 7B model with tree search give better accuracy per unit of
     * compute than a single pass of the 34B model?" asks about another measure, and gets no loss; so does a question
     * that names a value another law computes ("peak lr for 1B vs 7B, both on 200B tokens?"), which the law that carries
     * it answers instead. Otherwise what the question asked for.
     */
    List<String> choice(InlineCalculations.Inline inline, Asked asked) {
        if (asked.compared().isEmpty() || !inline.asked().isEmpty() || inline.plan() != null || inline.calculations().isEmpty()) {
            return inline.asked();
        }
        Calculation first = inline.calculations().get(0);
        if (!Calculation.FROM_QUESTION.equals(first.inputsFrom()) || !InlineCalculations.EVALUATED.equals(first.result().mode())) {
            return inline.asked();
        }
        Law law = book.calculator(first.law()).orElseThrow().law();
        String measure = law.optimal() != null ? law.optimal().objective() : law.outputs().get(law.outputs().size() - 1).name();
        String measureWord = Asked.singular(measure.toLowerCase(Locale.ROOT));
        Set<String> named = calculations.valuesOf(asked);
        if (calculations.asksForAnotherQuantity(named) && !named.contains(measureWord)) {
            return inline.asked(); // "peak lr for 1B vs 7B, both on 200B tokens?" asks for a learning rate, which another law gives
        }
        boolean chosen = asked.comparesRuns() || asked.words().contains(measureWord);
        return chosen && first.result().outputs().containsKey(measure) ? List.of(measure) : inline.asked();
    }

    /** At most this many laws are compared across settings (those that answer, in order). */
    private static final int COMPARED_LAWS = 2;

    /**
     * The laws that answer the question at its first setting, run again at each other setting it compares: "which reaches
     * lower loss, a 7B model on 2T tokens or a 13B model on 1T tokens?" gets each law's loss at both; a plan, each
     * budget's ({@link #comparedPlans}). Laws that read other numbers of the question are left out, so the answer
     * compares like with like. A setting some law cannot run at (out of its inputs' bounds), and every setting when the
     * calculations do not answer from the question's numbers, is unplaced: the answer says it leaves those numbers aside.
     */
    InlineCalculations.Inline compare(InlineCalculations.Inline first, Asked asked, List<Calculation.CitedNote> cited) {
        List<Calculation.Given> unplaced = new ArrayList<>(first.unplaced());
        if (first.plan() != null && first.answerTheQuestion()) {
            return comparedPlans(first, asked, cited, unplaced);
        }
        if (first.plan() != null || !first.answerTheQuestion() || first.reading() == 0) {
            asked.compared().forEach(setting -> unplaced.addAll(differing(setting, asked.given())));
            return new InlineCalculations.Inline(first.calculations(), first.plan(), first.asked(), first.leftAside(), unplaced, first.reading(), 1);
        }
        boolean allocation = calculations.asksForAnAllocation(asked);
        List<Calculation> answering = first.calculations().subList(0, Math.min(first.reading(), COMPARED_LAWS));
        List<Calculation> runs = new ArrayList<>(answering);
        int settings = 1;
        for (List<Calculation.Given> setting : asked.compared()) {
            List<Calculation> again = new ArrayList<>();
            for (Calculation calculation : answering) {
                Calculator calculator = book.calculator(calculation.law()).orElseThrow();
                Calculation.CitedNote note = cited.stream().filter(n -> n.id().equals(calculation.note())).findFirst().orElseThrow();
                // the set the first setting ran: each of the sets a question compares ("for language and for 8x8 images")
                String set = calculator.law().constantSets().isEmpty() ? null : calculation.result().constants();
                InlineCalculations.withNumbers(calculator, set, setting, allocation)
                        .ifPresent(result -> again.add(calculations.calculation(calculator.law(), note, Calculation.FROM_QUESTION, result)));
            }
            // a setting that differs only in numbers no law here reads ("in 4 bits or in 8 bits") compares nothing
            boolean same = again.size() == answering.size() && again.get(0).result().inputs().equals(answering.get(0).result().inputs());
            if (again.size() == answering.size() && !same) {
                runs.addAll(again);
                settings++;
            } else {
                unplaced.addAll(differing(setting, asked.given()));
            }
        }
        return settings == 1 ? new InlineCalculations.Inline(first.calculations(), null, first.asked(), first.leftAside(), unplaced, first.reading(), 1)
                : new InlineCalculations.Inline(runs, null, first.asked(), first.leftAside(), unplaced, answering.size(), settings);
    }

    /**
     * The plans for each budget the question compares ("the compute-optimal model size at 1e19, 1e20 and 1e21 FLOPs"):
     * the rows of the first budget's plan that read the most of its numbers, then the same rows at each other budget,
     * given setting by setting as calculations compared rather than as one plan. A budget whose plan has other rows (a
     * law left out there) is unplaced.
     */
    private InlineCalculations.Inline comparedPlans(InlineCalculations.Inline first, Asked asked, List<Calculation.CitedNote> cited,
            List<Calculation.Given> unplaced) {
        // the rows that read the most of the question's numbers: those that leave a number aside (Chinchilla's beside
        // Sardana's, for inference tokens compared) would give the same at every setting
        List<Calculation> reading = first.calculations().subList(0, first.reading());
        List<Calculation> runs = new ArrayList<>(reading);
        List<String> rows = rowsOf(reading);
        int settings = 1;
        for (List<Calculation.Given> setting : asked.compared()) {
            Optional<InlineCalculations.Inline> plan = calculations.planned(setting, cited, Calculation.FROM_QUESTION);
            List<Calculation> again = plan.map(p -> p.calculations().subList(0, Math.min(p.reading(), p.calculations().size()))).orElse(List.of());
            if (rowsOf(again).equals(rows)) {
                runs.addAll(again);
                settings++;
            } else {
                unplaced.addAll(differing(setting, asked.given()));
            }
        }
        return settings == 1 ? new InlineCalculations.Inline(first.calculations(), first.plan(), first.asked(), first.leftAside(), unplaced, first.reading(), 1)
                : new InlineCalculations.Inline(runs, null, first.asked(), first.leftAside(), unplaced, rows.size(), settings);
    }

    /** Each calculation's law and constant set, in order. */
    private static List<String> rowsOf(List<Calculation> calculations) {
        return calculations.stream().map(c -> c.law() + "/" + c.result().constants()).toList();
    }

    /** The numbers of a setting that the first does not state. */
    private static List<Calculation.Given> differing(List<Calculation.Given> setting, List<Calculation.Given> first) {
        return setting.stream().filter(g -> !first.contains(g)).toList();
    }
}
