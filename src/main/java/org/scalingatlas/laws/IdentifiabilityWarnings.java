package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says which constants of a learning-curve fit the points do not pin down: one whose bootstrap interval spans more than
 * an order of magnitude (or reaches zero), or one the optimiser left at a bound. A is left out of the interval rule:
 * it moves with alpha by the scale of x (A = loss · x^alpha), so its spread says nothing alpha's does not.
 */
final class IdentifiabilityWarnings {

    /** Within this distance of a bound (in the fitted parameter: ln A, alpha, ln E, ln x0) a constant is pinned. */
    private static final double PINNED = 1e-4;

    private IdentifiabilityWarnings() {
    }

    static List<String> of(CurveFamily family, double[] p, double[][] bounds, Map<String, Fitter.Interval> intervals, String input,
            double[] logX, double[] logY) {
        List<String> warnings = new ArrayList<>();
        if (logX.length < 2 * p.length) {
            warnings.add(logX.length + " points for " + p.length + " constants (fewer than two a constant): the constants are poorly identified "
                    + "whatever their intervals say, since resampling so few points understates their uncertainty; add points at larger " + input);
        }
        boolean[] pinned = new boolean[p.length];
        for (int j = 0; j < p.length; j++) {
            String name = family.constants.get(j);
            boolean low = p[j] - bounds[0][j] < PINNED;
            boolean high = bounds[1][j] - p[j] < PINNED;
            pinned[j] = low || high;
            if (low || high) {
                warnings.add(name + " is pinned at its " + (low ? "lower" : "upper") + " bound" + pinnedBecause(name, low, input)
                        + ", so the points do not identify it");
            }
        }
        Map<String, Fitter.Interval> local = LocalIntervals.of(family, p, logX, logY, pinned);
        for (String name : List.of("alpha", "E", "x0")) {
            Fitter.Interval interval = intervals.get(name);
            String source = "95% interval";
            if (interval == null || !spans(interval)) {
                Fitter.Interval approximate = local.get(name);
                if (approximate != null && spans(approximate)) {
                    interval = approximate;
                    source = "95% interval from the fit's local covariance";
                }
            }
            if (interval == null) {
                continue;
            }
            if (interval.low() <= 0) {
                warnings.add(String.format(Locale.ROOT, "%s is poorly identified: its %s, %.3g to %.3g, reaches zero", name, source, interval.low(), interval.high()));
            } else if (interval.high() / interval.low() > SPAN_RATIO) {
                warnings.add(String.format(Locale.ROOT, "%s is poorly identified: its %s, %.3g to %.3g, spans %.1f orders of magnitude",
                        name, source, interval.low(), interval.high(), Math.log10(interval.high() / interval.low())));
            }
        }
        return warnings;
    }

    private static final double SPAN_RATIO = CurveFitter.SPAN;

    private static boolean spans(Fitter.Interval interval) {
        return interval.low() <= 0 || interval.high() / interval.low() > SPAN_RATIO;
    }

    private static String pinnedBecause(String name, boolean low, String input) {
        return switch (name + (low ? "-low" : "-high")) {
            case "E-low" -> " (the lowest loss × e^-20): the points show no floor; pure-power says as much with fewer constants";
            case "E-high" -> " (the lowest loss): the curve has flattened onto its last points, or the floor lies below what they show";
            case "x0-low" -> " (the smallest " + input + " / 1000): the points show no bend at small " + input + "; power-law says as much with fewer constants";
            case "x0-high" -> " (the largest " + input + "): the whole curve lies in the bend";
            case "alpha-low" -> " (0): the points do not fall with " + input;
            case "alpha-high" -> " (5): the points fall faster than any power law the fit allows";
            default -> "";
        };
    }
}
