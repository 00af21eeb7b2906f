package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.scalingatlas.corpus.Law;

/**
 * Why a plan's allocations differ, one sentence per difference, from what the law files record: what N counts, the
 * constant sets' caveats (rounded exponents, a refit on digitised data), another rounding, inference demand and
 * repeated data.
 */
final class PlanSpread {

    private static final String NON_EMBEDDING = "non-embedding";
    private static final String TOTAL = "including embeddings";

    private PlanSpread() {
    }

    /**
     * @param results the calculators' results, in the order of the rows
     * @param more    further sentences (what an input could not change)
     */
    static Plan.Spread of(List<Plan.Row> rows, List<Result> results, LawBook book, List<String> more) {
        if (rows.isEmpty()) {
            return new Plan.Spread(1, null, null, more);
        }
        Plan.Row largest = rows.stream().max(Comparator.comparingDouble(Plan.Row::nOpt)).orElseThrow();
        Plan.Row smallest = rows.stream().min(Comparator.comparingDouble(Plan.Row::nOpt)).orElseThrow();
        List<String> reasons = new ArrayList<>();
        definitionOfN(rows, book).ifPresent(reasons::add);
        for (int i = 0; i < rows.size(); i++) {
            Plan.Row row = rows.get(i);
            List<String> caveats = Caveats.of(row.law(), results.get(i));
            caveats.forEach(c -> reasons.add(sentence(c)));
            if (caveats.isEmpty() && rows.stream().filter(r -> r.law().equals(row.law())).count() > 1 && i > 0) {
                reasons.add(sentence(label(row) + " uses " + row.constantsLabel()));
            }
        }
        rows.stream().filter(r -> r.law().equals(Planner.SARDANA)).findFirst().ifPresent(r -> reasons.add(inference(r, results.get(rows.indexOf(r)))));
        rows.stream().filter(r -> r.law().equals(Planner.MUENNIGHOFF)).findFirst().ifPresent(r -> reasons.add(repetition(r, results.get(rows.indexOf(r)))));
        reasons.addAll(more);
        return new Plan.Spread(largest.nOpt() / smallest.nOpt(), label(largest), label(smallest), reasons);
    }

    static String label(Plan.Row row) {
        return row.law() + " (" + row.constants() + ")";
    }

    /** One sentence when some rows count non-embedding parameters and others all of them, with the convention recorded. */
    private static java.util.Optional<String> definitionOfN(List<Plan.Row> rows, LawBook book) {
        List<String> nonEmbedding = rows.stream().filter(r -> r.parameters().contains(NON_EMBEDDING)).map(PlanSpread::label).distinct().toList();
        List<String> total = rows.stream().filter(r -> r.parameters().contains(TOTAL)).map(Plan.Row::law).distinct().toList();
        if (nonEmbedding.isEmpty() || total.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<String> unstated = rows.stream().filter(r -> !r.parameters().contains(NON_EMBEDDING) && !r.parameters().contains(TOTAL))
                .map(Plan.Row::law).distinct().toList();
        String convention = rows.stream().filter(r -> r.parameters().contains(NON_EMBEDDING))
                .flatMap(r -> book.calculator(r.law()).map(Calculator::law).map(Law::conventions).orElse(List.of()).stream())
                .filter(c -> c.contains("embedding")).findFirst().map(c -> " (" + trim(c) + ")").orElse("");
        return java.util.Optional.of(sentence(String.join(" and ", nonEmbedding) + " count non-embedding parameters while "
                + String.join(" and ", total) + " count all parameters, embeddings included" + convention
                + ", so their N_opt are not the same quantity" + (unstated.isEmpty() ? "" : "; " + String.join(" and ", unstated)
                        + " does not record which it counts")));
    }

    private static String inference(Plan.Row row, Result r) {
        String convention = row.conditions().stream().filter(c -> c.contains("inference")).findFirst().map(c -> " (" + trim(c) + ")").orElse("");
        return sentence(String.format(Locale.ROOT, "%s trains %.2f times the parameters of the Chinchilla-style model for the same loss on %.2f times "
                + "its tokens, because the %s tokens it will serve cost FLOPs per parameter too%s", label(row),
                r.outputs().get("parameters_vs_chinchilla"), r.outputs().get("tokens_vs_chinchilla"),
                Planner.number(r.inputs().get("D_inf")), convention));
    }

    private static String repetition(Plan.Row row, Result r) {
        return sentence(String.format(Locale.ROOT, "%s has only %s unique tokens, so its optimum repeats them %.3g times, and repeated tokens "
                + "are worth less and less; its constants were fitted on C4 (%s)", label(row), Planner.number(r.inputs().get("U_D")),
                r.outputs().get("epochs"), row.conditions().isEmpty() ? "" : trim(row.conditions().get(0))));
    }

    private static String trim(String text) {
        return text.strip().replaceAll("\\.$", "");
    }

    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") ? t : t + ".";
    }
}
