package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.exception.util.ExceptionContextProvider;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Bounded least squares of one curve family on log residuals (ln prediction − ln loss): Levenberg-Marquardt with the
 * analytic Jacobian, every step clamped into the family's bounds by a parameter validator, from the best few starts of
 * a small grid (exponent × floor × bend), each start's scale A solved in closed form. Deterministic.
 */
final class CurveLeastSquares {

    private static final double[] ALPHAS = {0.1, 0.3, 0.7, 1.5};
    private static final double[] FLOOR_SHARES = {0, 0.5, 0.9};
    private static final int STARTS = 3;
    private static final int MAX_EVALUATIONS = 2_000;

    private CurveLeastSquares() {
    }

    /** The fitted parameters from the grid's best starts, over the points {@code sample} indexes. */
    static double[] fit(CurveFamily family, double[] logX, double[] logY, int[] sample, Deadline deadline) {
        double[][] bounds = bounds(family, logX, logY, sample);
        List<double[]> starts = starts(family, logX, logY, sample, bounds);
        starts.sort(Comparator.comparingDouble(p -> squares(family, p, logX, logY, sample)));
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (double[] start : starts.subList(0, Math.min(STARTS, starts.size()))) {
            double[] fitted = refine(family, start, logX, logY, sample, bounds, deadline);
            double value = squares(family, fitted, logX, logY, sample);
            if (value < bestValue) {
                bestValue = value;
                best = fitted;
            }
        }
        return best == null ? starts.get(0) : best;
    }

    /** The bounds of the family for the points {@code sample} indexes. */
    static double[][] bounds(CurveFamily family, double[] logX, double[] logY, int[] sample) {
        double[] xs = new double[sample.length];
        double[] ys = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            xs[i] = logX[sample[i]];
            ys[i] = logY[sample[i]];
        }
        return family.bounds(xs, ys);
    }

    /** Levenberg-Marquardt from {@code start}, clamped into {@code bounds}; the start itself if it does no better. */
    static double[] refine(CurveFamily family, double[] start, double[] logX, double[] logY, int[] sample, double[][] bounds, Deadline deadline) {
        int n = family.parameters();
        double[] target = new double[sample.length];
        for (int i = 0; i < sample.length; i++) {
            target[i] = logY[sample[i]];
        }
        MultivariateJacobianFunction model = point -> {
            deadline.check();
            double[] p = point.toArray();
            double[] values = new double[sample.length];
            double[][] jacobian = new double[sample.length][n];
            for (int i = 0; i < sample.length; i++) {
                values[i] = family.gradient(p, logX[sample[i]], jacobian[i]);
            }
            return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
        };
        ParameterValidator clamp = point -> {
            for (int j = 0; j < n; j++) {
                double v = point.getEntry(j);
                point.setEntry(j, Double.isNaN(v) ? start[j] : Math.max(bounds[0][j], Math.min(bounds[1][j], v)));
            }
            return point;
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder().start(clampCopy(start, bounds)).model(model).target(target)
                .parameterValidator(clamp).maxEvaluations(MAX_EVALUATIONS).maxIterations(MAX_EVALUATIONS).build();
        double[] from = clampCopy(start, bounds);
        try {
            double[] fitted = new LevenbergMarquardtOptimizer().optimize(problem).getPoint().toArray();
            fitted = clampCopy(fitted, bounds);
            return squares(family, fitted, logX, logY, sample) <= squares(family, from, logX, logY, sample) ? fitted : from;
        } catch (RuntimeException e) {
            if (e instanceof ExceptionContextProvider) {
                return from; // no convergence within the budget, a singular step: the start stands
            }
            throw e;
        }
    }

    static double squares(CurveFamily family, double[] p, double[] logX, double[] logY, int[] sample) {
        double total = 0;
        for (int i : sample) {
            double r = family.logPredict(p, logX[i]) - logY[i];
            total += r * r;
        }
        return Double.isNaN(total) ? Double.POSITIVE_INFINITY : total;
    }

    private static double[] clampCopy(double[] p, double[][] bounds) {
        double[] copy = p.clone();
        for (int j = 0; j < copy.length; j++) {
            copy[j] = Math.max(bounds[0][j], Math.min(bounds[1][j], copy[j]));
        }
        return copy;
    }

    private static List<double[]> starts(CurveFamily family, double[] logX, double[] logY, int[] sample, double[][] bounds) {
        double minY = bounds[1].length > 2 ? bounds[1][2] : Double.NaN;
        double[] bends = family == CurveFamily.SATURATING
                ? new double[] {bounds[0][3], bounds[0][3] + CurveFamily.X0_BELOW, (bounds[0][3] + CurveFamily.X0_BELOW + bounds[1][3]) / 2}
                : new double[] {Double.NaN};
        double[] shares = family == CurveFamily.PURE_POWER ? new double[] {0} : FLOOR_SHARES;
        List<double[]> starts = new ArrayList<>();
        for (double alpha : ALPHAS) {
            for (double share : shares) {
                for (double bend : bends) {
                    double[] p = new double[family.parameters()];
                    p[1] = alpha;
                    if (family != CurveFamily.PURE_POWER) {
                        p[2] = share == 0 ? bounds[0][2] : minY + Math.log(share);
                    }
                    if (family == CurveFamily.SATURATING) {
                        p[3] = bend;
                    }
                    // ln A: the mean over the points of ln(loss − E) + alpha·ln(x [+ x0]), where the power term is the rest
                    double sum = 0;
                    for (int i : sample) {
                        double floor = family == CurveFamily.PURE_POWER ? 0 : Math.exp(p[2] - logY[i]);
                        double rest = logY[i] + Math.log(Math.max(1 - floor, 1e-6));
                        sum += rest + alpha * family.logShifted(p, logX[i]);
                    }
                    p[0] = Math.max(bounds[0][0], Math.min(bounds[1][0], sum / sample.length));
                    starts.add(p);
                }
            }
        }
        return starts;
    }
}
