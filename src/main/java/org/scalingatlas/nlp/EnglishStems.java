package org.scalingatlas.nlp;

import java.util.Locale;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * English stems by the Snowball (Porter 2) stemmer that Lucene ships: "captioning", "captions" → caption; "coding",
 * "code" → code; "mathematical", "mathematics" → mathemat. A stemmer keeps state, so each call has its own (a few
 * hundred nanoseconds).
 */
public final class EnglishStems {

    private EnglishStems() {
    }

    /** The word's stem, lower case; a word with a digit ("16x16", "c4") as it is. */
    public static String stem(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lower.chars().anyMatch(Character::isDigit)) {
            return lower;
        }
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(lower);
        stemmer.stem();
        return stemmer.getCurrent();
    }
}
