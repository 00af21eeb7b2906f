package org.scalingatlas.retrieve;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.lucene.util.VectorUtil;
import org.scalingatlas.coverage.CorpusStatistics;

/**
 * What the coverage judge reads of the corpus: words and passages from the search index, terms from the term index, and
 * the words of the laws and of the ontology's axis labels (which the search index does not hold: a law is cited through
 * the notes that carry it, an axis through the notes on it).
 */
public final class IndexStatistics implements CorpusStatistics {

    private final HybridIndex index;
    private final Supplier<TermIndex> terms;
    private final Set<String> describedWords;
    /** The words of each text that describes the corpus beside its passages, as the index folds them. */
    private final List<List<String>> describedTexts;
    /**
     * The embeddings of the clauses of the notes answers have cited so far: texts of the corpus, so bounded by it (the
     * bundled corpus's notes have 1,789 clauses, 2.7 MB; with every abstract a source could cite, 6,190, 9.5 MB), each
     * computed once.
     */
    private final Map<String, float[]> clauseVectors = new ConcurrentHashMap<>();

    /** @param terms the term index, which may be built on first use (it is consulted only for words the corpus lacks) */
    public IndexStatistics(HybridIndex index, Supplier<TermIndex> terms) {
        this(index, terms, List.of());
    }

    /**
     * @param described what describes the corpus in words beside its passages: what its laws say
     *                  ({@link org.scalingatlas.corpus.Law#prose}) and the ontology's labels of its axes. A word they
     *                  use ("irreducible" in "an irreducible loss E", "snapshots" among the labels of training steps) is
     *                  one the corpus uses, though no note or abstract does
     */
    public IndexStatistics(HybridIndex index, Supplier<TermIndex> terms, List<String> described) {
        this.index = index;
        this.terms = terms;
        this.describedWords = described.stream().flatMap(text -> index.vocabulary(text).stream()).collect(Collectors.toUnmodifiableSet());
        this.describedTexts = described.stream().map(index::terms).toList();
    }

    @Override
    public boolean uses(String word) {
        return index.uses(word) || index.usesAmong(word, describedWords);
    }

    @Override
    public List<String> folded(String text) {
        return index.terms(text);
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
    public int passagesHolding(List<String> words) {
        return index.holdingCount(words);
    }

    @Override
    public int passagesWriting(List<String> words) {
        List<String> phrase = index.terms(String.join(" ", words));
        if (phrase.isEmpty()) {
            return 0;
        }
        int described = (int) describedTexts.stream().filter(text -> Collections.indexOfSubList(text, phrase) >= 0).count();
        return index.passagesWithPhrases(List.of(phrase)) + described;
    }

    @Override
    public double closestClause(String phrase, List<String> texts) {
        List<String> clauses = texts.stream().flatMap(text -> Clauses.of(text).stream()).distinct().toList();
        if (clauses.isEmpty()) {
            return -1;
        }
        List<String> unseen = clauses.stream().filter(clause -> !clauseVectors.containsKey(clause)).toList();
        if (!unseen.isEmpty()) {
            List<float[]> vectors = index.embedAll(unseen);
            for (int i = 0; i < unseen.size(); i++) {
                clauseVectors.putIfAbsent(unseen.get(i), vectors.get(i));
            }
        }
        float[] asked = index.embed(phrase);
        double closest = -1;
        for (String clause : clauses) {
            closest = Math.max(closest, VectorUtil.dotProduct(asked, clauseVectors.get(clause)));
        }
        return closest;
    }

    @Override
    public double closestTerm(String phrase) {
        return terms.get().closest(index.embed(phrase));
    }
}
