package org.scalingatlas.eval;

import java.util.List;
import java.util.Set;

/**
 * One evaluation question and what a correct answer must show.
 *
 * @param question the question
 * @param expected the verdict it must get: answered, partial or refused
 * @param papers   papers the cited notes must include
 * @param missing  for a partial answer, a word that must appear among the missing parts
 * @param notes    notes any of which would be a correct lead note (the note that directly answers); empty when not given
 */
public record EvalQuestion(String question, String expected, List<String> papers, String missing, List<String> notes) {

    static final Set<String> CLASSES = Set.of("answered", "partial", "refused");

    public EvalQuestion {
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("an evaluation question has no text");
        }
        if (!CLASSES.contains(expected)) {
            throw new IllegalArgumentException("class '" + expected + "' of \"" + question + "\" is not answered, partial or refused");
        }
        papers = papers == null ? List.of() : List.copyOf(papers);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
