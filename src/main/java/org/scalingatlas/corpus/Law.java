package org.scalingatlas.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A published scaling law as data: named outputs computed by formulas over inputs and fitted constants, with the
 * conventions the constants depend on, the range each input was fitted on, and the paper's own check values.
 *
 * @param id           stable slug; also the file name in {@code corpus/laws/}
 * @param name         a short human name, e.g. "Chinchilla parametric loss L(N, D)"
 * @param paperId      the paper the law comes from
 * @param inputs       the variables a caller supplies, in the paper's names (N, D, C, k ...)
 * @param outputs      what the law computes, in order; a later formula may use an earlier output
 * @param constantSets the fitted constants: the first is the default; alternatives (unrounded, refitted) follow
 * @param conventions  counting and unit conventions the constants belong to
 * @param constantNames the constants the formulas use (when no set gives them, a caller must)
 * @param axes         axis ids from the axis scheme: what the law scales along, and its domain
 * @param optimal      how to find the optimal allocation under a budget, or {@code null} when the law has none
 * @param example      a representative point, used for a worked example when a question gives no numbers
 * @param checks       the paper's own values that the law must reproduce
 * @param body         commentary and caveats in Markdown
 */
public record Law(
        String id,
        String name,
        String paperId,
        List<Variable> inputs,
        List<Output> outputs,
        List<ConstantSet> constantSets,
        List<String> conventions,
        List<String> constantNames,
        List<String> axes,
        Optimal optimal,
        Map<String, Double> example,
        List<Check> checks,
        String body) {

    /** The names formulas may use: a letter, then letters, digits or '_'. */
    static final Pattern SYMBOL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Where a constant set's values come from; the reference's unverified tags are not accepted. */
    public static final List<String> PROVENANCES = List.of("V-paper", "V-code", "V-repro");

    public Law {
        Objects.requireNonNull(id, "id");
        if (!Note.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("law id '" + id + "' must be lowercase words joined by '-'");
        }
        requireText(name, "law " + id + " has no name");
        requireText(paperId, "law " + id + " names no paper");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        constantSets = List.copyOf(constantSets);
        conventions = List.copyOf(conventions);
        axes = List.copyOf(axes);
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>(constantNames);
        constantSets.forEach(set -> names.addAll(set.values().keySet()));
        constantNames = List.copyOf(names);
        constantNames.forEach(Law::requireSymbol);
        for (ConstantSet set : constantSets) {
            for (String constant : constantNames) {
                if (!set.values().containsKey(constant)) {
                    throw new IllegalArgumentException("law " + id + ": constant set " + set.id() + " gives no value for " + constant);
                }
            }
        }
        example = frozen(example);
        checks = List.copyOf(checks);
        body = body == null ? "" : body;
        if (inputs.isEmpty() || outputs.isEmpty()) {
            throw new IllegalArgumentException("law " + id + " needs at least one input and one output");
        }
    }

    public Optional<Variable> input(String symbol) {
        return inputs.stream().filter(v -> v.symbol().equals(symbol)).findFirst();
    }

    public Optional<ConstantSet> constantSet(String setId) {
        return constantSets.stream().filter(s -> s.id().equals(setId)).findFirst();
    }

    /** Whether the law has an optimum over a compute budget C (not only over a target loss). */
    public boolean optimisesOverBudget() {
        return optimal != null && Optimal.COMPUTE_BUDGET.equals(optimal.kind());
    }

    /** Whether the law's optimum is the least cost of reaching a target loss (Sardana's), not an optimum over a budget. */
    public boolean optimisesForTarget() {
        return optimal != null && Optimal.TARGET_LOSS.equals(optimal.kind());
    }

    /** The formula as one line, e.g. {@code loss = E + A / N^alpha + B / D^beta}. */
    public String formula() {
        return String.join("; ", outputs.stream().map(o -> o.name() + " = " + o.formula()).toList());
    }

    /**
     * What the law says in words: its name, its conventions, the names of its inputs, what its outputs are and are called
     * ("total compute", "lifetime compute"), the data or
     * domains its constant sets were fitted on as questions name them (their aliases: "Pile", "video", "RefinedWeb") and
     * its description ("an irreducible loss E plus a term that shrinks with model size").
     */
    public String prose() {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        parts.addAll(conventions);
        inputs.forEach(input -> parts.add(input.name()));
        outputs.stream().map(Output::description).filter(Objects::nonNull).forEach(parts::add);
        outputs.forEach(output -> parts.addAll(output.aliases()));
        constantSets.forEach(set -> parts.addAll(set.aliases()));
        parts.add(body);
        return String.join("\n", parts.stream().filter(Objects::nonNull).toList());
    }

    /**
     * An input of a law.
     *
     * @param symbol   the name formulas use (the paper's: N, D, C, U_D, k ...)
     * @param name     what it is, in words
     * @param unit     its unit, with the counting convention ("non-embedding parameters", "FLOPs", "PF-days")
     * @param quantity the kind of quantity a question states it as (parameters, tokens, flops, pf-days, samples ...)
     * @param min      the smallest value the law was fitted on, or {@code null} when the paper does not say
     * @param max      the largest value the law was fitted on, or {@code null}
     * @param scale    how many of the quantity's base units one unit of this variable is (1 PF-day = 8.64e19 FLOPs), or 1
     * @param zeroAllowed whether 0 is a valid value (otherwise every input must be positive)
     */
    public record Variable(String symbol, String name, String unit, String quantity, double scale, Double min, Double max, boolean zeroAllowed) {
        public Variable {
            requireSymbol(symbol);
            requireText(unit, "variable " + symbol + " has no unit");
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("variable " + symbol + ": scale must be a positive number");
            }
            if (min != null && max != null && min > max) {
                throw new IllegalArgumentException("variable " + symbol + ": fitted min " + min + " is above max " + max);
            }
        }
    }

    /**
     * A value the law computes: {@code name = formula}, in {@code unit}.
     *
     * @param description what the value is, in words, or {@code null}
     * @param aliases     what people call the value where its name and unit do not say it ("total compute" for
     *                    {@code total_flops}, "lr", "bs"): a question asking for one asks for this output
     */
    public record Output(String name, String formula, String unit, String description, List<String> aliases) {
        public Output {
            requireSymbol(name);
            requireText(formula, "output " + name + " has no formula");
            requireText(unit, "output " + name + " has no unit");
            aliases = List.copyOf(aliases);
            aliases.forEach(alias -> requireText(alias, "output " + name + " has an empty alias"));
        }

        /** An output people call by its name and unit alone. */
        public Output(String name, String formula, String unit, String description) {
            this(name, formula, unit, description, List.of());
        }
    }

    /**
     * One set of fitted constants.
     *
     * @param id         short id, e.g. {@code published}, {@code unrounded}, {@code epoch-refit}
     * @param label      what the set is, in words
     * @param provenance V-paper, V-code or V-repro
     * @param paperId    the paper that published the set when it is not the law's own (a refit), else {@code null}
     * @param values     constant name → value
     * @param note       a caveat about the set, or {@code null}
     * @param interval   the uncertainty of the allocation's exponent that the source reports, or {@code null}
     * @param aliases    what a question may call the set, mostly the data or domain it was fitted on ("video",
     *                   "Python", "32x32 image"): a calculation runs the set a question names (see {@code laws/ConstantSetChoice})
     * @param data       the ids of the datasets it was fitted on, in the ontology's dataset scheme ({@code c4},
     *                   {@code refinedweb}): a question naming one of them by any of its names names the set too
     */
    public record ConstantSet(String id, String label, String provenance, String paperId, Map<String, Double> values, String note,
            ExponentInterval interval, List<String> aliases, List<String> data) {

        /** A set without a recorded exponent interval, aliases or data. */
        public ConstantSet(String id, String label, String provenance, String paperId, Map<String, Double> values, String note) {
            this(id, label, provenance, paperId, values, note, null, List.of(), List.of());
        }

        public ConstantSet {
            Objects.requireNonNull(id, "constant set id");
            if (!Note.ID.matcher(id).matches()) {
                throw new IllegalArgumentException("constant set id '" + id + "' must be lowercase words joined by '-'");
            }
            requireText(label, "constant set " + id + " has no label");
            if (!PROVENANCES.contains(provenance)) {
                throw new IllegalArgumentException("constant set " + id + ": provenance '" + provenance + "' is not one of " + PROVENANCES);
            }
            values = frozen(values);
            values.keySet().forEach(Law::requireSymbol);
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            aliases.forEach(alias -> requireText(alias, "constant set " + id + " has an empty alias"));
            data = data == null ? List.of() : List.copyOf(data);
            for (String dataset : data) {
                if (dataset == null || !Note.ID.matcher(dataset).matches()) {
                    throw new IllegalArgumentException("constant set " + id + ": dataset '" + dataset + "' must be a dataset id, lowercase words joined by '-'");
                }
            }
        }
    }

    /**
     * The interval a source reports for the exponent a of an optimal size, {@code output ∝ C^a}: a bootstrap
     * confidence interval, or the percentiles of the paper's own fits. A plan turns it into a band of sizes: the power
     * laws through the set's own optimum at {@code pivot} whose exponent lies in the interval. The band leaves out the
     * uncertainty of the prefactor, so it is zero at the pivot and a lower bound on the uncertainty anywhere.
     *
     * @param output     the optimal size the exponent belongs to ({@code N_opt})
     * @param low        the interval's lower end
     * @param high       its upper end
     * @param level      what the interval is, in words ("10th-90th percentile", "95% bootstrap interval")
     * @param pivot      the compute (FLOPs) the data are centred on, where the band pivots
     * @param provenance V-paper, V-code or V-repro, for the interval itself
     * @param source     where the interval and the pivot are read from
     */
    public record ExponentInterval(String output, double low, double high, String level, double pivot, String provenance, String source) {
        public ExponentInterval {
            requireSymbol(output);
            if (!(low > 0 && low < high && high < 1)) {
                throw new IllegalArgumentException("an exponent interval needs 0 < low < high < 1, got " + low + " to " + high);
            }
            if (!(pivot > 0) || !Double.isFinite(pivot)) {
                throw new IllegalArgumentException("an exponent interval needs a positive pivot (FLOPs), got " + pivot);
            }
            requireText(level, "an exponent interval needs its level (what kind of interval it is)");
            if (!PROVENANCES.contains(provenance)) {
                throw new IllegalArgumentException("an exponent interval's provenance '" + provenance + "' is not one of " + PROVENANCES);
            }
            requireText(source, "an exponent interval needs its source");
        }
    }

    /**
     * How the law finds an optimal allocation.
     *
     * @param kind       {@code compute-budget}: minimise {@code objective} under C = 6·N·D for a budget C (or for the
     *                   budget at which a given N is optimal); {@code target-loss}: minimise the {@code objective}
     *                   cost over (N, D) subject to the loss output reaching the input {@code target}
     * @param objective  the output to minimise (the loss, or a cost)
     * @param target     for {@code target-loss}: the output held at the value the caller passes under its name
     * @param closedForm for {@code compute-budget}: the paper's closed form (outputs over C and constants), used
     *                   instead of the numerical optimiser when present
     * @param then       outputs computed after the optimum, over the inputs, the optimum and the constants
     */
    public record Optimal(String kind, String objective, String target, List<Output> closedForm, List<Output> then) {
        public static final String COMPUTE_BUDGET = "compute-budget";
        public static final String TARGET_LOSS = "target-loss";

        public Optimal {
            if (!COMPUTE_BUDGET.equals(kind) && !TARGET_LOSS.equals(kind)) {
                throw new IllegalArgumentException("optimal kind '" + kind + "' is not one of " + COMPUTE_BUDGET + ", " + TARGET_LOSS);
            }
            requireSymbol(objective);
            if (TARGET_LOSS.equals(kind)) {
                requireSymbol(target);
            }
            closedForm = List.copyOf(closedForm);
            then = List.copyOf(then);
        }
    }

    /**
     * A value from the paper (or recomputed from its constants) that the law must reproduce.
     *
     * @param mode       {@code evaluate} or {@code optimal}
     * @param constants  the constant set id
     * @param inputs     the inputs
     * @param expect     output name → expected value
     * @param tolerance  the largest relative difference accepted
     * @param provenance V-paper, V-code or V-repro
     * @param source     where the value is stated
     */
    public record Check(String mode, String constants, Map<String, Double> inputs, Map<String, Double> expect, double tolerance,
            String provenance, String source) {
        public Check {
            if (!"evaluate".equals(mode) && !"optimal".equals(mode)) {
                throw new IllegalArgumentException("check mode '" + mode + "' is not evaluate or optimal");
            }
            inputs = frozen(inputs);
            expect = frozen(expect);
            if (expect.isEmpty()) {
                throw new IllegalArgumentException("a check needs expected values");
            }
            if (!(tolerance > 0 && tolerance < 1)) {
                throw new IllegalArgumentException("a check's tolerance is a relative difference between 0 and 1, got " + tolerance);
            }
            if (!PROVENANCES.contains(provenance)) {
                throw new IllegalArgumentException("a check's provenance '" + provenance + "' is not one of " + PROVENANCES);
            }
        }
    }

    static void requireSymbol(String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("'" + symbol + "' is not a formula name (a letter, then letters, digits or '_')");
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }

    private static Map<String, Double> frozen(Map<String, Double> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
