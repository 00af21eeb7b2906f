package org.scalingatlas.laws;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Numerical optimal allocations with Commons Math, for laws whose paper gives no closed form: a coarse scan of
 * ln N locates the basin, Brent's method refines it; where D must reach a target, Brent's root finder solves for it.
 */
final class Allocation {

    /** An allocation: the budget it spends, the model size and the training tokens. */
    record Point(double budget, double n, double d) {
    }

    /** The smallest budget worth an allocation: a thousand parameters on a thousand tokens. */
    static final double MIN_BUDGET = 6e6;
    private static final int SCAN = 240;
    private static final double LN_MAX_TOKENS = Math.log(1e30);
    private static final double LN_MAX_SIZE = Math.log(1e20);

    private final Calculator calculator;
    private final Map<String, Double> values;

    Allocation(Calculator calculator, Map<String, Double> values) {
        this.calculator = calculator;
        this.values = values;
    }

    /** The (N, D) with C = 6ND that minimises the objective. */
    Point minimiseAtBudget(double budget) {
        double hi = Math.log(budget / 6);
        if (!(hi > 0)) {
            throw new LawInputException("the budget C = " + Calculator.format(budget) + " FLOPs is too small (C = 6 N D)");
        }
        double x = minimise(ln -> objective(Math.exp(ln), budget / (6 * Math.exp(ln))), 0, hi);
        double n = Math.exp(x);
        return new Point(budget, n, budget / (6 * n));
    }

    /** The budget at which {@code size} is the optimal model size. */
    double budgetFor(double size) {
        double lo = Math.log(6 * size) - 20;
        double hi = Math.log(6 * size) + LN_MAX_TOKENS;
        DoubleUnaryOperator gap = y -> Math.log(calculator.optimalSize(values, Math.exp(y), this)) - Math.log(size);
        try {
            double y = new BrentSolver(1e-12, 1e-12).solve(400, gap::applyAsDouble, lo, hi);
            return Math.exp(y);
        } catch (MathIllegalArgumentException | LawInputException e) {
            throw new LawInputException("no compute budget makes N = " + Calculator.format(size) + " the optimal model size under this law");
        }
    }

    /** The (N, D) that reaches {@code target} for {@code output} at the least objective (a cost). */
    Point minimiseAtTarget(String output, double target) {
        double x = minimise(ln -> {
            double n = Math.exp(ln);
            double d = tokensToReach(output, target, n);
            return Double.isNaN(d) ? Double.POSITIVE_INFINITY : objective(n, d);
        }, 0, LN_MAX_SIZE);
        double n = Math.exp(x);
        double d = tokensToReach(output, target, n);
        if (Double.isNaN(d)) {
            throw new LawInputException(output + " = " + Calculator.format(target)
                    + " is out of reach: no model size and data reach it under this law (it lies at or below the law's floor)");
        }
        return new Point(Double.NaN, n, d);
    }

    /** The D at which the output reaches the target for a model of size n, or NaN when no D does. */
    private double tokensToReach(String output, double target, double n) {
        DoubleUnaryOperator gap = z -> at(output, n, Math.exp(z)) - target;
        double far = gap.applyAsDouble(LN_MAX_TOKENS);
        if (!Double.isFinite(far) || far > 0) {
            return Double.NaN;
        }
        double near = gap.applyAsDouble(0);
        if (!Double.isFinite(near) || near <= 0) {
            return Double.isFinite(near) ? 1 : Double.NaN;
        }
        return Math.exp(new BrentSolver(1e-13, 1e-13).solve(400, gap::applyAsDouble, 0, LN_MAX_TOKENS));
    }

    private double objective(double n, double d) {
        double value = at(calculator.objective(), n, d);
        return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
    }

    private double at(String output, double n, double d) {
        Map<String, Double> scope = new LinkedHashMap<>(values);
        scope.put(Calculator.SIZE, n);
        scope.put(Calculator.DATA, d);
        return calculator.output(output, scope);
    }

    /** The argmin of f on [lo, hi]: the best of a coarse scan, refined by Brent's method between its neighbours. */
    private static double minimise(DoubleUnaryOperator f, double lo, double hi) {
        double step = (hi - lo) / SCAN;
        int best = 0;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= SCAN; i++) {
            double value = f.applyAsDouble(lo + i * step);
            if (value < bestValue) {
                bestValue = value;
                best = i;
            }
        }
        if (Double.isInfinite(bestValue)) {
            return Double.NaN;
        }
        double left = lo + Math.max(0, best - 1) * step;
        double right = lo + Math.min(SCAN, best + 1) * step;
        if (right <= left) {
            return lo + best * step;
        }
        UnivariatePointValuePair optimum = new BrentOptimizer(1e-12, 1e-14).optimize(new MaxEval(2000), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(f::applyAsDouble), new SearchInterval(left, right, lo + best * step));
        return optimum.getValue() <= bestValue ? optimum.getPoint() : lo + best * step;
    }
}
