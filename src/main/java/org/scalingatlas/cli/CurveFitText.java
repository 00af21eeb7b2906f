package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.scalingatlas.laws.CurveFit;
import org.scalingatlas.laws.Fitter;

/** A learning-curve fit as text: the constants, how far it can be trusted, the predictions, the warnings. */
final class CurveFitText {

    private CurveFitText() {
    }

    static void print(PrintWriter out, CurveFit fit) {
        out.println("Fitted " + fit.formula() + " to " + fit.residuals().size() + " points (" + fit.family() + "; bounded least squares on log loss)");
        fit.constants().forEach((name, value) -> {
            Fitter.Interval interval = fit.intervals().get(name);
            out.printf(Locale.ROOT, "  %-6s %.5g%s%n", name, value,
                    interval == null ? "" : String.format(Locale.ROOT, "   95%% interval %.5g to %.5g (%d resamples)", interval.low(), interval.high(), fit.resamples()));
        });
        out.printf(Locale.ROOT, "  RMS log residual %.4g%n", fit.rmseLog());
        out.printf(Locale.ROOT, "How far it can be trusted (mean |log error| of predictions of points the fit did not see)%n");
        out.printf(Locale.ROOT, "  rollout (fit on the smallest k points, predict the rest) %.4g over %d steps%n", fit.rolloutError(), fit.rollout().size());
        fit.rollout().forEach(s -> out.printf(Locale.ROOT, "    k = %-4d fitted up to %-10.4g predicts %d later point(s): %.4g%n", s.k(), s.fittedTo(), s.heldOut(), s.meanAbsLogError()));
        out.printf(Locale.ROOT, "  leave-one-out %.4g%n", fit.leaveOneOutError());
        if (!fit.candidates().isEmpty()) {
            out.println("Families tried (rollout error on the later half of the steps all can take; the simplest within 10% of the lowest is chosen)");
            fit.candidates().forEach(c -> out.printf(Locale.ROOT, "  %s %-11s %.4g  %s%n", c.chosen() ? "*" : " ", c.family(), c.rolloutError(), c.formula()));
        }
        if (!fit.predictions().isEmpty()) {
            out.println("Predictions (95% interval of the bootstrap refits: the constants' uncertainty)");
            fit.predictions().forEach(p -> out.printf(Locale.ROOT, "  %s = %.4g: %.5g%s%n", fit.inputs().get(0), p.x(), p.predicted(),
                    p.interval() == null ? "" : String.format(Locale.ROOT, "   %.5g to %.5g", p.interval().low(), p.interval().high())));
        }
        fit.warnings().forEach(w -> out.println("warning: " + w));
        if (!fit.published().isEmpty()) {
            out.println("Published laws on the same points (RMS log residual, lower fits better)");
            fit.published().forEach(c -> out.printf(Locale.ROOT, "  %.4g  %s%n", c.rmseLog(), c.label()));
        }
    }
}
