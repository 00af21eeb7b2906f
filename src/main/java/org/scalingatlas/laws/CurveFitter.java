package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Fits a one-variable learning curve ({@link CurveFamily}) by bounded least squares on log residuals, and says how far
 * the fit can be trusted: rollout cross-validation (fit on the smallest k points, predict the larger ones, for k from
 * the fewest that identify the constants up), leave-one-out error, bootstrap intervals of the constants and of
 * predictions at chosen x, and warnings where a constant is poorly identified. With "auto" the family is the simplest
 * whose rollout error is within 10% (or 1e-4) of the lowest. Deterministic: fixed seed.
 */
public final class CurveFitter {

    public static final String AUTO = "auto";
    /** Rollout steps at most (evenly spaced over k) and leave-one-out points at most: each is a refit. */
    static final int MAX_ROLLOUT_STEPS = 20;
    static final int MAX_LEAVE_ONE_OUT = 100;
    public static final int MAX_PREDICTIONS = 100;
    /** An interval wider than this ratio spans more than an order of magnitude: the constant is poorly identified. */
    static final double SPAN = 10;
    private static final long SEED = 42;
    private static final String METHOD = "bounded least squares on log residuals (Levenberg-Marquardt, steps clamped into bounds: "
            + "0 ≤ alpha ≤ 5, E between the lowest loss × e^-20 and the lowest loss, x0 between the smallest x / 1000 and the largest x), "
            + "best of the 3 best starts of a grid";

    private CurveFitter() {
    }

    /** True when {@code family} names a one-variable learning-curve family or "auto". */
    public static boolean handles(String family) {
        return AUTO.equals(family) || CurveFamily.byId(family) != null;
    }

    /**
     * @param family    a {@link CurveFamily} id or "auto"
     * @param predictAt x values to predict at (may be empty)
     * @throws LawInputException   for an unknown family, too few points for it, values or counts out of bounds
     * @throws UnfittableException for a loss that rises with x
     * @throws Deadline.Exceeded   when the deadline passes first
     */
    public static CurveFit fit(String family, List<String> inputs, List<Fitter.Point> points, int resamples, List<Double> predictAt,
            LawBook published, Deadline deadline) {
        if (!handles(family)) {
            throw new LawInputException("unknown family '" + family + "': " + Fitter.FAMILIES);
        }
        if (inputs.size() != 1) {
            throw new LawInputException("the " + family + " family takes one input column (x and loss), got " + inputs.size() + " " + inputs);
        }
        String input = inputs.get(0);
        CurveFamily asked = CurveFamily.byId(family);
        int fewest = asked == null ? CurveFamily.PURE_POWER.minimumPoints() : asked.minimumPoints();
        if (points.size() < fewest) {
            throw new LawInputException("the " + family + " family" + (asked == null ? "" : " (" + asked.formula(input) + ", " + asked.parameters() + " constants)")
                    + " needs at least " + fewest + " points (its constants, one more, and one to hold out), got " + points.size());
        }
        Fitter.validateValues(inputs, points, resamples);
        validatePredictions(predictAt);
        List<Fitter.Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p.inputs().get(input)));
        double[] logX = new double[sorted.size()];
        double[] logY = new double[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            logX[i] = Math.log(sorted.get(i).inputs().get(input));
            logY[i] = Math.log(sorted.get(i).loss());
        }
        double[][] columns = new double[logX.length][];
        Arrays.setAll(columns, i -> new double[] {logX[i]});
        Fitter.refuseRising(asked == null ? "each learning-curve family" : asked.formula(input), inputs, columns, logY);

        List<CurveFit.Candidate> candidates = new ArrayList<>();
        CurveFamily chosen = asked == null ? choose(logX, logY, input, candidates, deadline) : asked;
        int[] all = range(logX.length);
        double[] best = CurveLeastSquares.fit(chosen, logX, logY, all, deadline);
        Map<String, Double> constants = chosen.constants(best);
        if (constants.values().stream().anyMatch(v -> !Double.isFinite(v))) {
            throw new UnfittableException("these points cannot be fitted: no finite constants of " + chosen.formula(input) + " describe them");
        }
        List<CurveFit.RolloutStep> rollout = rollout(chosen, logX, logY, chosen.parameters() + 1, deadline);
        double rolloutError = rollout.stream().mapToDouble(CurveFit.RolloutStep::meanAbsLogError).average().orElse(0);
        double leaveOneOut = leaveOneOut(chosen, best, logX, logY, deadline);

        List<Double> xs = predictAt == null ? List.of() : predictAt;
        Bootstrap bootstrap = resamples == 0 ? null : bootstrap(chosen, best, logX, logY, xs, resamples, deadline);
        Map<String, Fitter.Interval> intervals = bootstrap == null ? Map.of() : bootstrap.intervals;
        List<CurveFit.Prediction> predictions = new ArrayList<>();
        for (int j = 0; j < xs.size(); j++) {
            double x = xs.get(j);
            double beyond = Math.max(0, (Math.log(x) - logX[logX.length - 1]) / Math.log(10));
            predictions.add(new CurveFit.Prediction(x, Math.exp(chosen.logPredict(best, Math.log(x))), bootstrap == null ? null : bootstrap.predictions.get(j), beyond));
        }
        List<Fitter.Residual> residuals = new ArrayList<>();
        double squares = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double r = chosen.logPredict(best, logX[i]) - logY[i];
            squares += r * r;
            residuals.add(new Fitter.Residual(sorted.get(i).inputs(), sorted.get(i).loss(), Math.exp(logY[i] + r), r));
        }
        List<String> warnings = IdentifiabilityWarnings.of(chosen, best, CurveLeastSquares.bounds(chosen, logX, logY, all), intervals, input, logX, logY);
        predictions.stream().filter(p -> p.decadesBeyond() > 1).forEach(p -> warnings.add(String.format(Locale.ROOT,
                "%s = %.4g is %.1f decades beyond the largest point, while the rollout predicted at most %.2g decades ahead of its fits",
                input, p.x(), p.decadesBeyond(), (logX[logX.length - 1] - Math.log(rollout.get(0).fittedTo())) / Math.log(10))));
        return new CurveFit(chosen.id, chosen.formula(input), List.copyOf(inputs), constants, intervals, resamples,
                Math.sqrt(squares / sorted.size()), residuals, Fitter.compare(inputs, sorted, published), METHOD, rollout, rolloutError,
                leaveOneOut, predictions, warnings, candidates);
    }

    /**
     * The simplest family whose rollout error is within 10% (or 1e-4) of the lowest, scored on the later half of the steps
     * every family can take: the first steps fit a 4-constant family to 5 points, and scoring on them favoured pure-power
     * on curves with a floor (FitBench: 0.0558 against 0.0469 mean log error at 3% noise).
     */
    private static CurveFamily choose(double[] logX, double[] logY, String input, List<CurveFit.Candidate> candidates, Deadline deadline) {
        List<CurveFamily> families = Arrays.stream(CurveFamily.values()).filter(f -> f.minimumPoints() <= logX.length).toList();
        int firstK = families.stream().mapToInt(CurveFamily::parameters).max().orElseThrow() + 1;
        double[] errors = new double[families.size()];
        double lowest = Double.POSITIVE_INFINITY;
        for (int f = 0; f < families.size(); f++) {
            errors[f] = rollout(families.get(f), logX, logY, (firstK + logX.length) / 2, deadline).stream().mapToDouble(CurveFit.RolloutStep::meanAbsLogError).average().orElse(0);
            lowest = Math.min(lowest, errors[f]);
        }
        double tolerance = Math.max(1.1 * lowest, lowest + 1e-4);
        CurveFamily chosen = null;
        for (int f = 0; f < families.size(); f++) {
            boolean pick = chosen == null && errors[f] <= tolerance;
            if (pick) {
                chosen = families.get(f);
            }
            candidates.add(new CurveFit.Candidate(families.get(f).id, families.get(f).formula(input), errors[f], pick));
        }
        return chosen;
    }

    /** Fit on the smallest k points, score the rest, for k from {@code firstK} to n − 1 (at most 20 steps, evenly spaced). */
    static List<CurveFit.RolloutStep> rollout(CurveFamily family, double[] logX, double[] logY, int firstK, Deadline deadline) {
        int n = logX.length;
        List<CurveFit.RolloutStep> steps = new ArrayList<>();
        int count = n - firstK;
        int taken = Math.min(count, MAX_ROLLOUT_STEPS);
        int previous = -1;
        for (int s = 0; s < taken; s++) {
            int k = taken == 1 ? firstK : firstK + (int) Math.round((double) s * (count - 1) / (taken - 1));
            if (k == previous) {
                continue;
            }
            previous = k;
            double[] p = CurveLeastSquares.fit(family, logX, logY, range(k), deadline);
            double total = 0;
            for (int i = k; i < n; i++) {
                total += Math.abs(family.logPredict(p, logX[i]) - logY[i]);
            }
            steps.add(new CurveFit.RolloutStep(k, Math.exp(logX[k - 1]), n - k, total / (n - k)));
        }
        return steps;
    }

    /** Each point (at most 100, evenly spaced) predicted by a refit without it, from the full fit. */
    private static double leaveOneOut(CurveFamily family, double[] best, double[] logX, double[] logY, Deadline deadline) {
        int n = logX.length;
        int taken = Math.min(n, MAX_LEAVE_ONE_OUT);
        double total = 0;
        for (int s = 0; s < taken; s++) {
            int out = taken == n ? s : (int) Math.round((double) s * (n - 1) / (taken - 1));
            int[] sample = new int[n - 1];
            for (int i = 0, j = 0; i < n; i++) {
                if (i != out) {
                    sample[j++] = i;
                }
            }
            double[] p = CurveLeastSquares.refine(family, best, logX, logY, sample, CurveLeastSquares.bounds(family, logX, logY, sample), deadline);
            total += Math.abs(family.logPredict(p, logX[out]) - logY[out]);
        }
        return total / taken;
    }

    private record Bootstrap(Map<String, Fitter.Interval> intervals, List<Fitter.Interval> predictions) {
    }

    private static Bootstrap bootstrap(CurveFamily family, double[] best, double[] logX, double[] logY, List<Double> xs, int resamples, Deadline deadline) {
        Random random = new Random(SEED);
        Map<String, double[]> draws = new LinkedHashMap<>();
        family.constants.forEach(name -> draws.put(name, new double[resamples]));
        double[][] curves = new double[xs.size()][resamples];
        int[] sample = new int[logX.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(logX.length);
            }
            double[] p = CurveLeastSquares.refine(family, best, logX, logY, sample, CurveLeastSquares.bounds(family, logX, logY, sample), deadline);
            final int draw = r;
            family.constants(p).forEach((name, value) -> draws.get(name)[draw] = value);
            for (int j = 0; j < xs.size(); j++) {
                curves[j][r] = Math.exp(family.logPredict(p, Math.log(xs.get(j))));
            }
        }
        Map<String, Fitter.Interval> intervals = new LinkedHashMap<>();
        draws.forEach((name, values) -> {
            Fitter.Interval interval = percentiles(values);
            if (interval != null) {
                intervals.put(name, interval);
            }
        });
        List<Fitter.Interval> predictions = new ArrayList<>();
        for (double[] curve : curves) {
            predictions.add(percentiles(curve));
        }
        return new Bootstrap(intervals, predictions);
    }

    private static Fitter.Interval percentiles(double[] values) {
        Percentile percentile = new Percentile();
        percentile.setData(values);
        Fitter.Interval interval = new Fitter.Interval(percentile.evaluate(2.5), percentile.evaluate(97.5));
        return Double.isFinite(interval.low()) && Double.isFinite(interval.high()) ? interval : null;
    }

    private static void validatePredictions(List<Double> xs) {
        if (xs == null) {
            return;
        }
        if (xs.size() > MAX_PREDICTIONS) {
            throw new LawInputException("predictAt takes at most " + MAX_PREDICTIONS + " values, got " + xs.size());
        }
        for (Double x : xs) {
            if (x == null || !Double.isFinite(x) || x <= 0) {
                throw new LawInputException("predictAt: each x must be a positive finite number, got " + x);
            }
        }
    }

    private static int[] range(int n) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        return all;
    }
}
