package org.scalingatlas.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A question whose answer is a value a law computes from the question's own numbers.
 *
 * @param question the question as a user writes it
 * @param law      the law its writer meant to answer it (reported, not required: another law may answer too)
 * @param given    every number the question states, by the kind of quantity it is ("parameters", "tokens", "flops" …);
 *                 for a question comparing settings, those of the first
 * @param compare  the further settings it compares, each with all of its numbers; empty when it compares none
 * @param asks     the law output whose value answers it ("loss", "N_opt", "coverage" …)
 * @param constants the constant sets of {@code law} that the question names by the data or domain they were fitted on
 *                 ("trained on the Pile", "in the video domain"): the run that answers must use the one it names, and a
 *                 question naming two ("on Python code, and on the Pile?") asks each setting's value under both; empty
 *                 when it names none
 */
public record CalculationQuestion(String question, String law, Map<String, Double> given, List<Map<String, Double>> compare, String asks,
        List<String> constants) {

    /** A question that names no constant set. */
    public CalculationQuestion(String question, String law, Map<String, Double> given, List<Map<String, Double>> compare, String asks) {
        this(question, law, given, compare, asks, List.of());
    }

    /** A question that names one constant set. */
    public CalculationQuestion(String question, String law, Map<String, Double> given, List<Map<String, Double>> compare, String asks,
            String constants) {
        this(question, law, given, compare, asks, constants == null ? List.of() : List.of(constants));
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
        constants = constants == null ? List.of() : List.copyOf(constants);
        if (constants.stream().distinct().count() < constants.size()) {
            throw new IllegalArgumentException("\"" + question + "\": a constant set named twice in " + constants);
        }
    }

    /** A setting's numbers, read-only, in the order the file gives them (so that a miss reads the same every run). */
    private static Map<String, Double> ordered(Map<String, Double> numbers) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
    }

    /** Every setting the question states, the first one first. */
    public List<Map<String, Double>> settings() {
        return Stream.concat(Stream.of(given), compare.stream()).toList();
    }

    /**
     * What the answer must give a value for: every setting under every constant set the question names (under whichever
     * set the answer chooses, {@code null}, when it names none), the first setting first.
     */
    public List<Judged> judged() {
        List<String> sets = constants.isEmpty() ? Collections.singletonList(null) : constants;
        return settings().stream().flatMap(setting -> sets.stream().map(set -> new Judged(setting, set))).toList();
    }

    /** A setting the answer must give the asked value for, and the constant set it must use ({@code null}: any). */
    public record Judged(Map<String, Double> setting, String constants) {
    }
}
