package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Paper;

/**
 * The planner: one training budget through every law of the corpus that gives an allocation, each with the range it
 * was fitted on, the uncertainty its file records, and why the allocations differ ({@link PlanSpread}). The
 * formulas are the laws' own, run by their {@link Calculator}s; nothing here restates one.
 */
public final class Planner {

    /** The laws that give an allocation for a compute budget, in the order a plan lists them. */
    static final String CHINCHILLA = "chinchilla-parametric-loss";
    static final String APPROACH_1 = "chinchilla-approach-1-allocation";
    static final String KAPLAN = "kaplan-compute-efficient-allocation";
    static final String HENIGHAN = "henighan-optimal-model-size";
    static final String HENIGHAN_SET = "language";
    static final String PORIAN = "porian-compute-optimal-size";
    static final String MUENNIGHOFF = "muennighoff-data-constrained-loss";
    static final String SARDANA = "sardana-inference-aware-optimum";
    static final String SARDANA_SET = "sardana-code";
    static final String KUMAR = "kumar-precision-effective-parameters";

    /** A budget past this is beyond anything the laws can speak to (10^4 times the largest runs reported so far). */
    public static final double MAX_COMPUTE = 1e30;
    /** The most tokens a budget may name (unique or served): a thousand times the text of the public web. */
    public static final double MAX_TOKENS = 1e20;
    /** Training precision in bits: at most a 64-bit float. */
    public static final double MAX_BITS = 64;
    /** Past this many decades beyond its fitted range a row is flagged. */
    public static final double WARN_DECADES = 1;

    private static final String NOT_RECORDED = "none recorded in the law file";

    private final LawBook book;
    private final Map<String, Paper> papers;

    public Planner(LawBook book, Map<String, Paper> papers) {
        this.book = book;
        this.papers = papers;
    }

    /**
     * A checked budget, or a {@link LawInputException} naming the field that is wrong.
     *
     * @param compute training FLOPs (required)
     */
    public static Plan.Budget budget(Double compute, Double uniqueTokens, Double inferenceTokens, Double precision) {
        if (compute == null) {
            throw new LawInputException("compute is required: the training compute in FLOPs, e.g. 5.76e23");
        }
        check("compute", compute, false, MAX_COMPUTE, "FLOPs");
        if (compute < Allocation.MIN_BUDGET) {
            throw new LawInputException("compute = " + number(compute) + " FLOPs is too small to train any real model (at least "
                    + number(Allocation.MIN_BUDGET) + " FLOPs: a thousand parameters on a thousand tokens)");
        }
        if (uniqueTokens != null) {
            check("uniqueTokens", uniqueTokens, false, MAX_TOKENS, "tokens");
        }
        if (inferenceTokens != null) {
            check("inferenceTokens", inferenceTokens, true, MAX_TOKENS, "tokens");
        }
        if (precision != null) {
            check("precision", precision, false, MAX_BITS, "bits");
        }
        return new Plan.Budget(compute, uniqueTokens, inferenceTokens, precision);
    }

    private static void check(String field, double value, boolean zeroAllowed, double max, String unit) {
        if (!Double.isFinite(value)) {
            throw new LawInputException(field + " must be a finite number, got " + value);
        }
        if (value < 0 || (value == 0 && !zeroAllowed)) {
            throw new LawInputException(field + " must be " + (zeroAllowed ? "zero or positive" : "positive") + ", got " + number(value));
        }
        if (value > max) {
            throw new LawInputException(field + " = " + number(value) + " " + unit + " is beyond what a plan takes (at most "
                    + number(max) + " " + unit + ")");
        }
    }

    /** Whether a plan for this budget searches numerically (repeated data, inference demand): up to a second of work. */
    public static boolean searchesNumerically(Plan.Budget budget) {
        return budget.uniqueTokens() != null || budget.inferenceTokens() != null;
    }

    /** Every applicable allocation for the budget, and their spread. */
    public Plan plan(Plan.Budget budget) {
        Run run = run(budget);
        return new Plan(budget, run.rows(), PlanSpread.of(run.rows(), run.results(), book, run.more()));
    }

    /**
     * The rows, the calculator results they were read from (same order), and the sentences on what an input could not
     * change: what {@link #plan} and an answer's inline plan ({@link InlineCalculations}) are both made of.
     */
    record Run(List<Plan.Row> rows, List<Result> results, List<String> more) {
    }

    Run run(Plan.Budget budget) {
        double c = budget.compute();
        List<Plan.Row> rows = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        book.calculator(CHINCHILLA).ifPresent(calc -> calc.law().constantSets().forEach(set -> {
            Result r = calc.optimal(Map.of(Calculator.BUDGET, c), set.id(), Map.of());
            results.add(r);
            rows.add(row(calc, r, List.of()));
        }));
        book.calculator(APPROACH_1).ifPresent(calc -> {
            Result r = calc.evaluate(budgetInput(calc.law(), c), null, Map.of());
            results.add(r);
            rows.add(row(calc, r, List.of("D_opt follows from C = 6 N D, as the paper's Table 3 does")));
        });
        book.calculator(KAPLAN).ifPresent(calc -> {
            Result r = calc.evaluate(budgetInput(calc.law(), c), null, Map.of());
            results.add(r);
            rows.add(row(calc, r, List.of(pfDays(calc.law(), c) + ", read as Kaplan's C_min (the compute of compute-efficient training)",
                    "D_opt is Kaplan's own power law (Table 6), so 6 N_opt D_opt need not equal the budget")));
        });
        book.calculator(HENIGHAN).filter(calc -> calc.law().constantSet(HENIGHAN_SET).isPresent()).ifPresent(calc -> {
            Result r = calc.evaluate(budgetInput(calc.law(), c), HENIGHAN_SET, Map.of());
            results.add(r);
            rows.add(row(calc, r, List.of(pfDays(calc.law(), c), "the law gives N_opt only; no D_opt or loss")));
        });
        book.calculator(PORIAN).ifPresent(calc -> {
            Result r = calc.evaluate(budgetInput(calc.law(), c), null, Map.of());
            results.add(r);
            rows.add(row(calc, r, List.of("the law gives N_opt only; no D_opt or loss (its FLOP count counts the last layer, and the "
                    + "reference does not record it as C = 6 N D)")));
        });
        List<String> more = new ArrayList<>();
        if (budget.uniqueTokens() != null) {
            book.calculator(MUENNIGHOFF).ifPresent(calc -> {
                Result r = calc.optimal(Map.of(Calculator.BUDGET, c, "U_D", budget.uniqueTokens()), null, Map.of());
                if (r.outputs().get(Calculator.D_OPT) < budget.uniqueTokens()) {
                    // R_D = 0 makes D' = U_D: the formula counts every unique token as seen, which a shorter run does not
                    more.add(MUENNIGHOFF + " is left out: at this budget its optimum would train on " + number(r.outputs().get(Calculator.D_OPT))
                            + " tokens, fewer than the " + number(budget.uniqueTokens()) + " unique ones, where its formula (D' = U_D when nothing "
                            + "repeats) no longer describes the run; the data do not constrain this budget.");
                    return;
                }
                results.add(r);
                rows.add(row(calc, r, List.of(String.format(Locale.ROOT, "with %s unique tokens the optimum trains %.3g epochs",
                        number(budget.uniqueTokens()), r.outputs().get("epochs")))));
            });
        }
        if (budget.inferenceTokens() != null) {
            Optional<Plan.Row> base = rows.stream().filter(row -> row.law().equals(CHINCHILLA) && row.constants().equals(SARDANA_SET)).findFirst();
            book.calculator(SARDANA).filter(calc -> base.isPresent() && base.get().loss() != null).ifPresent(calc -> {
                double target = base.get().loss();
                Result r = calc.optimal(Map.of("loss", target, "D_inf", budget.inferenceTokens()), null, Map.of());
                results.add(r);
                rows.add(row(calc, r, List.of(String.format(Locale.ROOT, "the least training + inference FLOPs that reach loss %.4f, the Chinchilla "
                        + "optimum at this budget with the same (%s) constants; it trains on %s FLOPs and serves %s tokens with %s more",
                        target, SARDANA_SET, number(r.outputs().get("train_flops")), number(budget.inferenceTokens()),
                        number(r.outputs().get("inference_flops"))))));
            });
        }
        if (budget.precision() != null) {
            precision(budget.precision()).ifPresent(more::add);
        }
        return new Run(rows, results, more);
    }

    /**
     * Why the training precision changes no row, from the law files: the precision law that would turn bits into
     * effective parameters carries its form only, without verified constants.
     */
    private Optional<String> precision(double bits) {
        return book.calculator(KUMAR).map(Calculator::law).filter(law -> law.constantSets().isEmpty())
                .map(law -> "Training precision (" + number(bits) + " bits) changes no row: " + law.id() + " would turn bits into effective "
                        + "parameters, but its file holds the form only, without verified constants (" + String.join(", ", law.constantNames()) + ").");
    }

    /** The law's compute input, in its own unit (PF-days convert from FLOPs). */
    private static Map<String, Double> budgetInput(Law law, double flops) {
        Law.Variable v = computeInput(law);
        return Map.of(v.symbol(), flops / v.scale());
    }

    private static Law.Variable computeInput(Law law) {
        return law.inputs().stream().filter(v -> "flops".equals(v.quantity())).findFirst()
                .orElseThrow(() -> new IllegalStateException("law " + law.id() + " has no compute input"));
    }

    private static String pfDays(Law law, double flops) {
        Law.Variable v = computeInput(law);
        return "C = " + number(flops) + " FLOPs = " + number(flops / v.scale()) + " " + v.unit();
    }

    private Plan.Row row(Calculator calc, Result r, List<String> notes) {
        Law law = calc.law();
        Law.ConstantSet set = law.constantSet(r.constants()).orElseThrow();
        Map<String, Double> out = r.outputs();
        double n = out.get(Calculator.N_OPT);
        Double d = out.get(Calculator.D_OPT);
        Double ratio = d == null ? null : d / n;
        String paperId = set.paperId() == null ? law.paperId() : set.paperId();
        Paper paper = papers.get(paperId);
        Plan.PaperRef ref = new Plan.PaperRef(paperId, paper == null ? null : paper.title(), paper == null ? null : paper.arxiv());
        return new Plan.Row(law.id(), law.name(), set.id(), set.label(), set.provenance(), ref, n, d, ratio, out.get("loss"),
                r.units().getOrDefault(Calculator.N_OPT, "parameters"), law.conventions(), r.method(), extrapolation(law, r),
                uncertainty(set), notes, r.warnings());
    }

    /** How far the budget and the allocation lie beyond the law's fitted ranges, over every input the law has. */
    static Plan.Extrapolation extrapolation(Law law, Result r) {
        List<Plan.Distance> distances = new ArrayList<>();
        List<String> notRecorded = new ArrayList<>();
        Map<String, Double> values = new LinkedHashMap<>(r.inputs());
        values.putIfAbsent(Calculator.SIZE, r.outputs().get(Calculator.N_OPT));
        values.putIfAbsent(Calculator.DATA, r.outputs().get(Calculator.D_OPT));
        for (Law.Variable v : law.inputs()) {
            Double value = values.get(v.symbol());
            if (value == null) {
                continue;
            }
            if (v.min() == null && v.max() == null) {
                notRecorded.add(v.symbol());
                continue;
            }
            double decades = v.max() != null && value > v.max() ? Math.log10(value / v.max())
                    : v.min() != null && value < v.min() ? Math.log10(v.min() / value) : 0;
            distances.add(new Plan.Distance(v.symbol(), value, v.unit(), v.min(), v.max(), decades));
        }
        Optional<Plan.Distance> far = distances.stream().max((a, b) -> Double.compare(a.decades(), b.decades()));
        Double decades = far.map(Plan.Distance::decades).orElse(null);
        String warning = far.filter(x -> x.decades() > WARN_DECADES).map(x -> String.format(Locale.ROOT,
                "%s = %s lies %.1f decades %s the range the law was fitted on (%s to %s %s): a far extrapolation", x.variable(),
                number(x.value()), x.decades(), x.max() != null && x.value() > x.max() ? "above" : "below",
                x.min() == null ? "?" : number(x.min()), x.max() == null ? "?" : number(x.max()), x.unit())).orElse(null);
        return new Plan.Extrapolation(decades, distances, notRecorded, warning);
    }

    /** A number as the plan's sentences write it: 3 significant figures, 5.76e23. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.3g", value).replace("e+", "e");
    }

    /** The uncertainty a constant set's note records (an interval, percentiles), or that none is recorded. */
    static String uncertainty(Law.ConstantSet set) {
        if (set.note() != null && set.note().matches("(?s).*(\\bCI\\b|percentile|interval|confidence|standard error).*")) {
            return set.note();
        }
        return NOT_RECORDED;
    }
}
