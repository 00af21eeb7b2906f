package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
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
    /** The loss-versus-compute laws of the papers whose allocation laws predict no loss themselves. */
    static final String KAPLAN_LOSS = "kaplan-loss-vs-compute";
    static final String HENIGHAN_LOSS = "henighan-loss-vs-compute";

    /** A budget past this is beyond anything the laws can speak to (10^4 times the largest runs reported so far). */
    public static final double MAX_COMPUTE = 1e30;
    /** The most tokens a budget may name (unique or served): a thousand times the text of the public web. */
    public static final double MAX_TOKENS = 1e20;
    /** Training precision in bits: at most a 64-bit float. */
    public static final double MAX_BITS = 64;
    /** The largest target loss a plan takes, in nats per token: far above any trained model's. */
    public static final double MAX_LOSS = 100;
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
     * @param compute    training FLOPs; exactly one of it and {@code targetLoss} is required
     * @param targetLoss the loss to reach at the least compute
     */
    public static Plan.Budget budget(Double compute, Double targetLoss, Double uniqueTokens, Double inferenceTokens, Double precision) {
        if (compute == null && targetLoss == null) {
            throw new LawInputException("compute or targetLoss is required: the training compute in FLOPs (e.g. 5.76e23), or the loss to "
                    + "reach at the least compute (e.g. 2.0)");
        }
        if (compute != null && targetLoss != null) {
            throw new LawInputException("give compute or targetLoss, not both: a plan either spends a budget as well as it can or finds the "
                    + "least budget that reaches a loss");
        }
        if (compute != null) {
            check("compute", compute, false, MAX_COMPUTE, "FLOPs");
            if (compute < Allocation.MIN_BUDGET) {
                throw new LawInputException("compute = " + number(compute) + " FLOPs is too small to train any real model (at least "
                        + number(Allocation.MIN_BUDGET) + " FLOPs: a thousand parameters on a thousand tokens)");
            }
        } else {
            check("targetLoss", targetLoss, false, MAX_LOSS, "nats per token");
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
        return new Plan.Budget(compute, targetLoss, uniqueTokens, inferenceTokens, precision);
    }

    /** A budget of training compute only. */
    public static Plan.Budget budget(double compute) {
        return budget(compute, null, null, null, null);
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

    /**
     * Whether a plan for this budget searches numerically (repeated data, inference demand, a target loss): up to a
     * second of work.
     */
    public static boolean searchesNumerically(Plan.Budget budget) {
        return budget.uniqueTokens() != null || budget.inferenceTokens() != null || budget.forLoss();
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

    /**
     * One law and constant set that allocates a training compute: its result at a budget in FLOPs, the loss it
     * predicts there (its own, or its paper's loss-versus-compute law's), and how the row reads the budget.
     */
    private record Allocator(Calculator calc, String set, DoubleFunction<Result> at, DoubleFunction<Double> loss, String lossFrom,
            Notes notes) {

        String label() {
            return calc.law().id() + (set == null ? "" : " (" + set + ")");
        }
    }

    /** How a row reads its budget, from the compute and the result already computed there (never computed again). */
    @FunctionalInterface
    private interface Notes {
        List<String> of(double compute, Result result);
    }

    Run run(Plan.Budget budget) {
        List<Plan.Row> rows = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        List<String> more = new ArrayList<>();
        for (Allocator allocator : allocators()) {
            OptionalDouble c = budget.forLoss() ? computeFor(allocator, budget.targetLoss(), more) : OptionalDouble.of(budget.compute());
            if (c.isPresent()) {
                Result r = allocator.at().apply(c.getAsDouble());
                results.add(r);
                rows.add(row(allocator, c.getAsDouble(), r));
            }
        }
        if (budget.uniqueTokens() != null) {
            book.calculator(MUENNIGHOFF).ifPresent(calc -> dataConstrained(calc, budget, rows, results, more));
        }
        if (budget.inferenceTokens() != null) {
            book.calculator(SARDANA).ifPresent(calc -> inferenceAware(calc, budget, rows, results, more));
        }
        lossesDiffer(rows).ifPresent(more::add);
        if (budget.precision() != null) {
            precision(budget.precision()).ifPresent(more::add);
        }
        return new Run(rows, results, more);
    }

    /** The laws that allocate a compute budget alone, each constant set its own allocator. */
    private List<Allocator> allocators() {
        List<Allocator> all = new ArrayList<>();
        book.calculator(CHINCHILLA).ifPresent(calc -> calc.law().constantSets().forEach(set -> {
            DoubleFunction<Result> at = c -> calc.optimal(Map.of(Calculator.BUDGET, c), set.id(), Map.of());
            all.add(new Allocator(calc, set.id(), at, c -> at.apply(c).outputs().get("loss"), null, (c, r) -> List.of()));
        }));
        book.calculator(APPROACH_1).ifPresent(calc -> all.add(new Allocator(calc, null, c -> calc.evaluate(budgetInput(calc.law(), c), null, Map.of()),
                null, null, (c, r) -> List.of("D_opt follows from C = 6 N D, as the paper's Table 3 does"))));
        book.calculator(KAPLAN).ifPresent(calc -> all.add(new Allocator(calc, null, c -> calc.evaluate(budgetInput(calc.law(), c), null, Map.of()),
                lossLaw(KAPLAN_LOSS, null), KAPLAN_LOSS, (c, r) -> List.of(pfDays(calc.law(), c) + ", read as Kaplan's C_min (the compute of compute-efficient training)",
                        "D_opt is Kaplan's own power law (Table 6), so 6 N_opt D_opt need not equal the budget"))));
        book.calculator(HENIGHAN).filter(calc -> calc.law().constantSet(HENIGHAN_SET).isPresent()).ifPresent(calc -> all.add(new Allocator(calc,
                HENIGHAN_SET, c -> calc.evaluate(budgetInput(calc.law(), c), HENIGHAN_SET, Map.of()), lossLaw(HENIGHAN_LOSS, HENIGHAN_SET), HENIGHAN_LOSS,
                (c, r) -> List.of(pfDays(calc.law(), c), "the law gives N_opt only; no D_opt"))));
        book.calculator(PORIAN).ifPresent(calc -> all.add(new Allocator(calc, null, c -> calc.evaluate(budgetInput(calc.law(), c), null, Map.of()),
                null, null, (c, r) -> List.of("the law gives N_opt only; no D_opt or loss (its FLOP count counts the last layer, and the "
                        + "reference does not record it as C = 6 N D)"))));
        return all;
    }

    /**
     * The loss a paper's loss-versus-compute law predicts at a budget, for an allocation law of the same paper that
     * predicts none itself; {@code null} when the book lacks that law or set.
     */
    private DoubleFunction<Double> lossLaw(String id, String set) {
        return book.calculator(id).filter(calc -> set == null || calc.law().constantSet(set).isPresent())
                .<DoubleFunction<Double>>map(calc -> c -> calc.evaluate(budgetInput(calc.law(), c), set, Map.of()).outputs().get("loss"))
                .orElse(null);
    }

    /**
     * The least training compute at which the allocator's predicted loss reaches the target: its loss at the optimum
     * falls as the budget grows, so Brent's root finder over ln C finds it. Empty, with a sentence in {@code more},
     * when the law predicts no loss or no budget in range reaches the target.
     */
    private OptionalDouble computeFor(Allocator allocator, double target, List<String> more) {
        if (allocator.loss() == null) {
            more.add(allocator.label() + " predicts no loss, so it cannot size a run for a target loss.");
            return OptionalDouble.empty();
        }
        DoubleUnaryOperator gap = lnC -> allocator.loss().apply(Math.exp(lnC)) - target;
        double lo = Math.log(Allocation.MIN_BUDGET);
        double hi = Math.log(MAX_COMPUTE);
        double atMost = allocator.loss().apply(MAX_COMPUTE);
        if (atMost > target) {
            more.add(String.format(Locale.ROOT, "%s never reaches loss %s: even %s FLOPs give %.4f, where its curve has levelled off above "
                    + "the target.", allocator.label(), plain(target), number(MAX_COMPUTE), atMost));
            return OptionalDouble.empty();
        }
        double atLeast = allocator.loss().apply(Allocation.MIN_BUDGET);
        if (atLeast < target) {
            more.add(String.format(Locale.ROOT, "%s already predicts %.4f at %s FLOPs, below the target %s: any run reaches it.",
                    allocator.label(), atLeast, number(Allocation.MIN_BUDGET), plain(target)));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.exp(new BrentSolver(1e-10, 1e-12).solve(400, gap::applyAsDouble, lo, hi)));
    }

    /** The data-constrained row (Muennighoff), when the unique tokens constrain the budget; a sentence when they do not. */
    private void dataConstrained(Calculator calc, Plan.Budget budget, List<Plan.Row> rows, List<Result> results, List<String> more) {
        double unique = budget.uniqueTokens();
        DoubleFunction<Result> at = c -> calc.optimal(Map.of(Calculator.BUDGET, c, "U_D", unique), null, Map.of());
        Allocator allocator = new Allocator(calc, null, at, c -> at.apply(c).outputs().get("loss"), null,
                (c, r) -> List.of(String.format(Locale.ROOT, "with %s unique tokens the optimum trains %.3g epochs", number(unique),
                        r.outputs().get("epochs"))));
        OptionalDouble c = budget.forLoss() ? computeFor(allocator, budget.targetLoss(), more) : OptionalDouble.of(budget.compute());
        if (c.isEmpty()) {
            return;
        }
        Result r = at.apply(c.getAsDouble());
        if (r.outputs().get(Calculator.D_OPT) < unique) {
            // nothing repeats: the row would be Chinchilla's form with constants fitted on C4, which the other rows answer
            more.add(MUENNIGHOFF + " is left out: at this budget its optimum trains on " + number(r.outputs().get(Calculator.D_OPT))
                    + " tokens, fewer than the " + number(unique) + " unique ones, so nothing repeats and the data do not constrain this budget.");
            return;
        }
        results.add(r);
        rows.add(row(allocator, c.getAsDouble(), r));
    }

    /**
     * The inference-aware row (Sardana): the least training + inference FLOPs that reach a loss, the target's or,
     * for a compute budget, the loss of the Chinchilla optimum with the same constants.
     */
    private void inferenceAware(Calculator calc, Plan.Budget budget, List<Plan.Row> rows, List<Result> results, List<String> more) {
        Double target = budget.forLoss() ? budget.targetLoss()
                : rows.stream().filter(row -> row.law().equals(CHINCHILLA) && row.constants().equals(SARDANA_SET)).findFirst()
                        .map(Plan.Row::loss).orElse(null);
        if (target == null) {
            return;
        }
        Result r;
        try {
            r = calc.optimal(Map.of("loss", target, "D_inf", budget.inferenceTokens()), null, Map.of());
        } catch (LawInputException e) {
            more.add(SARDANA + " is left out: " + e.getMessage());
            return;
        }
        String why = budget.forLoss() ? "the least training + inference FLOPs that reach the target loss " + plain(target)
                : String.format(Locale.ROOT, "the least training + inference FLOPs that reach loss %.4f, the Chinchilla optimum at this budget with "
                        + "the same (%s) constants", target, SARDANA_SET);
        List<String> notes = List.of(String.format(Locale.ROOT, "%s; it trains on %s FLOPs and serves %s tokens with %s more", why,
                number(r.outputs().get("train_flops")), number(budget.inferenceTokens()), number(r.outputs().get("inference_flops"))));
        results.add(r);
        rows.add(row(new Allocator(calc, null, c -> r, c -> target, null, (c, given) -> notes), r.outputs().get("train_flops"), r));
    }

    /** One sentence naming the data each row's loss is measured on, when the rows' losses come from different data. */
    private Optional<String> lossesDiffer(List<Plan.Row> rows) {
        Map<String, String> data = new LinkedHashMap<>();
        for (Plan.Row row : rows.stream().filter(row -> row.loss() != null).toList()) {
            book.calculator(row.law()).map(Calculator::law).flatMap(law -> law.conventions().stream()
                    .flatMap(c -> Arrays.stream(c.split(";\\s+")))
                    .filter(c -> c.toLowerCase(Locale.ROOT).matches("(?s)^loss (is|in)\\b.*"))
                    .findFirst()).ifPresent(c -> data.putIfAbsent(row.law(), c.strip().replaceAll("\\.$", "")));
        }
        if (data.values().stream().distinct().count() < 2) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        data.forEach((law, convention) -> parts.add(law + ": " + convention));
        return Optional.of("Losses compare only between rows of one law: each law measures loss on its own data and tokenizer ("
                + String.join("; ", parts) + "), so one target loss is not the same goal under every law.");
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

    private Plan.Row row(Allocator allocator, double compute, Result r) {
        Law law = allocator.calc().law();
        Law.ConstantSet set = law.constantSet(r.constants()).orElseThrow();
        Map<String, Double> out = r.outputs();
        double n = out.get(Calculator.N_OPT);
        Double d = out.get(Calculator.D_OPT);
        Double ratio = d == null ? null : d / n;
        String paperId = set.paperId() == null ? law.paperId() : set.paperId();
        Paper paper = papers.get(paperId);
        Plan.PaperRef ref = new Plan.PaperRef(paperId, paper == null ? null : paper.title(), paper == null ? null : paper.arxiv());
        List<String> notes = new ArrayList<>(allocator.notes().of(compute, r));
        Double loss = out.get("loss");
        if (loss == null && allocator.lossFrom() != null) {
            loss = allocator.loss().apply(compute);
            notes.add("the loss is " + allocator.lossFrom() + "'s, the same paper's loss at this compute");
        }
        Plan.Band band = band(allocator, set, compute, n, d);
        return new Plan.Row(law.id(), law.name(), set.id(), set.label(), set.provenance(), ref, compute, n, d, ratio, loss,
                r.units().getOrDefault(Calculator.N_OPT, "parameters"), law.conventions(), r.method(), extrapolation(law, r),
                uncertainty(set, band), band, notes, r.warnings());
    }

    /**
     * The band of sizes the constant set's exponent interval allows at this compute: the power laws through the
     * set's own optimum at the pivot, with exponents at the interval's ends. Tokens follow as C / 6 N where the law's
     * D_opt is C / 6 N.
     */
    private static Plan.Band band(Allocator allocator, Law.ConstantSet set, double compute, double n, Double d) {
        Law.ExponentInterval interval = set.interval();
        if (interval == null || !interval.output().equals(Calculator.N_OPT)) {
            return null;
        }
        double atPivot = allocator.at().apply(interval.pivot()).outputs().get(Calculator.N_OPT);
        double low = atPivot * Math.pow(compute / interval.pivot(), interval.low());
        double high = atPivot * Math.pow(compute / interval.pivot(), interval.high());
        double nLow = Math.min(low, high);
        double nHigh = Math.max(low, high);
        boolean sixND = d != null && Math.abs(compute / (6 * n) - d) <= 1e-6 * d;
        return new Plan.Band(nLow, nHigh, sixND ? compute / (6 * nHigh) : null, sixND ? compute / (6 * nLow) : null, interval.low(),
                interval.high(), interval.level(), interval.pivot(), interval.provenance(), interval.source());
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

    /** The uncertainty a constant set records (an exponent interval, a note naming an interval), or that none is recorded. */
    static String uncertainty(Law.ConstantSet set, Plan.Band band) {
        if (band != null) {
            return String.format(Locale.ROOT, "N_opt %s to %s: the exponent's %s (%s to %s), pivoting at %s FLOPs; the prefactor's own "
                    + "uncertainty is not included, so the band is a lower bound and narrows to nothing at the pivot", number(band.nLow()),
                    number(band.nHigh()), band.level(), plain(band.exponentLow()), plain(band.exponentHigh()), number(band.pivot()));
        }
        if (set.note() != null && set.note().matches("(?s).*(\\bCI\\b|percentile|interval|confidence|standard error).*")) {
            return set.note();
        }
        return NOT_RECORDED;
    }

    /** A number as written by a person: 2.0, 0.488. */
    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
