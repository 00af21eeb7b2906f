package org.scalingatlas.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.laws.Calculator;
import org.scalingatlas.laws.CurveFit;
import org.scalingatlas.laws.CurveFitter;
import org.scalingatlas.laws.Deadline;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.LawBook;

/**
 * How well each one-input fit extrapolates: learning curves made with the published laws of {@code corpus/laws}
 * (every constant set; Chinchilla along three slices; the Monkeys' coverage as its error 1 − c), 16 points spaced
 * evenly in log x over the law's fitted range, with log-normal noise (σ = 0.01, or the second argument; 5 seeds). Each method fits the 10 smallest x and
 * predicts the 6 largest; the score is the mean |ln predicted − ln observed| over them. No JUnit, no JMH:
 * {@code mvn -q test-compile exec:exec -Dbench.main=org.scalingatlas.bench.FitBench [-Dbench.args="corpus 0.03"]}.
 */
public final class FitBench {

    static final int POINTS = 16;
    static final int FITTED = 10;
    static final int SEEDS = 5;
    static final List<String> METHODS = List.of("old power-law (Huber + BOBYQA)", "pure-power", "power-law", "saturating", "auto");

    record Curve(String name, double from, double to, DoubleUnaryOperator law) {
    }

    public static void main(String[] args) {
        LawBook book = new LawBook(Corpus.load(Path.of(args.length > 0 ? args[0] : "corpus")).laws());
        double noiseSigma = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
        List<Curve> curves = curves(book);
        Map<String, List<Double>> all = new LinkedHashMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        METHODS.forEach(m -> {
            all.put(m, new ArrayList<>());
            failures.put(m, 0);
        });
        Map<String, Integer> autoChoices = new LinkedHashMap<>();
        System.out.println("| curve | " + String.join(" | ", METHODS) + " |");
        System.out.println("|---|" + "---|".repeat(METHODS.size()));
        for (Curve curve : curves) {
            Map<String, List<Double>> errors = new LinkedHashMap<>();
            METHODS.forEach(m -> errors.put(m, new ArrayList<>()));
            for (int seed = 1; seed <= SEEDS; seed++) {
                Random noise = new Random(seed);
                double[] x = new double[POINTS];
                double[] y = new double[POINTS];
                for (int i = 0; i < POINTS; i++) {
                    x[i] = curve.from() * Math.pow(curve.to() / curve.from(), i / (POINTS - 1.0));
                    y[i] = curve.law().applyAsDouble(x[i]) * Math.exp(noiseSigma * noise.nextGaussian());
                }
                List<Fitter.Point> fitted = new ArrayList<>();
                for (int i = 0; i < FITTED; i++) {
                    fitted.add(new Fitter.Point(Map.of("x", x[i]), y[i]));
                }
                List<Double> heldOut = new ArrayList<>();
                for (int i = FITTED; i < POINTS; i++) {
                    heldOut.add(x[i]);
                }
                for (String method : METHODS) {
                    try {
                        double[] predicted = new double[POINTS - FITTED];
                        if (method.startsWith("old")) {
                            Map<String, Double> c = Fitter.fit(Fitter.Family.POWER_LAW, List.of("x"), fitted, 0, null).constants();
                            for (int i = FITTED; i < POINTS; i++) {
                                predicted[i - FITTED] = c.get("E") + c.get("A") / Math.pow(x[i], c.get("alpha"));
                            }
                        } else {
                            CurveFit fit = CurveFitter.fit(method, List.of("x"), fitted, 0, heldOut, null, Deadline.none());
                            for (int i = 0; i < predicted.length; i++) {
                                predicted[i] = fit.predictions().get(i).predicted();
                            }
                            if (method.equals("auto")) {
                                autoChoices.merge(fit.family(), 1, Integer::sum);
                            }
                        }
                        double total = 0;
                        for (int i = FITTED; i < POINTS; i++) {
                            total += Math.abs(Math.log(predicted[i - FITTED]) - Math.log(y[i]));
                        }
                        double error = total / (POINTS - FITTED);
                        if (!Double.isFinite(error)) {
                            throw new ArithmeticException("non-finite prediction");
                        }
                        errors.get(method).add(error);
                        all.get(method).add(error);
                    } catch (RuntimeException e) {
                        failures.merge(method, 1, Integer::sum);
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + curve.name() + " |");
            METHODS.forEach(m -> row.append(String.format(Locale.ROOT, " %.4f |", mean(errors.get(m)))));
            System.out.println(row);
        }
        StringBuilder row = new StringBuilder("| **mean over " + curves.size() + " curves × " + SEEDS + " seeds** |");
        METHODS.forEach(m -> row.append(String.format(Locale.ROOT, " **%.4f** |", mean(all.get(m)))));
        System.out.println(row);
        StringBuilder median = new StringBuilder("| median |");
        METHODS.forEach(m -> median.append(String.format(Locale.ROOT, " %.4f |", median(all.get(m)))));
        System.out.println(median);
        StringBuilder failed = new StringBuilder("| fits that failed |");
        METHODS.forEach(m -> failed.append(" ").append(failures.get(m)).append(" |"));
        System.out.println(failed);
        List<Double> old = all.get(METHODS.get(0));
        StringBuilder wins = new StringBuilder("| runs where it beats the old fit |");
        METHODS.forEach(m -> {
            List<Double> errors = all.get(m);
            long better = java.util.stream.IntStream.range(0, Math.min(errors.size(), old.size())).filter(i -> errors.get(i) < old.get(i)).count();
            wins.append(m.equals(METHODS.get(0)) ? " – |" : " " + better + " of " + errors.size() + " |");
        });
        System.out.println(wins);
        System.out.println();
        System.out.println("auto chose: " + autoChoices);
    }

    static List<Curve> curves(LawBook book) {
        List<Curve> curves = new ArrayList<>();
        for (String id : List.of("kaplan-loss-vs-parameters", "kaplan-loss-vs-data", "henighan-loss-vs-parameters", "monkeys-repeated-sampling-coverage")) {
            Calculator calculator = book.require(id);
            Law law = book.laws().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
            Law.Variable input = law.inputs().get(0);
            double from = input.min() != null ? input.min() : 1e4;
            double to = input.max() != null ? input.max() : 1e10;
            boolean coverage = id.startsWith("monkeys");
            String output = coverage ? "coverage" : "loss";
            for (Law.ConstantSet set : law.constantSets()) {
                DoubleUnaryOperator curve = v -> {
                    double value = calculator.evaluate(Map.of(input.symbol(), v), set.id(), Map.of()).outputs().get(output);
                    return coverage ? 1 - value : value;
                };
                curves.add(new Curve(id + " (" + set.id() + ")" + (coverage ? ", 1 − coverage" : ""), from, to, curve));
            }
        }
        Calculator chinchilla = book.require("chinchilla-parametric-loss");
        for (String set : List.of("published", "epoch-refit")) {
            curves.add(new Curve("chinchilla-parametric-loss (" + set + "), N at D = 5e10", 7e7, 1.6e10,
                    n -> chinchilla.evaluate(Map.of("N", n, "D", 5e10), set, Map.of()).outputs().get("loss")));
            curves.add(new Curve("chinchilla-parametric-loss (" + set + "), D at N = 1e9", 5e9, 5e11,
                    d -> chinchilla.evaluate(Map.of("N", 1e9, "D", d), set, Map.of()).outputs().get("loss")));
            curves.add(new Curve("chinchilla-parametric-loss (" + set + "), N at D = 20 N", 7e7, 1.6e10,
                    n -> chinchilla.evaluate(Map.of("N", n, "D", 20 * n), set, Map.of()).outputs().get("loss")));
        }
        return curves;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? Double.NaN : sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
