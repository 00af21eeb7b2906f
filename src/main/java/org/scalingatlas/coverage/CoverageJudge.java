package org.scalingatlas.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scalingatlas.question.Topic;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the verdict from the corpus as it is, never from a list of topics.
 * <ol>
 *   <li>A topic's informative words are those in at most {@link #GENERIC_SHARE} of passages (the rest, like
 *       "scaling" or "models", describe the whole corpus). The topic is covered when a passage has the phrase word
 *       for word, or has its two rarest informative words, or is close to the phrase in meaning (other spellings
 *       and paraphrases). Otherwise it is missing. A topic of generic words only is always covered.</li>
 *   <li>In one clause, a specific named topic (several words, in at most {@link #SPECIFIC_SHARE} of passages) must also meet each
 *       other topic the corpus holds well in some passage; where it never does, that combination is missing
 *       ("power-law scaling for consistency models").</li>
 *   <li>With nothing covered, or no passage near the question in meaning, the question is refused.</li>
 * </ol>
 */
public final class CoverageJudge {

    /** A word found in more than this share of passages is generic here: it cannot name a topic by itself. */
    static final double GENERIC_SHARE = 0.2;
    /** A topic found in at most this share of passages is specific: what it is combined with must meet it. */
    static final double SPECIFIC_SHARE = 0.03;
    /** Below this cosine between question and best passage, nothing in the corpus is about the question. */
    static final double MIN_SIMILARITY = 0.3;
    /** A topic in at least this share of passages is one the corpus holds well. */
    static final double ESTABLISHED_SHARE = 0.01;
    /** A passage this close in meaning to a phrase covers it even without its exact words. */
    static final double SEMANTIC_MATCH = 0.5;

    private static final Logger LOG = LoggerFactory.getLogger(CoverageJudge.class);

    private final HybridIndex index;

    public CoverageJudge(HybridIndex index) {
        this.index = index;
    }

    /**
     * A topic as the corpus sees it.
     *
     * @param match   what finds it: the whole phrase when the corpus has it word for word, else its two rarest
     *                informative terms (each a one-term phrase)
     * @param rarest  its rarest informative term, or {@code null} when all its words are generic
     * @param support how many passages match
     */
    private record Judged(Topic topic, List<List<String>> match, String rarest, int support, boolean covered) {
        boolean informative() {
            return rarest != null;
        }
    }

    /** The verdict; {@code covered} lists the covered informative topics, rarest (most specific) first. */
    public Verdict judge(List<Topic> topics, List<Hit> hits) {
        double best = hits.stream().mapToDouble(Hit::similarity).max().orElse(-1);
        List<Judged> judged = topics.stream().map(this::judge).toList();
        LOG.debug("best similarity {}", best);
        judged.forEach(j -> LOG.debug("topic \"{}\" clause {}: match {} support {} covered {}", j.topic().text(), j.topic().clause(),
                j.match(), j.support(), j.covered()));
        Set<String> missing = new LinkedHashSet<>();
        Set<String> covered = new LinkedHashSet<>();
        boolean anyCovered = judged.stream().anyMatch(Judged::covered);
        for (Judged j : judged.stream().sorted(Comparator.comparingInt(Judged::support)).toList()) {
            if (!j.covered()) {
                missing.add(j.topic().text());
            } else if (j.informative()) {
                covered.add(j.topic().text()); // generic-only topics ("scale") count as covered, but are not worth naming
            }
        }
        if (best < MIN_SIMILARITY || judged.isEmpty()) {
            return new Verdict.Refused(topics.isEmpty()
                    ? "the question names nothing the corpus could be searched for"
                    : "no note or abstract in the corpus is about this question", new ArrayList<>(missing));
        }
        if (!anyCovered) {
            return new Verdict.Refused("nothing in the corpus mentions " + join(new ArrayList<>(missing)), new ArrayList<>(missing));
        }
        missing.addAll(missingCombinations(judged));
        if (missing.isEmpty()) {
            return new Verdict.Answered(new ArrayList<>(covered));
        }
        List<Passage.Ref> anchors = new ArrayList<>();
        for (Judged j : judged.stream().sorted(Comparator.comparingInt(Judged::support)).toList()) {
            if (j.covered() && j.support() > 0 && !j.match().isEmpty()) {
                index.passagesWith(j.match(), 1).stream().filter(a -> !anchors.contains(a)).forEach(anchors::add);
            }
        }
        return new Verdict.Partial(new ArrayList<>(covered), new ArrayList<>(missing), anchors);
    }

    private Judged judge(Topic topic) {
        int passages = Math.max(1, index.size());
        List<String> terms = index.terms(String.join(" ", topic.words()));
        List<String> informative = new ArrayList<>();
        java.util.Map<String, Integer> df = new java.util.HashMap<>();
        boolean absent = false;
        for (String term : new LinkedHashSet<>(terms)) {
            int frequency = df.computeIfAbsent(term, index::documentFrequency);
            absent |= frequency == 0;
            if (frequency <= GENERIC_SHARE * passages) {
                informative.add(term);
            }
        }
        if (informative.isEmpty()) {
            return new Judged(topic, List.of(), null, passages, true);
        }
        informative.sort(Comparator.comparingInt(df::get));
        if (terms.size() > 1 && !absent) {
            int phrase = index.passagesWithPhrases(List.of(terms));
            if (phrase > 0) {
                return new Judged(topic, List.of(terms), informative.get(0), phrase, true);
            }
        }
        List<List<String>> rarest = informative.subList(0, Math.min(2, informative.size())).stream().map(List::of).toList();
        int support = absent ? 0 : index.passagesWithPhrases(rarest);
        boolean covered = support > 0 || closeInMeaning(topic.text());
        return new Judged(topic, rarest, informative.get(0), support, covered);
    }

    /**
     * In each clause, a specific topic must meet, in some passage, every other topic the corpus holds well (in at
     * least {@link #ESTABLISHED_SHARE} of passages); where it never does, that combination is missing.
     */
    private List<String> missingCombinations(List<Judged> judged) {
        List<String> missing = new ArrayList<>();
        int clauses = judged.stream().mapToInt(j -> j.topic().clause()).max().orElse(-1) + 1;
        for (int clause = 0; clause < clauses; clause++) {
            int c = clause;
            List<Judged> inClause = judged.stream().filter(j -> j.topic().clause() == c && j.informative() && j.covered() && j.support() > 0).toList();
            if (inClause.size() < 2) {
                continue;
            }
            Judged anchor = inClause.stream().min(Comparator.comparingInt(Judged::support)).orElseThrow();
            if (anchor.support() > SPECIFIC_SHARE * index.size() || anchor.topic().words().size() < 2) {
                continue; // only a specific, named concept (several words) is a claim the corpus can be said to lack
            }
            for (Judged other : inClause) {
                if (other == anchor || other.support() < ESTABLISHED_SHARE * index.size()) {
                    continue;
                }
                List<List<String>> together = new ArrayList<>(anchor.match());
                together.add(List.of(other.rarest()));
                if (index.passagesWithPhrases(together) == 0) {
                    boolean anchorFirst = judged.indexOf(anchor) < judged.indexOf(other);
                    missing.add(anchorFirst ? anchor.topic().text() + " for " + other.topic().text()
                            : other.topic().text() + " for " + anchor.topic().text());
                }
            }
        }
        return missing;
    }

    private boolean closeInMeaning(String phrase) {
        double best = index.search(phrase, null, 10).stream().filter(h -> h.denseRank() > 0).mapToDouble(Hit::similarity).max().orElse(-1);
        LOG.debug("\"{}\" is {} from its closest passage in meaning", phrase, best);
        return best >= SEMANTIC_MATCH;
    }

    private static String join(List<String> phrases) {
        List<String> quoted = phrases.stream().map(p -> "\"" + p + "\"").toList();
        if (quoted.size() == 1) {
            return quoted.get(0);
        }
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
