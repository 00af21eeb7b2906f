package org.scalingatlas.question;

import java.util.List;

/**
 * A thing the question names: a run of nouns with the adjectives before them ("Shampoo optimizer", "speech emotion
 * recognition error", "Swahili").
 *
 * @param text  the phrase as written in the question
 * @param words its nouns and their modifiers, lower case: what must exist in the corpus for the concept to be there
 */
public record Concept(String text, List<String> words) {

    public Concept {
        words = List.copyOf(words);
    }
}
