package org.scalingatlas.laws;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * Approximate 95% intervals of a curve fit's constants from its local covariance, σ²(JᵀJ)⁻¹ with σ² the residual
 * variance over n − p degrees of freedom, over the parameters not pinned at a bound. They need no resampling, so they
 * still speak where a bootstrap of a handful of points says little. Exponentiated for A, E and x0 (fitted as logs).
 */
final class LocalIntervals {

    private static final double Z = 1.96;

    private LocalIntervals() {
    }

    static Map<String, Fitter.Interval> of(CurveFamily family, double[] p, double[] logX, double[] logY, boolean[] pinned) {
        Map<String, Fitter.Interval> intervals = new LinkedHashMap<>();
        int[] free = java.util.stream.IntStream.range(0, p.length).filter(j -> !pinned[j]).toArray();
        int dof = logX.length - free.length;
        if (free.length == 0 || dof <= 0) {
            return intervals;
        }
        double[][] jacobian = new double[logX.length][free.length];
        double[] row = new double[p.length];
        double squares = 0;
        for (int i = 0; i < logX.length; i++) {
            double r = family.gradient(p, logX[i], row) - logY[i];
            squares += r * r;
            for (int f = 0; f < free.length; f++) {
                jacobian[i][f] = row[free[f]];
            }
        }
        double variance = squares / dof;
        RealMatrix j = new Array2DRowRealMatrix(jacobian, false);
        RealMatrix covariance;
        try {
            covariance = new LUDecomposition(j.transpose().multiply(j), 1e-300).getSolver().getInverse().scalarMultiply(variance);
        } catch (SingularMatrixException e) {
            return intervals; // the constants are not separable at all: the pinned and interval rules speak instead
        }
        for (int f = 0; f < free.length; f++) {
            int k = free[f];
            double sd = Math.sqrt(Math.max(0, covariance.getEntry(f, f)));
            if (!Double.isFinite(sd)) {
                continue;
            }
            double low = p[k] - Z * sd;
            double high = p[k] + Z * sd;
            boolean logged = k != 1;
            Fitter.Interval interval = logged ? new Fitter.Interval(Math.exp(low), Math.exp(high)) : new Fitter.Interval(low, high);
            if (Double.isFinite(interval.low()) && Double.isFinite(interval.high())) {
                intervals.put(family.constants.get(k), interval);
            }
        }
        return intervals;
    }
}
