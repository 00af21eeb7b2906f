package org.scalingatlas.coverage;

import java.util.List;

/**
 * What the coverage judge needs to know of the corpus, and nothing else: which words it uses and how close a text
 * comes to it in meaning. The search index and the term index implement it; the judge's tests use a small fake.
 */
public interface CorpusStatistics {

    /** Whether some note, abstract or law uses this word, in any of its inflections or spellings ("generalisation" / "generalization"). */
    boolean uses(String word);

    /**
     * A text's words as the corpus's counts read them: lower case, stop words out, plurals and possessives folded
     * ("loss spikes" gives loss, spike), nothing else ("spiking" stays apart).
     */
    List<String> folded(String text);

    /** Whether a text uses every word of a phrase, each in some form ("reverse" for "reversal"). */
    boolean mentions(String text, String phrase);

    /**
     * The cosine similarity to a text's embedding of the closest passage an answer could cite: a note, or a paper no
     * note rests on yet (-1 when there is none).
     */
    double closestNote(float[] vector);

    /** The cosine similarity of the closest note or abstract to a phrase, in meaning. */
    double closestPassage(String phrase);

    /**
     * The cosine similarity of the closest word the corpus uses to a phrase, in meaning: "reversal" comes close to
     * "reverse", "synthetic-ness" to "synthetic".
     */
    double closestTerm(String phrase);

    /**
     * The cosine similarity to a phrase, in meaning, of the closest clause of these texts: a sentence, or a stretch of one
     * between commas, semicolons or colons (-1 when they have none). "kernel ridge regression" comes within 0.66 of "In
     * kernel regression with l2 regularisation", which no word of it matches.
     */
    double closestClause(String phrase, List<String> texts);

    /** How many notes and abstracts hold these words: as a phrase where one holds it word for word, else each anywhere in one. */
    int passagesHolding(List<String> words);

    /**
     * How many notes, abstracts and laws write these words together, in this order, each in some form ("search engines"
     * for search engine, "time-series" for time series); the ontology's labels count as one passage each.
     */
    int passagesWriting(List<String> words);
}
