package org.scalingatlas.laws;

import java.util.List;

/**
 * Every applicable law and constant set side by side for one training budget: {@code ./atlas plan} prints it and
 * {@code POST /api/plan} returns it.
 *
 * @param budget what was asked
 * @param rows   one allocation per law and constant set
 * @param spread how far the rows' model sizes lie apart, and why
 */
public record Plan(Budget budget, List<Row> rows, Spread spread) {

    public Plan {
        rows = List.copyOf(rows);
    }

    /**
     * The budget of a run: a training compute, or a loss to reach at the least compute (exactly one of the two).
     *
     * @param compute         training compute in FLOPs, or {@code null} when the plan is for a target loss
     * @param targetLoss      the loss to reach (nats per token, on each law's own data), or {@code null}
     * @param uniqueTokens    unique training tokens available, or {@code null}
     * @param inferenceTokens tokens the model will serve over its life, or {@code null}
     * @param precision       training precision in bits, or {@code null}
     */
    public record Budget(Double compute, Double targetLoss, Double uniqueTokens, Double inferenceTokens, Double precision) {

        /** Whether the plan asks for the least compute that reaches a loss rather than the best use of a compute. */
        public boolean forLoss() {
            return targetLoss != null;
        }
    }

    /**
     * One law and constant set's allocation.
     *
     * @param law                the law's id
     * @param name               the law's name
     * @param constants          the constant set's id
     * @param constantsLabel     what the set is, in words
     * @param provenance         V-paper, V-code or V-repro
     * @param paper              the paper of the constants (the law's own, or the refit's)
     * @param compute            the training compute of this allocation in FLOPs: the budget, or for a target loss the
     *                           least compute at which the law reaches it
     * @param nOpt               the optimal model size
     * @param dOpt               the optimal training tokens, or {@code null} when the law gives none
     * @param tokensPerParameter dOpt / nOpt, or {@code null}
     * @param loss               the loss the law predicts at the optimum, or {@code null} when it predicts none
     * @param parameters         what N counts, as the law file's unit states it
     * @param conditions         the law's conventions (data set, counting, units)
     * @param method             how the allocation was found
     * @param extrapolation      how far the budget and the allocation lie beyond the fitted ranges
     * @param uncertainty        the uncertainty the law file records for this set, or that none is recorded
     * @param band               the range of sizes the recorded exponent interval allows, or {@code null} when none is
     *                           recorded
     * @param notes              how this row reads the budget (unit conversions, the inference-aware target)
     * @param warnings           the calculator's warnings: the constant set's caveat, inputs outside the fitted range
     */
    public record Row(String law, String name, String constants, String constantsLabel, String provenance, PaperRef paper,
            double compute, double nOpt, Double dOpt, Double tokensPerParameter, Double loss, String parameters, List<String> conditions,
            String method, Extrapolation extrapolation, String uncertainty, Band band, List<String> notes, List<String> warnings) {

        public Row {
            conditions = List.copyOf(conditions);
            notes = List.copyOf(notes);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * The sizes an exponent interval allows: every power law through the constant set's own optimum at the pivot
     * whose exponent lies in the interval, read at this row's compute. The prefactor's own uncertainty is not in it,
     * so the band narrows to nothing at the pivot: it is a lower bound on how uncertain the row is.
     *
     * @param nLow         the smallest N_opt in the band
     * @param nHigh        the largest
     * @param dLow         the fewest tokens (C / 6 N at nHigh), or {@code null} when the law's D_opt is not C / 6 N
     * @param dHigh        the most tokens, or {@code null}
     * @param exponentLow  the interval's lower exponent
     * @param exponentHigh its upper exponent
     * @param level        what the interval is ("10th-90th percentile ...")
     * @param pivot        the compute (FLOPs) the band pivots at
     * @param provenance   V-paper, V-code or V-repro, for the interval
     * @param source       where the interval and the pivot come from
     */
    public record Band(double nLow, double nHigh, Double dLow, Double dHigh, double exponentLow, double exponentHigh, String level,
            double pivot, String provenance, String source) {
    }

    /** A paper, as a row cites it. */
    public record PaperRef(String id, String title, String arxiv) {
    }

    /**
     * How far a row lies beyond the ranges its law was fitted on.
     *
     * @param decades     the largest distance, in decades (log10), over the variables with a recorded range; 0 inside
     *                    them; {@code null} when the law records no range for any of them
     * @param distances   each variable with a recorded range
     * @param notRecorded the variables whose fitted range the law file does not record
     * @param warning     a warning when the distance passes one decade, else {@code null}
     */
    public record Extrapolation(Double decades, List<Distance> distances, List<String> notRecorded, String warning) {

        public Extrapolation {
            distances = List.copyOf(distances);
            notRecorded = List.copyOf(notRecorded);
        }
    }

    /**
     * One variable against its fitted range.
     *
     * @param variable the law's symbol (C, N, D ...)
     * @param value    its value in the plan, in the law's unit
     * @param unit     that unit
     * @param min      the smallest fitted value, or {@code null}
     * @param max      the largest fitted value, or {@code null}
     * @param decades  how far outside, in decades; 0 inside
     */
    public record Distance(String variable, double value, String unit, Double min, Double max, double decades) {
    }

    /**
     * How far apart the rows' model sizes lie.
     *
     * @param ratio   the largest N_opt over the smallest
     * @param largest the row with the largest N_opt ("law (set)")
     * @param smallest the row with the smallest
     * @param reasons one sentence per difference, from what the law files record
     */
    public record Spread(double ratio, String largest, String smallest, List<String> reasons) {

        public Spread {
            reasons = List.copyOf(reasons);
        }
    }
}
