package org.scalingatlas.retrieve;

import java.util.function.Supplier;
import org.scalingatlas.coverage.CorpusStatistics;

/** What the coverage judge reads of the corpus: words and passages from the search index, terms from the term index. */
public final class IndexStatistics implements CorpusStatistics {

    private final HybridIndex index;
    private final Supplier<TermIndex> terms;

    /** @param terms the term index, which may be built on first use (it is consulted only for words the corpus lacks) */
    public IndexStatistics(HybridIndex index, Supplier<TermIndex> terms) {
        this.index = index;
        this.terms = terms;
    }

    @Override
    public boolean uses(String word) {
        return index.uses(word);
    }

    @Override
    public boolean mentions(String text, String phrase) {
        return index.mentions(text, phrase);
    }

    @Override
    public double closestNote(float[] vector) {
        return index.closestNote(vector);
    }

    @Override
    public double closestPassage(String phrase) {
        return index.closestPassage(phrase);
    }

    @Override
    public int passagesHolding(java.util.List<String> words) {
        return index.holding(words).count();
    }

    @Override
    public double closestTerm(String phrase) {
        return terms.get().closest(index.embed(phrase));
    }
}
