package org.scalingatlas.laws;

import java.util.List;
import java.util.Map;

/**
 * A learning-curve fit with what says how far it can be trusted: the rollout (fit on the smallest k points, predict the
 * rest) and leave-one-out errors, predictions with bootstrap intervals, and warnings about poorly identified constants.
 *
 * @param intervals        95% percentile bootstrap intervals (empty without resamples; a constant whose interval has
 *                         no finite end has none)
 * @param rolloutError     the mean over {@code rollout}'s steps of their mean absolute log error
 * @param leaveOneOutError the mean absolute log error of each point predicted by a fit without it
 * @param candidates       with {@code family} "auto": every family tried, with its rollout error on the same steps (the later half of those all can take)
 */
public record CurveFit(String family, String formula, List<String> inputs, Map<String, Double> constants,
        Map<String, Fitter.Interval> intervals, int resamples, double rmseLog, List<Fitter.Residual> residuals,
        List<Fitter.Comparison> published, String method, List<RolloutStep> rollout, double rolloutError,
        double leaveOneOutError, List<Prediction> predictions, List<String> warnings, List<Candidate> candidates) {

    /**
     * Fitted on the {@code k} smallest x (up to {@code fittedTo}), scored on the {@code heldOut} larger ones.
     *
     * @param meanAbsLogError the mean of |ln predicted − ln observed| over the held-out points
     */
    public record RolloutStep(int k, double fittedTo, int heldOut, double meanAbsLogError) {
    }

    /**
     * The fitted curve at {@code x}.
     *
     * @param interval       the 95% percentile interval of the bootstrap refits' curves at x (the constants'
     *                       uncertainty only, not the scatter of a new point); null without resamples
     * @param decadesBeyond  log10(x / the largest x fitted), 0 inside the points' range
     */
    public record Prediction(double x, double predicted, Fitter.Interval interval, double decadesBeyond) {
    }

    public record Candidate(String family, String formula, double rolloutError, boolean chosen) {
    }
}
