package org.scalingatlas.answer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.scalingatlas.laws.Calculation;
import org.scalingatlas.laws.Calculator;
import org.scalingatlas.laws.Caveats;
import org.scalingatlas.laws.InlineCalculations;
import org.scalingatlas.laws.Plan;

/** The paragraph that states an answer's calculations, each attributed to the note that cites its law. */
public final class CalculationProse {

    private CalculationProse() {
    }

    /**
     * The paragraph for an answer whose calculations are the rows of a plan ({@code plan} not {@code null}): one
     * sentence per row (N_opt, D_opt, tokens per parameter, loss, the extrapolation warning past a decade), then the
     * planner's spread between those rows and its sentences on why they differ. Without a plan, as {@link #of(List)}.
     */
    public static String of(List<Calculation> calculations, Plan plan) {
        return stated(calculations, plan).paragraph();
    }

    /**
     * The paragraph that states the calculations (as {@link #of(List, Plan)}) and, apart, its closing sentences on how
     * far their allocations spread and why (as {@link #spread}), worked out once.
     */
    public record Stated(String paragraph, String spread) {
    }

    public static Stated stated(List<Calculation> calculations, Plan plan) {
        String spread = spread(calculations, plan);
        String body = plan == null || calculations.isEmpty() ? worked(calculations) : planned(calculations, plan);
        return new Stated(spread.isEmpty() || body.isEmpty() ? body : body + " " + spread, spread);
    }

    /**
     * What the calculations answer, in one clause for the straight answer, when they answer the question itself from its
     * own numbers ({@code asked} names the outputs it asks for): for a plan of the budget or the target loss it states,
     * the range of N_opt, D_opt and tokens per parameter over the rows (and of the budget, for a loss); otherwise the
     * range of each asked output over the laws run, at the question's numbers. Empty when {@code asked} is.
     */
    public static Optional<String> headline(List<Calculation> calculations, Plan plan, List<String> asked) {
        return headline(new InlineCalculations.Inline(calculations, plan, asked));
    }

    /**
     * As {@link #headline(List, Plan, List)}, for an answer's calculations as they were run: saying which of the question's
     * numbers the value leaves aside ({@link InlineCalculations.Inline#leftAside}: none of the laws run reads them), so
     * that "a 1B model trained in 4 bits" does not read as if the loss accounted for the precision; for a plan whose
     * first rows read numbers the others leave aside ({@link InlineCalculations.Inline#reading}), the first rows'
     * allocation, then the others'; and for laws that read different numbers of the question (ParScale's N and P,
     * Chinchilla's N and D), the value of those that read them as the first does, the others following in the paragraph.
     */
    public static Optional<String> headline(InlineCalculations.Inline inline) {
        List<Calculation.Given> leftAside = inline.leftAside();
        String unread = leftAside.isEmpty() ? "" : ", leaving aside " + given(leftAside) + " you gave (no law the cited notes carry reads "
                + (leftAside.size() == 1 ? "it" : "them") + ")";
        List<Calculation.Given> unplaced = inline.unplaced();
        String aside = unplaced.isEmpty() ? unread : unread + (unread.isEmpty() ? ", leaving aside " : ", and ") + given(unplaced)
                + " you also gave (the calculation" + (inline.calculations().size() == 1 ? " takes" : "s take") + " the first number of each kind)";
        boolean alike = inline.reading() == inline.calculations().size();
        Optional<Clause> answered = inline.settings() > 1 ? compared(inline)
                : alike ? answered(inline.calculations(), inline.plan(), inline.asked())
                : inline.plan() != null ? readFirst(inline)
                : answered(inline.calculations().subList(0, inline.reading()), null, inline.asked())
                        .map(clause -> new Clause(clause.value(), "each calculation, and where they differ, follow the answer."));
        return answered.map(clause -> clause.value() + aside + "; " + clause.followUp());
    }

    /**
     * The settings the question compares, each with what the laws give there and the inputs that differ between them,
     * then those they share: "with your numbers, the law the cited notes carry gives loss = 2.223 nats per token at N =
     * 1.00e09 parameters; loss = 2.113 nats per token at N = 3.00e09 parameters; and loss = 2.052 nats per token at N =
     * 7.00e09 parameters (D = 1.00e12 tokens in each)".
     */
    private static Optional<Clause> compared(InlineCalculations.Inline inline) {
        int per = inline.reading();
        List<Calculation> firsts = new ArrayList<>();
        for (int i = 0; i < inline.settings(); i++) {
            firsts.add(inline.calculations().get(i * per));
        }
        Map<String, Double> shared = new LinkedHashMap<>(firsts.get(0).result().inputs());
        shared.entrySet().removeIf(input -> firsts.stream().anyMatch(c -> !input.getValue().equals(c.result().inputs().get(input.getKey()))));
        List<String> settings = new ArrayList<>();
        List<String> where = new ArrayList<>();
        boolean oneLaw = true;
        for (int i = 0; i < inline.settings(); i++) {
            List<Calculation> here = inline.calculations().subList(i * per, (i + 1) * per);
            List<String> outputs = outputs(here, inline.asked());
            if (outputs.isEmpty()) {
                return Optional.empty();
            }
            Optional<String> bySet = bySet(here, inline.asked());
            oneLaw &= per == 1 || bySet.isPresent();
            Map<String, Double> differing = new LinkedHashMap<>(firsts.get(i).result().inputs());
            differing.keySet().removeAll(shared.keySet());
            where.add(values(differing, firsts.get(i)));
            settings.add(bySet.orElse(EnglishText.list(outputs)) + " at " + where.get(i));
        }
        String joined = String.join("; ", settings.subList(0, settings.size() - 1)) + "; and " + settings.get(settings.size() - 1);
        return Optional.of(new Clause("with your numbers, the " + (oneLaw ? "law the cited notes carry gives " : "laws the cited notes carry give ")
                + joined + (shared.isEmpty() ? "" : " (" + values(shared, firsts.get(0)) + " in each)") + extremes(inline, where),
                "each calculation follows the answer."));
    }

    /**
     * Where the one value asked is lowest and where highest, when one law gives it at each setting and the values differ:
     * "which reaches lower loss, … or …?" and "which solves more problems?" are answered in words, not left to the
     * reader's comparing ("; lower at N = 1.30e10 parameters, D = 1.00e12 tokens, higher at N = 7.00e09 parameters, D =
     * 2.00e12 tokens"). Both ends, because a law's output does not say which way is better (coverage and accuracy
     * rise, loss and error fall) and a question may ask either way.
     */
    private static String extremes(InlineCalculations.Inline inline, List<String> where) {
        if (inline.reading() != 1 || inline.asked().size() != 1) {
            return "";
        }
        List<Double> values = inline.calculations().stream().map(c -> c.result().outputs().get(inline.asked().get(0))).toList();
        if (values.stream().anyMatch(Objects::isNull) || values.stream().map(CalculationProse::number).distinct().count() < values.size()) {
            return "";
        }
        int lowest = values.indexOf(values.stream().min(Double::compare).orElseThrow());
        int highest = values.indexOf(values.stream().max(Double::compare).orElseThrow());
        boolean two = values.size() == 2;
        return "; " + (two ? "lower" : "lowest") + " at " + where.get(lowest) + ", " + (two ? "higher" : "highest") + " at " + where.get(highest);
    }

    /**
     * A plan whose first rows read numbers of the question the others leave aside: "for your budget of C = 1.00e23 FLOPs,
     * the law that reads every number you gave puts the compute-optimal model at 1.12e10 parameters …, and those that
     * leave one aside at 1.46e10 to 2.95e10 parameters".
     */
    private static Optional<Clause> readFirst(InlineCalculations.Inline inline) {
        if (inline.asked().isEmpty()) {
            return Optional.empty();
        }
        int reading = inline.reading();
        List<Plan.Row> rows = inline.plan().rows();
        List<Plan.Row> others = rows.subList(reading, rows.size());
        String numbers = inline.leftAside().isEmpty() ? "every number you gave" : "the most of the numbers you gave";
        return Optional.of(new Clause(allocation(inline.plan().budget(), rows.subList(0, reading),
                reading == 1 ? "the law the cited notes carry that reads " + numbers + " puts" : "the laws the cited notes carry that read " + numbers + " put")
                + ", and " + (others.size() == 1 ? "the one that leaves" : "those that leave") + " one aside at "
                + range(others.stream().map(Plan.Row::nOpt).toList(), CalculationProse::number) + " parameters",
                "each constant set's row, and why they differ, follow the answer."));
    }

    /**
     * "for your budget of C = …, {laws} the compute-optimal model at … parameters trained on … tokens (… tokens per
     * parameter)"; for a target loss, "for your target loss of 2.050, {laws} the model that reaches it at the least cost
     * at … parameters trained on … tokens (…), C = … FLOPs".
     */
    private static String allocation(Plan.Budget budget, List<Plan.Row> rows, String laws) {
        String tokens = range(rows.stream().map(Plan.Row::dOpt).filter(Objects::nonNull).toList(), CalculationProse::number);
        String ratio = range(rows.stream().map(Plan.Row::tokensPerParameter).filter(Objects::nonNull).toList(), v -> String.format(Locale.ROOT, "%.3g", v));
        String model = range(rows.stream().map(Plan.Row::nOpt).toList(), CalculationProse::number) + " parameters"
                + (tokens.isEmpty() ? "" : " trained on " + tokens + " tokens (" + ratio + " tokens per parameter)");
        return budget.forLoss()
                ? "for your target loss of " + number(budget.targetLoss()) + ", " + laws + " the model that reaches it at the least cost at " + model
                        + ", C = " + range(rows.stream().map(Plan.Row::compute).toList(), CalculationProse::number) + " FLOPs"
                : "for your budget of C = " + number(budget.compute()) + " FLOPs, " + laws + " the compute-optimal model at " + model;
    }

    /** What the calculations give, and where the answer shows how ("the calculation follows the answer."). */
    private record Clause(String value, String followUp) {
    }

    /** "the 4 bits", "the 1.00e11 unique tokens and the 8 streams", "the loss of 2.100": the numbers as the question gave them. */
    private static String given(List<Calculation.Given> given) {
        return EnglishText.list(given.stream().map(g -> g.kind().equals("loss") ? "the loss of " + amount(g.value())
                : "the " + amount(g.value()) + " " + KIND_NAMES.getOrDefault(g.kind(), g.kind().replace('-', ' '))).toList());
    }

    /** Kinds of number whose name is not their id with spaces. */
    private static final Map<String, String> KIND_NAMES = Map.of("flops", "FLOPs", "pf-days", "PF-days");

    /** A value as a person writes it: whole numbers below 1e5 without decimals ("P = 8 streams", not "8.000"), others as {@link #number}. */
    private static String amount(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e5 ? String.valueOf((long) value) : number(value);
    }

    private static Optional<Clause> answered(List<Calculation> calculations, Plan plan, List<String> asked) {
        if (asked.isEmpty() || calculations.isEmpty()) {
            return Optional.empty();
        }
        if (plan == null) {
            return computed(calculations, asked);
        }
        boolean one = plan.rows().size() == 1;
        return Optional.of(new Clause(allocation(plan.budget(), plan.rows(), one ? "the law the cited notes carry puts" : "the laws the cited notes carry put"),
                one ? "the calculation follows the answer." : "each constant set's row, and why they differ, follow the answer."));
    }

    /**
     * The asked outputs over the laws run at the question's numbers; for the fits of one law a question names to compare,
     * each set's value ({@link #bySet}): "the law the cited notes carry gives loss = 1.050 nats per token with its
     * stack-v2-python constants and loss = 1.898 nats per token with its pile constants".
     */
    private static Optional<Clause> computed(List<Calculation> calculations, List<String> asked) {
        Calculation first = calculations.get(0);
        Optional<String> bySet = bySet(calculations, asked);
        if (bySet.isPresent()) {
            return Optional.of(new Clause("with your numbers (" + values(first.result().inputs(), first) + "), the law the cited notes carry gives "
                    + bySet.get(), "each calculation, and what each constant set is, follow the answer."));
        }
        List<String> outputs = outputs(calculations, asked);
        long laws = calculations.stream().filter(c -> asked.stream().anyMatch(c.result().outputs()::containsKey)).count();
        return outputs.isEmpty() ? Optional.empty() : Optional.of(new Clause("with your numbers (" + values(first.result().inputs(), first) + "), the "
                + (laws == 1 ? "law the cited notes carry gives " : "laws the cited notes carry give ") + EnglishText.list(outputs),
                laws == 1 ? "the calculation follows the answer." : "each calculation, and where they differ, follow the answer."));
    }

    /**
     * For one cited note's law run with several of its constant sets, which the question named to compare them, each
     * set's asked outputs: "loss = 1.050 nats per token with its stack-v2-python constants and loss = 1.898 nats per
     * token with its pile constants". Empty for other runs: refits carried by different notes (Chinchilla's published,
     * rounded and refitted constants) give a range, as different laws do.
     */
    private static Optional<String> bySet(List<Calculation> calculations, List<String> asked) {
        boolean oneLaw = calculations.stream().map(c -> c.law() + "/" + c.note()).distinct().count() == 1;
        long sets = calculations.stream().map(c -> c.result().constants()).distinct().count();
        if (!oneLaw || sets < 2 || sets < calculations.size()) {
            return Optional.empty();
        }
        List<String> each = new ArrayList<>();
        for (Calculation c : calculations) {
            List<String> outputs = outputs(List.of(c), asked);
            if (outputs.isEmpty()) {
                return Optional.empty();
            }
            each.add(EnglishText.list(outputs) + " with its " + c.result().constants() + " constants");
        }
        return Optional.of(EnglishText.list(each));
    }

    /** Each asked output, over the calculations that give it, as a range: "loss = 2.178 to 2.184 nats per token". */
    private static List<String> outputs(List<Calculation> calculations, List<String> asked) {
        List<String> outputs = new ArrayList<>();
        for (String output : asked) {
            List<Double> values = calculations.stream().map(c -> c.result().outputs().get(output)).filter(Objects::nonNull).toList();
            if (!values.isEmpty()) {
                outputs.add(valued(output, range(values, CalculationProse::number), unit(calculations.get(0).result().units().get(output))));
            }
        }
        return outputs;
    }

    /** "a" for one value, else "lowest to highest". */
    private static String range(List<Double> values, Function<Double, String> format) {
        if (values.isEmpty()) {
            return "";
        }
        double low = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double high = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return format.apply(low).equals(format.apply(high)) ? format.apply(low) : format.apply(low) + " to " + format.apply(high);
    }

    /** One sentence per row of the plan, without the spread. */
    private static String planned(List<Calculation> calculations, Plan plan) {
        String budget = plan.budget().forLoss() ? "Planned for your target loss of " + number(plan.budget().targetLoss())
                : calculations.get(0).inputsFrom().equals(Calculation.EXAMPLE)
                ? "Planned at a representative budget of C = " + number(plan.budget().compute())
                        + " FLOPs, a worked example (state a budget in the question to plan for yours),"
                : "Planned for your budget of C = " + number(plan.budget().compute()) + " FLOPs";
        StringBuilder text = new StringBuilder(budget + " with the laws the cited notes carry, one row per constant set (./atlas plan lists every law).");
        for (int i = 0; i < calculations.size(); i++) {
            Calculation c = calculations.get(i);
            Plan.Row row = plan.rows().get(i);
            if (i > 0 && calculations.get(i - 1).law().equals(c.law())) {
                text.append(" With constants ").append(row.constants()).append(": N_opt = ");  // the same law and note as the row before
            } else {
                text.append(' ').append(Character.toUpperCase(c.name().charAt(0))).append(c.name().substring(1))
                        .append(" (constants: ").append(row.constants()).append("), cited by \u201c").append(c.noteTitle())
                        .append("\u201d: N_opt = ");
            }
            text.append(number(row.nOpt())).append(unit(row.parameters()));
            if (row.band() != null) {
                text.append(" (").append(number(row.band().nLow())).append(" to ").append(number(row.band().nHigh()))
                        .append(" within the exponent interval its source reports)");
            }
            if (row.dOpt() != null) {
                text.append(", D_opt = ").append(number(row.dOpt())).append(" tokens, ")
                        .append(String.format(Locale.ROOT, "%.3g", row.tokensPerParameter())).append(" tokens per parameter");
            }
            if (row.loss() != null) {
                text.append(", loss ").append(number(row.loss()));
            }
            text.append('.');
            if (row.extrapolation().warning() != null) {
                text.append(" Extrapolation: ").append(row.extrapolation().warning()).append('.');
            }
        }
        return text.toString();
    }

    /**
     * How far the calculations' allocations spread and why they differ: for a plan, the largest N_opt over the smallest
     * and the planner's reasons; otherwise the sentence on allocations that disagree, or else the one on what the constant
     * sets of a law run more than once are. Empty when there is nothing to say.
     */
    public static String spread(List<Calculation> calculations, Plan plan) {
        if (plan == null || calculations.isEmpty()) {
            return disagreement(calculations).or(() -> fitsCompared(calculations)).orElse("");
        }
        Plan.Spread spread = plan.spread();
        StringBuilder text = new StringBuilder();
        if (plan.rows().size() > 1) {
            text.append(String.format(Locale.ROOT, "Spread: the largest N_opt (%s) is %.2f times the smallest (%s).", spread.largest(),
                    spread.ratio(), spread.smallest()));
        }
        spread.reasons().forEach(reason -> text.append(' ').append(reason));
        return text.toString().strip();
    }

    public static String of(List<Calculation> calculations) {
        return stated(calculations, null).paragraph();
    }

    /**
     * One sentence per law, constant set and citing note, without the sentence on allocations that disagree: a law run at
     * several settings the question compares gives each value in the one sentence ("… gives loss = 3.081 at N = 8.50e07
     * parameters; loss = 2.823 at N = 3.02e08 parameters; and …"), so that no sentence is written twice.
     */
    private static String worked(List<Calculation> calculations) {
        if (calculations.isEmpty()) {
            return "";
        }
        boolean fromQuestion = calculations.get(0).inputsFrom().equals(Calculation.FROM_QUESTION);
        StringBuilder text = new StringBuilder(fromQuestion ? "Worked out with your numbers." : "A worked example, at a representative point.");
        Map<String, List<Calculation>> byLaw = new LinkedHashMap<>();
        calculations.forEach(c -> byLaw.computeIfAbsent(c.law() + "/" + c.result().constants() + "/" + c.note(), k -> new ArrayList<>()).add(c));
        // constant sets of one law that give the same values (a refit republishing the constants) share the sentence
        Map<String, List<List<Calculation>>> alike = new LinkedHashMap<>();
        byLaw.values().forEach(runs -> alike.computeIfAbsent(runs.get(0).law() + "/" + String.join("; ", gives(runs)), k -> new ArrayList<>()).add(runs));
        for (List<List<Calculation>> sets : alike.values()) {
            List<Calculation> runs = sets.get(0);
            Calculation c = runs.get(0);
            List<String> given = gives(runs);
            String setNames = String.join(", ", sets.stream().map(set -> set.get(0).result().constants()).toList());
            String cited = sets.size() == 1 ? "(constants: " + constants(c) + "), cited by \u201c" + c.noteTitle() + "\u201d"
                    : "(constants: " + String.join("; ", sets.stream().map(set -> constants(set.get(0)) + ", cited by \u201c"
                            + set.get(0).noteTitle() + "\u201d").toList()) + ")";
            // the note is quoted inside the sentence (its question is written once, where the note is used)
            text.append(' ').append(Character.toUpperCase(c.name().charAt(0))).append(c.name().substring(1)).append(' ').append(cited)
                    .append(sets.size() == 1 ? ", gives " : " give ").append(given.size() == 1 ? given.get(0)
                            : String.join("; ", given.subList(0, given.size() - 1)) + "; and " + given.get(given.size() - 1)).append('.');
            List<Calculation> outside = runs.stream().filter(run -> run.result().warnings().stream().anyMatch(w -> w.contains("range the law was fitted on"))).toList();
            if (!outside.isEmpty()) {
                text.append(runs.size() == 1 ? " That lies" : outside.size() == runs.size() ? " These lie"
                        : " The value" + (outside.size() == 1 ? "" : "s") + " at " + EnglishText.list(outside.stream().map(run -> values(run.result().inputs(), run)).toList())
                                + (outside.size() == 1 ? " lies" : " lie"))
                        .append(" outside the range ").append(c.name()).append(" (").append(setNames)
                        .append(") was fitted on, so treat ").append(outside.size() == 1 ? "it as an extrapolation." : "them as extrapolations.");
            }
        }
        return text.toString();
    }

    /** What each of a law's runs gives, as the worked paragraph writes it: equal for constant sets that give the same values. */
    private static List<String> gives(List<Calculation> runs) {
        return runs.stream().map(run -> values(run.headline(), run) + " at " + values(run.result().inputs(), run)).toList();
    }

    /** Allocations this far apart in tokens per parameter are said to disagree, with why. */
    private static final double DISAGREE = 1.5;

    /**
     * When the allocations of an answer disagree, one sentence on why, from what the law files record about each
     * constant set (rounded exponents, a refit on digitised data, what N counts ...).
     */
    static Optional<String> disagreement(List<Calculation> calculations) {
        List<Calculation> allocations = calculations.stream()
                .filter(c -> c.result().outputs().containsKey("N_opt") && c.result().outputs().containsKey("D_opt")).toList();
        List<Double> ratios = allocations.stream().map(c -> c.result().outputs().get("D_opt") / c.result().outputs().get("N_opt")).toList();
        if (ratios.size() < 2 || ratios.stream().mapToDouble(Double::doubleValue).max().orElse(1)
                < DISAGREE * ratios.stream().mapToDouble(Double::doubleValue).min().orElse(1)) {
            return Optional.empty();
        }
        List<String> why = allocations.stream().flatMap(c -> Caveats.of(c.name(), c.result()).stream()).toList();
        String numbers = ratios.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(", "));
        return Optional.of("These allocations disagree (" + numbers + " tokens per parameter)"
                + (why.isEmpty() ? ": they come from different fits, so read each law's conditions before choosing."
                        : ", and the law files say why: " + String.join("; ", why).replaceAll("\\.(?=;|$)", "") + "."));
    }

    /**
     * When the question's numbers ran through one law with several of its constant sets (sets the question names to
     * compare, or the refits its cited notes carry), one sentence on what each set is, from the law file's labels: the
     * values differ by the fit (its data, its rounding, who refitted it), not by the formula.
     */
    static Optional<String> fitsCompared(List<Calculation> calculations) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        calculations.stream().filter(c -> Calculation.FROM_QUESTION.equals(c.inputsFrom()) && c.constantsLabel() != null)
                .forEach(c -> labels.computeIfAbsent(c.law(), k -> new LinkedHashMap<>()).putIfAbsent(c.result().constants(), c.constantsLabel()));
        List<String> sentences = labels.values().stream().filter(sets -> sets.size() > 1)
                .map(sets -> "Only the constants differ between these runs: " + EnglishText.list(
                        sets.entrySet().stream().map(set -> set.getKey() + " is \u201c" + set.getValue() + "\u201d").toList()) + ".")
                .toList();
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
    }

    private static String values(Map<String, Double> values, Calculation c) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " = " + amount(e.getValue()) + unit(c.result().units().get(e.getKey())))
                .collect(Collectors.joining(", "));
    }

    /**
     * An output and its value as prose: a symbol as it is ("N_opt = 4.17e10 non-embedding parameters", "lr = 0.000760
     * learning rate"), a name in words ("reducible loss = 2.300 nats per token", "batch size = 4.41e05 tokens"), and a
     * name its unit already says by the value alone ("20.57 to 66.81 tokens per parameter", not "tokens_per_parameter =
     * 20.57 to 66.81 tokens per parameter").
     */
    static String valued(String output, String value, String unit) {
        String[] parts = output.split("_");
        boolean words = parts[0].length() >= 4 && Arrays.stream(parts).allMatch(part -> !part.isEmpty() && part.chars().allMatch(Character::isLowerCase));
        if (!words) {
            return output + " = " + value + unit;
        }
        String name = output.replace('_', ' ');
        return unit.strip().equals(name) ? value + unit : name + " = " + value + unit;
    }

    private static String unit(String unit) {
        return unit == null || unit.isEmpty() || unit.equals("ratio") ? "" : " " + unit.replaceAll(" \\(.*\\)$", "");
    }

    /** A number as answers write it: three significant figures in e-notation past 1e5 or under 1e-3, else four. */
    /** The constant set a run used, or the asker's own values when the law carries its form only ("yours: gamma_w = 2.7, …"). */
    private static String constants(Calculation c) {
        if (!Calculator.CUSTOM.equals(c.result().constants())) {
            return c.result().constants();
        }
        return "yours: " + String.join(", ", c.result().constantValues().entrySet().stream().map(e -> e.getKey() + " = " + number(e.getValue())).toList());
    }

    public static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", value).replace("e+", "e");
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
