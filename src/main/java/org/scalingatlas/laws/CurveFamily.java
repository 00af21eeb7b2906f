package org.scalingatlas.laws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-variable learning-curve families, each a loss falling with x, written in log space for the least-squares
 * fit. Parameters are kept as (ln A, alpha[, ln E[, ln x0]]) so that every constant stays positive and the fit works
 * on log residuals, where a curve spanning decades weighs each point alike.
 */
public enum CurveFamily {
    /** A / x^alpha: a straight line on log-log axes, no floor. */
    PURE_POWER("pure-power", "A / %s^alpha", List.of("A", "alpha")),
    /** E + A / x^alpha: a power law with an irreducible term (Kaplan et al. 2020, eq. 1.1 with L_∞; Hestness et al. 2017). */
    POWER_LAW("power-law", "E + A / %s^alpha", List.of("A", "alpha", "E")),
    /** E + A / (x + x0)^alpha: the same, bending at small x where x is comparable to x0 (Hestness et al.'s small-data region). */
    SATURATING("saturating", "E + A / (%s + x0)^alpha", List.of("A", "alpha", "E", "x0"));

    /** The exponent's bounds: a loss that falls (alpha ≥ 0) no faster than x^-5. */
    static final double ALPHA_MAX = 5;
    /** ln A's bounds: A and A·x^-alpha stay finite doubles. */
    static final double LOG_A_BOUND = 700;
    /** The floor E lies between the lowest loss × e^-20 (no floor at all) and the lowest loss. */
    static final double LOG_E_SPAN = 20;
    /** x0 lies between the smallest x / 1000 and the largest x. */
    static final double X0_BELOW = Math.log(1000);

    public final String id;
    private final String formula;
    public final List<String> constants;

    CurveFamily(String id, String formula, List<String> constants) {
        this.id = id;
        this.formula = formula;
        this.constants = constants;
    }

    /** The family named {@code id}, or null when it is none of these (a two-input family, or "auto"). */
    public static CurveFamily byId(String id) {
        for (CurveFamily family : values()) {
            if (family.id.equals(id)) {
                return family;
            }
        }
        return null;
    }

    public int parameters() {
        return constants.size();
    }

    /** The fewest points this family is fitted to: one more than it has constants, and one more to hold out. */
    public int minimumPoints() {
        return parameters() + 2;
    }

    public String formula(String input) {
        return String.format(java.util.Locale.ROOT, formula, input);
    }

    /** ln of the predicted loss at ln x = {@code logX}. */
    double logPredict(double[] p, double logX) {
        double power = p[0] - p[1] * logShifted(p, logX);
        if (this == PURE_POWER) {
            return power;
        }
        double floor = p[2];
        double max = Math.max(power, floor);
        return max + Math.log(Math.exp(power - max) + Math.exp(floor - max));
    }

    /** d ln(prediction) / d p at ln x = {@code logX}, into {@code row}; returns the prediction's log. */
    double gradient(double[] p, double logX, double[] row) {
        double value = logPredict(p, logX);
        double shifted = logShifted(p, logX);
        double w = this == PURE_POWER ? 1 : Math.exp(p[0] - p[1] * shifted - value);
        row[0] = w;
        row[1] = -w * shifted;
        if (this != PURE_POWER) {
            row[2] = Math.exp(p[2] - value);
        }
        if (this == SATURATING) {
            // d ln(x + x0) / d ln x0 = x0 / (x + x0)
            double share = 1 / (1 + Math.exp(logX - p[3]));
            row[3] = -w * p[1] * share;
        }
        return value;
    }

    /** ln x, or for the saturating family ln(x + x0). */
    double logShifted(double[] p, double logX) {
        if (this != SATURATING) {
            return logX;
        }
        double max = Math.max(logX, p[3]);
        return max + Math.log(Math.exp(logX - max) + Math.exp(p[3] - max));
    }

    /** Lower and upper bounds of each parameter for these points (ln x and ln loss, any order). */
    double[][] bounds(double[] logX, double[] logY) {
        double minY = Double.POSITIVE_INFINITY;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logX.length; i++) {
            minY = Math.min(minY, logY[i]);
            minX = Math.min(minX, logX[i]);
            maxX = Math.max(maxX, logX[i]);
        }
        double[] lower = {-LOG_A_BOUND, 0, minY - LOG_E_SPAN, minX - X0_BELOW};
        double[] upper = {LOG_A_BOUND, ALPHA_MAX, minY, maxX};
        int n = parameters();
        return new double[][] {java.util.Arrays.copyOf(lower, n), java.util.Arrays.copyOf(upper, n)};
    }

    /** Internal parameters as the constants a reader sees: A, alpha, E, x0. */
    Map<String, Double> constants(double[] p) {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("A", Math.exp(p[0]));
        values.put("alpha", p[1]);
        if (this != PURE_POWER) {
            values.put("E", Math.exp(p[2]));
        }
        if (this == SATURATING) {
            values.put("x0", Math.exp(p[3]));
        }
        return values;
    }
}
