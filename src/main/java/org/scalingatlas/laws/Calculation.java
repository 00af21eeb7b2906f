package org.scalingatlas.laws;

import java.util.List;
import java.util.Map;

/**
 * A law run inline in an answer: which law, cited by which note, with which constants and inputs, and what it gives.
 *
 * @param law        the law's id
 * @param name       the law's name
 * @param formula    the law's formula
 * @param note       the id of the cited note that carries the law
 * @param noteTitle  that note's question
 * @param paper      the paper of the constants used
 * @param inputsFrom {@code question} when the question's own numbers were used, {@code example} for a worked example
 * @param result     the calculation itself: constants, inputs, outputs, units, warnings
 * @param constantsLabel what the law file says of the constant set used ("ParScale on the Pile (refit of the released
 *                   data)"), or {@code null} for a law without constants
 */
public record Calculation(String law, String name, String formula, String note, String noteTitle, Citation paper, String inputsFrom,
        Result result, String constantsLabel) {

    /** A calculation whose constant set is not described. */
    public Calculation(String law, String name, String formula, String note, String noteTitle, Citation paper, String inputsFrom, Result result) {
        this(law, name, formula, note, noteTitle, paper, inputsFrom, result, null);
    }

    public static final String FROM_QUESTION = "question";
    public static final String EXAMPLE = "example";

    /** A paper as a calculation cites it. */
    public record Citation(String id, String title, String arxiv) {
    }

    /** The note a cited law comes from, as the answer lists it. */
    public record CitedNote(String id, String title, List<String> paperIds, List<String> laws) {
        public CitedNote {
            paperIds = List.copyOf(paperIds);
            laws = List.copyOf(laws);
        }
    }

    /** A number the question states and the kind of quantity it is (see the question package). */
    public record Given(String kind, double value) {
    }

    /**
     * The outputs worth a sentence: the law's results, without its intermediate dimensionless steps and without a step
     * that restates an input (Muennighoff's unique tokens seen, when the run repeats all of its unique data).
     */
    public Map<String, Double> headline() {
        Map<String, Double> shown = new java.util.LinkedHashMap<>();
        result.outputs().forEach((k, v) -> {
            String unit = result.units().getOrDefault(k, "");
            if (!unit.equals("dimensionless") && !result.inputs().containsKey(k) && !result.inputs().containsValue(v)) {
                shown.put(k, v);
            }
        });
        return shown;
    }
}
