package org.scalingatlas.retrieve;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.scalingatlas.question.EnglishSentences;

/**
 * A text cut into what a phrase of a question can be matched against in meaning: each sentence whole (as
 * {@link EnglishSentences} finds them), and each stretch of one between commas, semicolons, colons, brackets or dashes
 * that has two words or more. "In kernel regression with l2 regularisation,
 * where each round mixes …" gives the sentence and "In kernel regression with l2 regularisation".
 */
final class Clauses {

    private static final Pattern CLAUSE_END = Pattern.compile("\\s*[,;:()]\\s*|\\s+[-–—]\\s+");
    private static final int LEAST_WORDS = 2;

    private Clauses() {
    }

    static List<String> of(String text) {
        List<String> clauses = new ArrayList<>();
        for (String sentence : EnglishSentences.of(text)) {
            add(clauses, sentence);
            String[] parts = CLAUSE_END.split(sentence);
            if (parts.length > 1) {
                for (String part : parts) {
                    add(clauses, part);
                }
            }
        }
        return clauses;
    }

    private static void add(List<String> clauses, String clause) {
        String trimmed = clause.strip().replaceAll("[.!?]+$", "");
        if (trimmed.split("\\s+").length >= LEAST_WORDS && !clauses.contains(trimmed)) {
            clauses.add(trimmed);
        }
    }
}
