package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Learning curves that flatten: BOBYQA gave up on them with "trust region step has failed to reduce Q" (a 500). Each
 * must now give a fit whose constants are finite and whose curve follows the points, or a refusal in words.
 */
class PlateauFitTest {

    /** A benchmark score over 19 checkpoints: rises quickly, then sits at 0.61. */
    private static final double[] SCORE = {0.20, 0.31, 0.38, 0.43, 0.47, 0.50, 0.53, 0.55, 0.57, 0.58, 0.59, 0.60, 0.605, 0.607, 0.61, 0.61, 0.61, 0.61, 0.612};

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rising score", "error rate (1 - score)", "perfectly flat", "flat at a tiny loss", "flat at a huge loss"})
    void should_fit_a_plateau_or_refuse_it_in_words(String curve) {
        List<Fitter.Point> points = new ArrayList<>();
        for (int i = 0; i < SCORE.length; i++) {
            double steps = 1000.0 * Math.pow(1.6, i);
            double value = switch (curve) {
                case "rising score" -> SCORE[i];
                case "error rate (1 - score)" -> 1 - SCORE[i];
                case "perfectly flat" -> 0.61;
                case "flat at a tiny loss" -> 1e-300;
                default -> 1e300;
            };
            points.add(new Fitter.Point(Map.of("steps", steps), value));
        }
        try {
            Fitter.Fit fit = Fitter.fit(Fitter.Family.POWER_LAW, List.of("steps"), points, 50, null);
            fit.constants().forEach((name, value) -> assertTrue(Double.isFinite(value), name + " = " + value));
            fit.intervals().forEach((name, interval) -> assertTrue(Double.isFinite(interval.low()) && Double.isFinite(interval.high()), name + " " + interval));
            assertTrue(fit.rmseLog() < 0.05, curve + ": the fit does not follow the points, RMS log residual " + fit.rmseLog() + " " + fit.constants());
            if (curve.startsWith("perfectly flat")) {
                double atEnd = fit.constants().get("E") + fit.constants().get("A") / Math.pow(points.get(18).inputs().get("steps"), fit.constants().get("alpha"));
                assertEquals(0.61, atEnd, 1e-3, "a flat line is its own plateau: " + fit.constants());
            }
        } catch (UnfittableException e) {
            assertTrue(e.getMessage().startsWith("these points cannot be fitted: "), e.getMessage());
            assertEquals("rising score", curve, "only a rising score is refused: " + e.getMessage());
            assertTrue(e.getMessage().contains("the loss rises with steps") && e.getMessage().contains("fit its error (1 − score)"), e.getMessage());
        }
    }

    @ParameterizedTest(name = "chinchilla, {0}")
    @ValueSource(doubles = {2.0, 1e-300})
    void should_fit_a_flat_surface_over_two_inputs_or_refuse_it_in_words(double loss) {
        List<Fitter.Point> points = new ArrayList<>();
        for (double n = 1e8; n <= 1e10; n *= 3) {
            for (double d = 1e9; d <= 1e11; d *= 4) {
                points.add(new Fitter.Point(Map.of("N", n, "D", d), loss));
            }
        }
        try {
            Fitter.Fit fit = Fitter.fit(Fitter.Family.CHINCHILLA, List.of("N", "D"), points, 10, null);
            fit.constants().forEach((name, value) -> assertTrue(Double.isFinite(value), name + " = " + value));
            assertTrue(fit.rmseLog() < 0.05, "RMS log residual " + fit.rmseLog());
        } catch (UnfittableException e) {
            assertTrue(e.getMessage().startsWith("these points cannot be fitted: "), e.getMessage());
        }
    }
}
