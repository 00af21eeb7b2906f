package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Chinchilla-style fit recovers known constants from points made with them, with intervals that hold them. */
class FitterTest {

    /** Hoffmann et al.'s unrounded constants (TeX source, via Epoch's notebook). */
    private static final double E = 1.69337, A = 406.401, B = 410.723, ALPHA = 0.33917084, BETA = 0.2849083;

    @Test
    void should_recover_the_chinchilla_constants_from_noisy_points_with_intervals_that_hold_them() {
        Random noise = new Random(7);
        List<Fitter.Point> points = new ArrayList<>();
        for (double n = 7e7; n <= 1.6e10; n *= 2.2) {
            for (double d = 5e9; d <= 5e11; d *= 2.5) {
                double loss = (E + A / Math.pow(n, ALPHA) + B / Math.pow(d, BETA)) * Math.exp(0.0005 * noise.nextGaussian());
                points.add(new Fitter.Point(Map.of("N", n, "D", d), loss));
            }
        }
        Fitter.Fit fit = Fitter.fit(Fitter.Family.CHINCHILLA, List.of("N", "D"), points, 20, null);
        double trueObjective = 0;
        for (Fitter.Point p : points) {
            double r = Math.log(E + A / Math.pow(p.inputs().get("N"), ALPHA) + B / Math.pow(p.inputs().get("D"), BETA)) - Math.log(p.loss());
            trueObjective += Math.abs(r) <= Fitter.DELTA ? 0.5 * r * r : Fitter.DELTA * (Math.abs(r) - 0.5 * Fitter.DELTA);
        }
        assertTrue(fit.huberLoss() <= trueObjective * 1.0001, "the optimiser stopped above the true constants' objective: " + fit.huberLoss() + " > " + trueObjective);
        assertEquals(ALPHA, fit.constants().get("alpha"), 0.05);
        assertEquals(BETA, fit.constants().get("beta"), 0.05);
        assertEquals(E, fit.constants().get("E"), 0.1);
        for (Map.Entry<String, Double> truth : Map.of("E", E, "alpha", ALPHA, "beta", BETA).entrySet()) {
            Fitter.Interval interval = fit.intervals().get(truth.getKey());
            assertTrue(interval.low() <= truth.getValue() * 1.05 && truth.getValue() * 0.95 <= interval.high(), truth + " outside " + interval);
        }
        assertTrue(fit.rmseLog() < 0.004, "RMS log residual " + fit.rmseLog());
        assertEquals(points.size(), fit.residuals().size());
    }

    @Test
    void should_fit_a_power_law_with_an_offset_exactly_on_exact_points() {
        List<Fitter.Point> points = new ArrayList<>();
        for (double k = 1; k <= 1e4; k *= 3) {
            points.add(new Fitter.Point(Map.of("k", k), 0.5 + 2.0 / Math.pow(k, 0.4)));
        }
        Fitter.Fit fit = Fitter.fit(Fitter.Family.POWER_LAW, List.of("k"), points, 0, null);
        assertEquals(0.5, fit.constants().get("E"), 1e-3);
        assertEquals(2.0, fit.constants().get("A"), 1e-2);
        assertEquals(0.4, fit.constants().get("alpha"), 1e-3);
        assertTrue(fit.intervals().isEmpty());
        assertEquals("E + A / k^alpha", fit.formula());
    }

    @Test
    void should_give_the_same_fit_twice() {
        List<Fitter.Point> points = new ArrayList<>();
        for (double n = 1e7; n <= 1e10; n *= 2) {
            points.add(new Fitter.Point(Map.of("N", n), 1.7 + 300 / Math.pow(n, 0.3) * (1 + 0.01 * Math.sin(n))));
        }
        assertEquals(Fitter.fit(Fitter.Family.POWER_LAW, List.of("N"), points, 30, null),
                Fitter.fit(Fitter.Family.POWER_LAW, List.of("N"), points, 30, null));
    }

    @Test
    void should_stop_inside_the_optimiser_when_its_deadline_passes_or_it_is_stopped() {
        List<Fitter.Point> points = new ArrayList<>();
        Random noise = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            double n = Math.exp(17 + 6 * noise.nextDouble());
            double d = Math.exp(20 + 6 * noise.nextDouble());
            points.add(new Fitter.Point(Map.of("N", n, "D", d), (E + A / Math.pow(n, ALPHA) + B / Math.pow(d, BETA)) * Math.exp(0.01 * noise.nextGaussian())));
        }
        long start = System.nanoTime();
        Deadline.Exceeded late = assertThrows(Deadline.Exceeded.class,
                () -> Fitter.fit(Fitter.Family.CHINCHILLA, List.of("N", "D"), points, 1_000, null, Deadline.after(java.time.Duration.ofMillis(300))));
        assertTrue(late.getMessage().startsWith("stopped after 0.3 s"), late.getMessage());
        // unbounded, this fit runs for minutes; stopped, it ends within one evaluation of the objective past the limit
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "took " + (System.nanoTime() - start) / 1_000_000 + " ms");
        Deadline left = Deadline.after(java.time.Duration.ofMinutes(5));
        left.stop("the client closed the connection");
        assertEquals("stopped: the client closed the connection", assertThrows(Deadline.Exceeded.class,
                () -> Fitter.fit(Fitter.Family.CHINCHILLA, List.of("N", "D"), points, 0, null, left)).getMessage());
    }

    @Test
    void should_refuse_at_once_more_points_times_resamples_than_the_budget() {
        List<Fitter.Point> points = new ArrayList<>();
        for (int i = 1; i <= Fitter.MAX_POINTS; i++) {
            points.add(new Fitter.Point(Map.of("N", 1e6 * i), 2 + 100 / Math.pow(1e6 * i, 0.3)));
        }
        String message = assertThrows(LawInputException.class, () -> Fitter.fit(Fitter.Family.POWER_LAW, List.of("N"), points, Fitter.MAX_RESAMPLES, null))
                .getMessage();
        assertEquals("points × resamples must be at most 2000000 (each resample refits every point), got 10000 × 2000; ask for at most 200 resamples for 10000 points", message);
    }

    @Test
    void should_refuse_too_few_points_and_impossible_values() {
        List<Fitter.Point> few = List.of(new Fitter.Point(Map.of("N", 1e8, "D", 1e9), 3.0));
        assertTrue(assertThrows(LawInputException.class, () -> Fitter.fit(Fitter.Family.CHINCHILLA, List.of("N", "D"), few, 0, null))
                .getMessage().contains("at least 7 points"));
        List<Fitter.Point> negative = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            negative.add(new Fitter.Point(Map.of("N", i == 5 ? -1.0 : i * 1e8), 3.0));
        }
        assertTrue(assertThrows(LawInputException.class, () -> Fitter.fit(Fitter.Family.POWER_LAW, List.of("N"), negative, 0, null))
                .getMessage().contains("point 5: N must be a positive finite number"));
        assertThrows(LawInputException.class, () -> Fitter.fit(Fitter.Family.POWER_LAW, List.of("N", "D"), negative, 0, null));
    }
}
