package org.scalingatlas.eval;

import java.util.List;
import java.util.Map;

/**
 * A question whose answer is a value a law computes from the question's own numbers.
 *
 * @param question the question as a user writes it
 * @param law      the law its writer meant to answer it (reported, not required: another law may answer too)
 * @param given    every number the question states, by the kind of quantity it is ("parameters", "tokens", "flops" …);
 *                 for a question comparing settings, those of the first
 * @param compare  the further settings it compares, each with all of its numbers; empty when it compares none
 * @param asks     the law output whose value answers it ("loss", "N_opt", "coverage" …)
 * @param constants the constant set of {@code law} that the question names, when it names one by the data or domain the
 *                 set was fitted on ("trained on the Pile", "in the video domain"): the run that answers must use it;
 *                 {@code null} when the question names none
 */
public record CalculationQuestion(String question, String law, Map<String, Double> given, List<Map<String, Double>> compare, String asks,
        String constants) {

    /** A question that names no constant set. */
    public CalculationQuestion(String question, String law, Map<String, Double> given, List<Map<String, Double>> compare, String asks) {
        this(question, law, given, compare, asks, null);
    }

    public CalculationQuestion {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("a calculation question needs its text");
        }
        if (asks == null || asks.isBlank()) {
            throw new IllegalArgumentException("\"" + question + "\": no output named in asks");
        }
        if (given == null || given.isEmpty()) {
            throw new IllegalArgumentException("\"" + question + "\": no numbers in given");
        }
        given = ordered(given);
        compare = compare == null ? List.of() : compare.stream().map(CalculationQuestion::ordered).toList();
    }

    /** A setting's numbers, read-only, in the order the file gives them (so that a miss reads the same every run). */
    private static Map<String, Double> ordered(Map<String, Double> numbers) {
        return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
    }

    /** Every setting the question states, the first one first. */
    public List<Map<String, Double>> settings() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(given), compare.stream()).toList();
    }
}
