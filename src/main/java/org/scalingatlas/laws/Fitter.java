package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.exception.util.ExceptionContextProvider;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.scalingatlas.corpus.Law;

/**
 * Fits a law family to a user's points the way Hoffmann et al. fitted Chinchilla: in log space, the predicted log loss
 * is a log-sum-exp of the terms ({@code log(E + A/N^α + B/D^β) = LSE(a − α log N, b − β log D, e)}), the Huber loss
 * (δ = 10^-3) of its difference from the observed log loss is summed over the points, and minimised from the best
 * points of the paper's initialisation grid. Commons Math has no L-BFGS: each start is first solved by Levenberg-Marquardt
 * on the log residuals (the Huber optimum wherever every residual is within δ), then refined on the Huber objective
 * with the bounded, derivative-free BOBYQA.
 * Bootstrap resamples, each refitted from the full fit, give percentile intervals. Deterministic: fixed seed.
 */
public final class Fitter {

    /** The families a user can fit. */
    public enum Family {
        /** E + A / N^alpha + B / D^beta over two inputs. */
        CHINCHILLA("chinchilla", 2),
        /**
         * E + A / x^alpha over one input, by the Huber fit: kept as the baseline {@code FitBench} measures against; the
         * API's and the command line's {@code power-law} is {@link CurveFamily#POWER_LAW}, fitted by {@link CurveFitter}.
         */
        POWER_LAW("power-law", 1);

        public final String id;
        public final int inputs;

        Family(String id, int inputs) {
            this.id = id;
            this.inputs = inputs;
        }

        public static Family of(String id) {
            for (Family family : values()) {
                if (family.id.equals(id)) {
                    return family;
                }
            }
            throw new LawInputException("unknown family '" + id + "': " + FAMILIES);
        }
    }

    /** One observation: its inputs (by the names the user gave them) and the loss. */
    public record Point(Map<String, Double> inputs, double loss) {
        public Point {
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }

    public record Interval(double low, double high) {
    }

    public record Residual(Map<String, Double> inputs, double observed, double predicted, double logResidual) {
    }

    /** A published law on the same points: its predictions, in point order, and the root mean square of its log residuals. */
    public record Comparison(String law, String constants, String label, double rmseLog, List<Double> predicted) {
        public Comparison {
            predicted = List.copyOf(predicted);
        }
    }

    /**
     * @param intervals 95% percentile bootstrap intervals of each constant (empty when no resamples were asked for; a
     *                  constant whose interval has no finite end, as on a plateau, has none)
     */
    public record Fit(String family, String formula, List<String> inputs, Map<String, Double> constants,
            Map<String, Interval> intervals, int resamples, double huberLoss, double rmseLog, List<Residual> residuals,
            List<Comparison> published) {
    }

    /** What a user may ask for, in words, for the message that refuses anything else. */
    public static final String FAMILIES = "use chinchilla (E + A/N^alpha + B/D^beta, two inputs) or, over one input, pure-power (A/x^alpha), "
            + "power-law (E + A/x^alpha), saturating (E + A/(x + x0)^alpha) or auto (the one whose rollout error is lowest)";
    public static final double DELTA = 1e-3;
    public static final int MAX_POINTS = 10_000;
    public static final int MAX_RESAMPLES = 2_000;
    /**
     * Each resample refits every point, so the bootstrap costs about points × resamples point-refits: 14 µs each for a
     * power law, 75-470 µs for Chinchilla (measured on 2 cores). Past this budget a fit cannot end within the default 20 s
     * wall time even for the cheapest family (10,000 × 2,000 would take hours), so it is refused at once instead of
     * holding a place of the pool until it is stopped; below it, the wall-time limit is the bound.
     */
    public static final long MAX_POINT_RESAMPLES = 2_000_000;
    private static final long SEED = 42;
    private static final int STARTS = 3;
    private static final int MAX_EVALUATIONS = 3_000;
    private static final double[] EXPONENT_GRID = {0, 0.5, 1, 1.5, 2};
    private static final double[] LOG_SCALE_GRID = {0, 5, 10, 15, 20, 25};
    private static final double[] LOG_E_GRID = {-1, -0.5, 0, 0.5, 1};

    private Fitter() {
    }

    public static Fit fit(Family family, List<String> inputs, List<Point> points, int resamples, LawBook published) {
        return fit(family, inputs, points, resamples, published, Deadline.none());
    }

    /**
     * The same, checking {@code deadline} at every evaluation of the objective.
     *
     * @throws LawInputException    for points or resamples out of bounds
     * @throws UnfittableException  when no start reaches a finite fit, in words
     * @throws Deadline.Exceeded    when the deadline passes first
     */
    public static Fit fit(Family family, List<String> inputs, List<Point> points, int resamples, LawBook published, Deadline deadline) {
        validate(family, inputs, points, resamples);
        double[][] x = new double[points.size()][inputs.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (int j = 0; j < inputs.size(); j++) {
                x[i][j] = Math.log(points.get(i).inputs().get(inputs.get(j)));
            }
            y[i] = Math.log(points.get(i).loss());
        }
        int[] all = new int[points.size()];
        Arrays.setAll(all, i -> i);
        refuseRising(formula(family, inputs), inputs, x, y);
        double[] best = fitFromGrid(family, x, y, all, deadline);
        Map<String, Double> constants = constants(family, best);
        Map<String, Interval> intervals = resamples == 0 ? Map.of() : bootstrap(family, x, y, best, resamples, deadline);
        List<Residual> residuals = new ArrayList<>();
        double squares = 0;
        for (int i = 0; i < points.size(); i++) {
            double logPredicted = predict(best, x[i]);
            squares += (logPredicted - y[i]) * (logPredicted - y[i]);
            residuals.add(new Residual(points.get(i).inputs(), points.get(i).loss(), Math.exp(logPredicted), logPredicted - y[i]));
        }
        return new Fit(family.id, formula(family, inputs), List.copyOf(inputs), constants, intervals, resamples,
                objective(best, x, y, all), Math.sqrt(squares / points.size()), residuals, compare(inputs, points, published));
    }

    private static void validate(Family family, List<String> inputs, List<Point> points, int resamples) {
        if (inputs.size() != family.inputs) {
            throw new LawInputException("the " + family.id + " family takes " + family.inputs + " input column(s), got " + inputs.size() + " " + inputs);
        }
        int parameters = 1 + 2 * family.inputs;
        if (points.size() < parameters + 2) {
            throw new LawInputException("fitting " + parameters + " constants needs at least " + (parameters + 2) + " points, got " + points.size());
        }
        validateValues(inputs, points, resamples);
    }

    /** The bounds every fit shares: point count, resamples, points × resamples, positive finite inputs and losses. */
    static void validateValues(List<String> inputs, List<Point> points, int resamples) {
        if (points.size() > MAX_POINTS) {
            throw new LawInputException("at most " + MAX_POINTS + " points can be fitted, got " + points.size());
        }
        if (resamples < 0 || resamples > MAX_RESAMPLES) {
            throw new LawInputException("resamples must be between 0 and " + MAX_RESAMPLES + ", got " + resamples);
        }
        if ((long) points.size() * resamples > MAX_POINT_RESAMPLES) {
            throw new LawInputException("points × resamples must be at most " + MAX_POINT_RESAMPLES + " (each resample refits every point), got "
                    + points.size() + " × " + resamples + "; ask for at most " + MAX_POINT_RESAMPLES / points.size() + " resamples for "
                    + points.size() + " points");
        }
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            for (String input : inputs) {
                Double value = point.inputs().get(input);
                if (value == null || !Double.isFinite(value) || value <= 0) {
                    throw new LawInputException("point " + (i + 1) + ": " + input + " must be a positive finite number, got " + value);
                }
            }
            if (!Double.isFinite(point.loss()) || point.loss() <= 0) {
                throw new LawInputException("point " + (i + 1) + ": the loss must be a positive finite number, got " + point.loss());
            }
        }
    }

    /** Parameters: per input its log scale and exponent, then the log of the offset: (a, α, [b, β,] e). */
    private static double predict(double[] p, double[] logInputs) {
        int k = logInputs.length;
        double[] terms = new double[k + 1];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            terms[j] = p[2 * j] - p[2 * j + 1] * logInputs[j];
            max = Math.max(max, terms[j]);
        }
        terms[k] = p[2 * k];
        max = Math.max(max, terms[k]);
        double sum = 0;
        for (double term : terms) {
            sum += Math.exp(term - max);
        }
        return max + Math.log(sum);
    }

    private static double objective(double[] p, double[][] x, double[] y, int[] sample) {
        double total = 0;
        for (int i : sample) {
            double r = predict(p, x[i]) - y[i];
            double a = Math.abs(r);
            total += a <= DELTA ? 0.5 * r * r : DELTA * (a - 0.5 * DELTA);
        }
        return total;
    }

    private static double[] fitFromGrid(Family family, double[][] x, double[] y, int[] sample, Deadline deadline) {
        List<double[]> grid = new ArrayList<>();
        for (double e : LOG_E_GRID) {
            for (double a : LOG_SCALE_GRID) {
                for (double alpha : EXPONENT_GRID) {
                    if (family.inputs == 1) {
                        grid.add(new double[] {a, alpha, e});
                        continue;
                    }
                    for (double b : LOG_SCALE_GRID) {
                        for (double beta : EXPONENT_GRID) {
                            grid.add(new double[] {a, alpha, b, beta, e});
                        }
                    }
                }
            }
        }
        Map<double[], Double> scores = new java.util.IdentityHashMap<>();
        for (double[] p : grid) {
            deadline.check();
            double score = objective(p, x, y, sample);
            scores.put(p, Double.isNaN(score) ? Double.POSITIVE_INFINITY : score);
        }
        grid.sort(Comparator.comparingDouble(scores::get));
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double[] start : grid.subList(0, Math.min(STARTS, grid.size()))) {
            PointValuePair fitted = refine(leastSquares(start, x, y, sample, deadline), x, y, sample, deadline);
            if (fitted.getValue() < bestValue) {
                bestValue = fitted.getValue();
                best = fitted.getPoint();
            }
        }
        if (best == null || Arrays.stream(best).anyMatch(v -> !Double.isFinite(v))
                || constants(family, best).values().stream().anyMatch(v -> !Double.isFinite(v))) {
            throw new UnfittableException("these points cannot be fitted: no start of the optimiser reached finite constants for "
                    + formula(family, family.inputs == 1 ? List.of("x") : List.of("N", "D")) + " (are the losses spread over more than a few orders of magnitude?)");
        }
        return best;
    }

    /**
     * Least squares on the log residuals with Levenberg-Marquardt and the analytic Jacobian: where every residual is
     * within δ this is already the Huber optimum, and elsewhere it is the start the Huber refinement needs.
     */
    private static double[] leastSquares(double[] start, double[][] x, double[] y, int[] sample, Deadline deadline) {
        double[] target = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            target[i] = y[sample[i]];
        }
        MultivariateJacobianFunction model = point -> {
            deadline.check();
            double[] p = point.toArray();
            double[] values = new double[sample.length];
            double[][] jacobian = new double[sample.length][p.length];
            for (int i = 0; i < sample.length; i++) {
                values[i] = predict(p, x[sample[i]]);
                int k = x[sample[i]].length;
                for (int j = 0; j < k; j++) {
                    double w = Math.exp(p[2 * j] - p[2 * j + 1] * x[sample[i]][j] - values[i]);
                    jacobian[i][2 * j] = w;
                    jacobian[i][2 * j + 1] = -w * x[sample[i]][j];
                }
                jacobian[i][2 * k] = Math.exp(p[2 * k] - values[i]);
            }
            return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(start).model(model).target(target)
                .maxEvaluations(MAX_EVALUATIONS).maxIterations(MAX_EVALUATIONS).build();
        try {
            double[] fitted = new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
            return objective(fitted, x, y, sample) < objective(start, x, y, sample) ? fitted : start;
        } catch (RuntimeException e) {
            if (e instanceof ExceptionContextProvider) {
                // no convergence, too many evaluations, a singular step: the refinement starts from the start instead
                return start;
            }
            throw e;
        }
    }

    private static PointValuePair refine(double[] start, double[][] x, double[] y, int[] sample, Deadline deadline) {
        int n = start.length;
        double[] lower = new double[n];
        double[] upper = new double[n];
        for (int j = 0; j + 1 < n; j += 2) {
            lower[j] = -10;
            upper[j] = 40;
            lower[j + 1] = -0.5;
            upper[j + 1] = 3;
        }
        lower[n - 1] = -5;
        upper[n - 1] = 5;
        for (int j = 0; j < n; j++) {
            lower[j] = Math.min(lower[j], start[j] - 1);
            upper[j] = Math.max(upper[j], start[j] + 1);
        }
        BOBYQAOptimizer optimizer = new BOBYQAOptimizer(2 * n + 1, 0.05, 1e-7);
        // the Huber objective is nearly piecewise linear near its optimum; keep the best point seen in case the
        // evaluation budget runs out before the trust region has shrunk to its final radius
        double[] best = start.clone();
        double startValue = objective(start, x, y, sample);
        double[] bestValue = {Double.isNaN(startValue) ? Double.POSITIVE_INFINITY : startValue};
        ObjectiveFunction function = new ObjectiveFunction(p -> {
            deadline.check();
            double value = objective(p, x, y, sample);
            if (value < bestValue[0]) {
                bestValue[0] = value;
                System.arraycopy(p, 0, best, 0, n);
            }
            return value;
        });
        try {
            PointValuePair found = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper), function);
            return found.getValue() <= bestValue[0] ? found : new PointValuePair(best, bestValue[0]);
        } catch (RuntimeException e) {
            if (e instanceof ExceptionContextProvider) {
                // BOBYQA gives up on flat objectives (a plateau: "trust region step has failed to reduce Q") or when its
                // evaluations run out; the best point it evaluated is a fit, no worse than its start
                return new PointValuePair(best, bestValue[0]);
            }
            throw e;
        }
    }

    /**
     * Both families describe a loss that falls towards a floor as an input grows. Points that rise with an input (a
     * benchmark score over training steps) have as their best fit a flat line through the middle that follows none of
     * them; say so instead, with what to fit. Rising means: the least-squares slope of log loss on the log input is
     * positive by more than three standard errors and rises by over 1% across the points, so a noisy flat line passes.
     */
    static void refuseRising(String formula, List<String> inputs, double[][] x, double[] y) {
        double[] slopes;
        double[] errors;
        try {
            OLSMultipleLinearRegression regression = new OLSMultipleLinearRegression();
            regression.newSampleData(y, x);
            slopes = regression.estimateRegressionParameters();
            errors = regression.estimateRegressionParametersStandardErrors();
        } catch (RuntimeException e) {
            if (e instanceof ExceptionContextProvider) {
                return; // an input that never varies, too few points: nothing rises
            }
            throw e;
        }
        for (int j = 0; j < inputs.size(); j++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] point : x) {
                low = Math.min(low, point[j]);
                high = Math.max(high, point[j]);
            }
            double slope = slopes[j + 1];
            double rise = Math.exp(slope * (high - low)) - 1;
            if (slope > 3 * errors[j + 1] && rise > 0.01) {
                throw new UnfittableException("these points cannot be fitted: the loss rises with " + inputs.get(j) + " (by "
                        + String.format(java.util.Locale.ROOT, "%.0f", 100 * rise) + "% across the points), but " + formula
                        + " describes a loss that falls towards a floor as " + inputs.get(j) + " grows; for a score that rises, fit its error (1 − score)");
            }
        }
    }

    private static Map<String, Interval> bootstrap(Family family, double[][] x, double[] y, double[] best, int resamples, Deadline deadline) {
        Random random = new Random(SEED);
        Map<String, double[]> draws = new LinkedHashMap<>();
        constants(family, best).keySet().forEach(name -> draws.put(name, new double[resamples]));
        int[] sample = new int[y.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < sample.length; i++) {
                sample[i] = random.nextInt(y.length);
            }
            Map<String, Double> refit = constants(family, refine(leastSquares(best, x, y, sample, deadline), x, y, sample, deadline).getPoint());
            final int draw = r;
            refit.forEach((name, value) -> draws.get(name)[draw] = value);
        }
        Map<String, Interval> intervals = new LinkedHashMap<>();
        draws.forEach((name, values) -> {
            Percentile percentile = new Percentile();
            percentile.setData(values);
            Interval interval = new Interval(percentile.evaluate(2.5), percentile.evaluate(97.5));
            // on a plateau a constant can run off to infinity in over 2.5% of the resamples: its 95% interval has no
            // finite end, so it has none to show (the constant itself is still fitted)
            if (Double.isFinite(interval.low()) && Double.isFinite(interval.high())) {
                intervals.put(name, interval);
            }
        });
        return intervals;
    }

    private static Map<String, Double> constants(Family family, double[] p) {
        Map<String, Double> constants = new LinkedHashMap<>();
        constants.put("E", Math.exp(p[p.length - 1]));
        constants.put("A", Math.exp(p[0]));
        constants.put("alpha", p[1]);
        if (family.inputs == 2) {
            constants.put("B", Math.exp(p[2]));
            constants.put("beta", p[3]);
        }
        return constants;
    }

    private static String formula(Family family, List<String> inputs) {
        return family.inputs == 2
                ? "E + A / " + inputs.get(0) + "^alpha + B / " + inputs.get(1) + "^beta"
                : "E + A / " + inputs.get(0) + "^alpha";
    }

    /** Every published law over exactly these inputs with a loss output, each constant set scored on the points. */
    static List<Comparison> compare(List<String> inputs, List<Point> points, LawBook published) {
        List<Comparison> comparisons = new ArrayList<>();
        if (published == null) {
            return comparisons;
        }
        for (Law law : published.laws()) {
            boolean sameInputs = law.inputs().size() == inputs.size() && law.inputs().stream().allMatch(v -> inputs.contains(v.symbol()));
            if (!sameInputs || law.outputs().stream().noneMatch(o -> o.name().equals("loss"))) {
                continue;
            }
            Calculator calculator = published.require(law.id());
            for (Law.ConstantSet set : law.constantSets()) {
                double squares = 0;
                List<Double> predictions = new ArrayList<>();
                try {
                    for (Point point : points) {
                        double predicted = calculator.evaluate(point.inputs(), set.id(), Map.of()).outputs().get("loss");
                        double r = Math.log(predicted) - Math.log(point.loss());
                        squares += r * r;
                        predictions.add(predicted);
                    }
                } catch (LawInputException e) {
                    continue;
                }
                comparisons.add(new Comparison(law.id(), set.id(), law.name() + " (" + set.label() + ")", Math.sqrt(squares / points.size()), predictions));
            }
        }
        comparisons.sort(Comparator.comparingDouble(Comparison::rmseLog));
        return comparisons;
    }
}
