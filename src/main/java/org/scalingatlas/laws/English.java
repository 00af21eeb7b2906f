package org.scalingatlas.laws;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What reading a question for its laws needs to know of English, from a dictionary and a stemmer that live outside this
 * package (WordNet and Snowball, in {@code nlp}).
 *
 * @param dictionary whether a word is one of English's ("chinchilla", "step"; not "Kaplan", "ParScale"): a law whose
 *                   name is not one is named by it in lower case too ({@link InlineCalculations#names})
 * @param stemmer    the stem a word shares with its family, lower case ("captioning", "caption" → caption; "mathematics",
 *                   "mathematical" → mathemat): how a question names a constant set in another form of its alias's words
 *                   ({@link ConstantSetChoice})
 */
public record English(Predicate<String> dictionary, UnaryOperator<String> stemmer) {

    /** Every word counts as English (laws are named only by proper nouns), and each word is its own stem. */
    public static final English PLAIN = new English(word -> true, word -> word);

    boolean isWord(String word) {
        return dictionary.test(word);
    }

    String stem(String word) {
        return stemmer.apply(word);
    }
}
