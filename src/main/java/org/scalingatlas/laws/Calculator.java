package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.math3.exception.util.ExceptionContextProvider;
import org.scalingatlas.corpus.Law;

/**
 * One law made executable: its formulas compiled once, its inputs checked, its constants resolved, and its optimal
 * allocation found in closed form where the paper gives one, else numerically ({@link Allocation}).
 */
public final class Calculator {

    /** The names the optimiser gives the optimum and the budget. */
    public static final String N_OPT = "N_opt";
    public static final String D_OPT = "D_opt";
    public static final String BUDGET = "C";
    public static final String SIZE = "N";
    public static final String DATA = "D";
    public static final String CUSTOM = "custom";

    private final Law law;
    private final List<Step> outputs;
    private final List<Step> closedForm;
    private final List<Step> then;

    /** An output and its compiled formula. */
    record Step(String name, Formula formula, String unit) {
    }

    /** @throws IllegalArgumentException when a formula does not compile, naming the law */
    public Calculator(Law law) {
        this.law = law;
        try {
            Set<String> names = new HashSet<>(law.constantNames());
            law.inputs().forEach(v -> names.add(v.symbol()));
            this.outputs = compile(law.outputs(), names);
            Law.Optimal optimal = law.optimal();
            if (optimal == null) {
                this.closedForm = List.of();
                this.then = List.of();
            } else {
                if (law.input(SIZE).isEmpty() || law.input(DATA).isEmpty()) {
                    throw new IllegalArgumentException("an optimal allocation needs the inputs N and D");
                }
                if (outputs.stream().noneMatch(s -> s.name().equals(optimal.objective()))) {
                    throw new IllegalArgumentException("the optimal objective '" + optimal.objective() + "' is not an output");
                }
                Set<String> budgetNames = new HashSet<>(law.constantNames());
                law.inputs().stream().map(Law.Variable::symbol).filter(s -> !s.equals(SIZE) && !s.equals(DATA)).forEach(budgetNames::add);
                budgetNames.add(BUDGET);
                this.closedForm = compile(optimal.closedForm(), budgetNames);
                if (!closedForm.isEmpty() && (names(closedForm).indexOf(N_OPT) < 0 || names(closedForm).indexOf(D_OPT) < 0)) {
                    throw new IllegalArgumentException("a closed form must give N_opt and D_opt");
                }
                names.addAll(names(outputs));
                names.addAll(List.of(N_OPT, D_OPT, BUDGET, "tokens_per_parameter"));
                this.then = compile(optimal.then(), names);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("law " + law.id() + ": " + e.getMessage(), e);
        }
    }

    public Law law() {
        return law;
    }

    /**
     * Whether the optimal allocation is searched for numerically (no closed form from the paper): a scan and Brent's
     * method per budget, nested in a root finder when N is given, up to a second of work; a closed form takes microseconds.
     */
    public boolean searchesNumerically() {
        return law.optimal() != null && closedForm.isEmpty();
    }

    /** The law's outputs at the given inputs. */
    public Result evaluate(Map<String, Double> given, String setId, Map<String, Double> custom) {
        try {
            return evaluateWith(given, setId, custom);
        } catch (NoFiniteValueException e) {
            throw e.with(custom);
        }
    }

    private Result evaluateWith(Map<String, Double> given, String setId, Map<String, Double> custom) {
        Constants constants = constants(setId, custom);
        List<String> required = law.inputs().stream().map(Law.Variable::symbol).toList();
        Map<String, Double> inputs = checkedInputs(given, required, required);
        Map<String, Double> values = new LinkedHashMap<>(constants.values());
        values.putAll(inputs);
        Map<String, Double> out = run(outputs, values);
        List<String> warnings = new ArrayList<>(constants.warnings());
        inputs.forEach((symbol, value) -> rangeWarning(symbol, value).ifPresent(warnings::add));
        return new Result(law.id(), "evaluate", constants.id(), constants.values(), inputs, out, units(inputs, out), warnings, "formula");
    }

    /** The optimal allocation: for a budget C (or the budget at which a given N is optimal), or for a target. */
    public Result optimal(Map<String, Double> given, String setId, Map<String, Double> custom) {
        try {
            return optimalWith(given, setId, custom);
        } catch (NoFiniteValueException e) {
            throw e.with(custom);
        } catch (RuntimeException e) {
            if (e instanceof ExceptionContextProvider) {
                // Commons Math's solvers give up (no bracket, too many evaluations) on laws that have no optimum here
                throw new LawInputException("law " + law.id() + ": the numerical search for the optimal allocation found none at these inputs ("
                        + describe(given) + (custom.isEmpty() ? "" : "; the caller's constants " + describe(custom)) + "): " + e.getMessage());
            }
            throw e;
        }
    }

    private Result optimalWith(Map<String, Double> given, String setId, Map<String, Double> custom) {
        Law.Optimal optimal = law.optimal();
        if (optimal == null) {
            throw new LawInputException("law " + law.id() + " has no optimal allocation; evaluate it instead");
        }
        Constants constants = constants(setId, custom);
        List<String> others = law.inputs().stream().map(Law.Variable::symbol).filter(s -> !s.equals(SIZE) && !s.equals(DATA)).toList();
        boolean budget = optimal.kind().equals(Law.Optimal.COMPUTE_BUDGET);
        List<String> accepted = new ArrayList<>(others);
        List<String> required = new ArrayList<>(others);
        if (budget) {
            accepted.addAll(List.of(BUDGET, SIZE));
            if (!given.containsKey(SIZE) && !given.containsKey(BUDGET)) {
                throw new LawInputException("law " + law.id() + ": pass the compute budget C (FLOPs), or a model size N to find the budget at which it is optimal");
            }
            if (given.containsKey(SIZE) && given.containsKey(BUDGET)) {
                throw new LawInputException("law " + law.id() + ": pass either the budget C or the model size N, not both");
            }
        } else {
            accepted.add(optimal.target());
            required.add(optimal.target());
        }
        Map<String, Double> inputs = checkedInputs(given, accepted, required);
        Map<String, Double> values = new LinkedHashMap<>(constants.values());
        values.putAll(inputs);
        Allocation allocation = new Allocation(this, values);
        Allocation.Point point;
        String method;
        if (budget) {
            double c = inputs.containsKey(BUDGET) ? inputs.get(BUDGET) : allocation.budgetFor(inputs.get(SIZE));
            if (c < Allocation.MIN_BUDGET) {
                String which = inputs.containsKey(BUDGET) ? "the budget C = " : "the budget at which N = " + format(inputs.get(SIZE)) + " is optimal, C = ";
                throw new LawInputException(which + format(c) + " FLOPs, is too small to train any real model (at least "
                        + format(Allocation.MIN_BUDGET) + " FLOPs: a thousand parameters on a thousand tokens)");
            }
            point = closedForm.isEmpty() ? allocation.minimiseAtBudget(c) : closedForm(values, c);
            method = closedForm.isEmpty() ? "numerical: Brent's method over ln N with D = C / (6 N)" : "closed form from the paper";
            if (inputs.containsKey(SIZE)) {
                method += "; the budget at which N is optimal found with Brent's root finder";
            }
        } else {
            point = allocation.minimiseAtTarget(optimal.target(), inputs.get(optimal.target()));
            method = "numerical: Brent's method over ln N, with D solved by Brent's root finder so that " + optimal.target() + " is reached";
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (budget) {
            out.put(BUDGET, point.budget());
        }
        out.put(N_OPT, point.n());
        out.put(D_OPT, point.d());
        out.put("tokens_per_parameter", point.d() / point.n());
        Map<String, Double> at = new LinkedHashMap<>(values);
        at.put(SIZE, point.n());
        at.put(DATA, point.d());
        at.keySet().removeAll(names(outputs));
        out.putAll(run(outputs, at));
        at.putAll(out);
        out.putAll(run(then, at));
        List<String> warnings = new ArrayList<>(constants.warnings());
        inputs.forEach((symbol, value) -> rangeWarning(symbol, value).ifPresent(warnings::add));
        rangeWarning(SIZE, point.n()).map(w -> "the optimal " + w).ifPresent(warnings::add);
        rangeWarning(DATA, point.d()).map(w -> "the optimal " + w).ifPresent(warnings::add);
        return new Result(law.id(), "optimal", constants.id(), constants.values(), inputs, out, units(inputs, out), warnings, method);
    }

    /** The law's outputs at {@code values} (inputs and constants), or an error naming the output that is not finite. */
    Map<String, Double> run(List<Step> steps, Map<String, Double> values) {
        Map<String, Double> scope = new LinkedHashMap<>(values);
        Map<String, Double> out = new LinkedHashMap<>();
        for (Step step : steps) {
            double value = step.formula().evaluate(scope);
            if (!Double.isFinite(value)) {
                throw new NoFiniteValueException("law " + law.id() + " gives no finite " + step.name() + " at these inputs (" + describe(inputsIn(values)) + ")");
            }
            scope.put(step.name(), value);
            out.put(step.name(), value);
        }
        return out;
    }

    /** One output of the law, or NaN where the law gives none (for the optimiser). */
    double output(String name, Map<String, Double> values) {
        Map<String, Double> scope = new LinkedHashMap<>(values);
        for (Step step : outputs) {
            double value = step.formula().evaluate(scope);
            if (step.name().equals(name)) {
                return value;
            }
            scope.put(step.name(), value);
        }
        throw new IllegalStateException("no output " + name);
    }

    String objective() {
        return law.optimal().objective();
    }

    private Allocation.Point closedForm(Map<String, Double> values, double budget) {
        Map<String, Double> scope = new LinkedHashMap<>(values);
        scope.put(BUDGET, budget);
        Map<String, Double> out = run(closedForm, scope);
        return new Allocation.Point(budget, out.get(N_OPT), out.get(D_OPT));
    }

    /** The closed-form or numerical N_opt at a budget, for the root finder. */
    double optimalSize(Map<String, Double> values, double budget, Allocation allocation) {
        return closedForm.isEmpty() ? allocation.minimiseAtBudget(budget).n() : closedForm(values, budget).n();
    }

    /** An output that is not a finite number; names the caller's own constants too, which are as likely the cause. */
    private static final class NoFiniteValueException extends LawInputException {
        private static final long serialVersionUID = 1L;

        NoFiniteValueException(String message) {
            super(message);
        }

        LawInputException with(Map<String, Double> custom) {
            return custom.isEmpty() ? this : new LawInputException(getMessage() + " with the caller's constants (" + describe(custom) + ")");
        }
    }

    private record Constants(String id, Map<String, Double> values, List<String> warnings) {
    }

    private Constants constants(String setId, Map<String, Double> custom) {
        Law.ConstantSet set = null;
        if (setId != null && !setId.isBlank()) {
            set = law.constantSet(setId).orElseThrow(() -> new LawInputException("law " + law.id() + " has no constant set '" + setId
                    + "' (its sets: " + String.join(", ", law.constantSets().stream().map(Law.ConstantSet::id).toList()) + ")"));
        } else if (!law.constantSets().isEmpty()) {
            set = law.constantSets().get(0);
        }
        Map<String, Double> values = new LinkedHashMap<>(set == null ? Map.of() : set.values());
        List<String> warnings = new ArrayList<>();
        if (set != null && set.note() != null) {
            warnings.add(Caveats.PREFIX + set.id() + "': " + set.note());
        }
        for (Map.Entry<String, Double> entry : custom.entrySet()) {
            if (!law.constantNames().contains(entry.getKey())) {
                throw new LawInputException("law " + law.id() + " has no constant '" + entry.getKey() + "' (its constants: " + String.join(", ", law.constantNames()) + ")");
            }
            if (entry.getValue() == null || !Double.isFinite(entry.getValue())) {
                throw new LawInputException("constant " + entry.getKey() + " must be a finite number");
            }
            values.put(entry.getKey(), entry.getValue());
        }
        List<String> missing = law.constantNames().stream().filter(n -> !values.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new LawInputException("law " + law.id() + " has no verified constants; pass " + String.join(", ", missing) + " in 'constants'");
        }
        if (!custom.isEmpty()) {
            warnings.add("constants supplied by the caller, not the paper's: " + describe(custom));
        }
        return new Constants(!custom.isEmpty() ? CUSTOM : set == null ? "none" : set.id(), values, warnings);
    }

    private Map<String, Double> checkedInputs(Map<String, Double> given, List<String> accepted, List<String> required) {
        for (String name : given.keySet()) {
            if (!accepted.contains(name)) {
                throw new LawInputException("law " + law.id() + " takes no input '" + name + "' here (it takes " + String.join(", ", accepted) + ")");
            }
        }
        Map<String, Double> inputs = new LinkedHashMap<>();
        for (String name : accepted) {
            Double value = given.get(name);
            if (value == null) {
                if (required.contains(name)) {
                    throw new LawInputException("law " + law.id() + " needs " + name + describeVariable(name));
                }
                continue;
            }
            if (!Double.isFinite(value)) {
                throw new LawInputException(name + " must be a finite number, got " + value);
            }
            boolean zeroAllowed = law.input(name).map(Law.Variable::zeroAllowed).orElse(false);
            if (value < 0 || (value == 0 && !zeroAllowed)) {
                throw new LawInputException(name + " must be " + (zeroAllowed ? "zero or positive" : "positive") + ", got " + format(value));
            }
            inputs.put(name, value);
        }
        return inputs;
    }

    private String describeVariable(String name) {
        return law.input(name).map(v -> " (" + v.name() + ", in " + v.unit() + ")")
                .orElse(name.equals(BUDGET) ? " (training compute, in FLOPs)" : "");
    }

    private java.util.Optional<String> rangeWarning(String symbol, double value) {
        return law.input(symbol).flatMap(v -> {
            if (v.min() != null && value < v.min()) {
                return java.util.Optional.of(symbol + " = " + format(value) + " is below the range the law was fitted on (" + range(v) + "): an extrapolation");
            }
            if (v.max() != null && value > v.max()) {
                return java.util.Optional.of(symbol + " = " + format(value) + " is above the range the law was fitted on (" + range(v) + "): an extrapolation");
            }
            return java.util.Optional.empty();
        });
    }

    private static String range(Law.Variable v) {
        return (v.min() == null ? "?" : format(v.min())) + " to " + (v.max() == null ? "?" : format(v.max())) + " " + v.unit();
    }

    private Map<String, String> units(Map<String, Double> inputs, Map<String, Double> out) {
        Map<String, String> units = new LinkedHashMap<>();
        inputs.keySet().forEach(name -> units.put(name, unitOf(name)));
        out.keySet().forEach(name -> units.put(name, unitOf(name)));
        return units;
    }

    private String unitOf(String name) {
        Optional<String> declared = law.input(name).map(Law.Variable::unit)
                .or(() -> java.util.stream.Stream.of(law.outputs(), law.optimal() == null ? List.<Law.Output>of() : law.optimal().then())
                        .flatMap(List::stream).filter(o -> o.name().equals(name)).findFirst().map(Law.Output::unit));
        return declared.orElseGet(() -> switch (name) {
            case N_OPT -> unitOf(SIZE);
            case D_OPT -> unitOf(DATA);
            case BUDGET -> "FLOPs (C = 6 N D)";
            case "tokens_per_parameter" -> "tokens per parameter";
            default -> "";
        });
    }

    private static List<Step> compile(List<Law.Output> outputs, Set<String> names) {
        Set<String> scope = new HashSet<>(names);
        List<Step> steps = new ArrayList<>();
        for (Law.Output output : outputs) {
            steps.add(new Step(output.name(), Formula.compile(output.formula(), scope), output.unit()));
            scope.add(output.name());
        }
        return List.copyOf(steps);
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::name).toList();
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    private static String describe(Map<String, Double> values) {
        return String.join(", ", values.entrySet().stream().map(e -> e.getKey() + " = " + format(e.getValue())).toList());
    }

    /** The law's inputs among {@code values} (which also hold the constants). */
    private Map<String, Double> inputsIn(Map<String, Double> values) {
        Map<String, Double> inputs = new LinkedHashMap<>();
        law.inputs().forEach(v -> {
            if (values.containsKey(v.symbol())) {
                inputs.put(v.symbol(), values.get(v.symbol()));
            }
        });
        return inputs;
    }
}
