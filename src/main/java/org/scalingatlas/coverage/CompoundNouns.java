package org.scalingatlas.coverage;

import java.util.List;

/**
 * Which words, written apart, make one noun of English: "search engine", "civil engineering", "video games". The
 * coverage judge asks it about the words of a concept the corpus uses one by one but never writes together: such a noun
 * names one thing, which the corpus does not hold for holding its words ("search" and "engine" are the corpus's words; a
 * search engine is nothing it studies). A free combination of the same words ("search budget", "inference engine") is
 * not one noun, and is judged by its words.
 */
@FunctionalInterface
public interface CompoundNouns {

    /** No word pair is one noun: the judge reads every concept by its words alone. */
    CompoundNouns NONE = words -> false;

    /** @param words two or more words of a question, lower case, in their order; the last may be inflected ("games") */
    boolean isOne(List<String> words);
}
