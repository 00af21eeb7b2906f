package org.scalingatlas.question;

import java.util.List;

/**
 * A thing the question names: a run of nouns with the adjectives before them ("Shampoo optimizer", "speech emotion
 * recognition error", "Swahili").
 *
 * @param text  the phrase as written in the question
 * @param words its nouns and their modifiers, lower case: what must exist in the corpus for the concept to be there
 * @param name  whether it is a name (a proper noun: "Hoffmann", "MobileLLM", "Chinchilla"), not a common noun
 */
public record Concept(String text, List<String> words, boolean name) {

    public Concept {
        words = List.copyOf(words);
    }

    /** A concept of common nouns. */
    public Concept(String text, List<String> words) {
        this(text, words, false);
    }
}
