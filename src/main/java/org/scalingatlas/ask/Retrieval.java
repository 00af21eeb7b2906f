package org.scalingatlas.ask;

import java.util.List;
import java.util.stream.Collectors;
import org.scalingatlas.question.Question;
import org.scalingatlas.question.Topic;
import org.scalingatlas.question.Topics;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.Ranker;

/** The retrieve stage: BM25 over the question's topic words (not its framing: "should", "rather than"), nearest neighbours of the whole question's embedding. */
public final class Retrieval {

    /** How many passages each ranker contributes before fusion. */
    private static final int DEPTH = 40;

    private final HybridIndex index;
    private final Ranker ranker;

    public Retrieval(HybridIndex index) {
        this(index, index);
    }

    /** Embeds with the local index's model, ranks with {@code ranker} (the local index, or a SolrCloud collection). */
    public Retrieval(HybridIndex index, Ranker ranker) {
        this.index = index;
        this.ranker = ranker;
    }

    /**
     * The question's embedding: for a question with numbers that stand alone ("1e23 FLOPs", "a 70B model"), the mean of
     * its embeddings as asked and without them, scaled to unit length. The model reads such numbers as word pieces of
     * little meaning, which can pull a short question away from the notes on its topic: "How should I split 1e23 FLOPs
     * between parameters and data?" comes within cosine 0.37 of a note, below the bar for refusal, as asked, and within
     * 0.40 in the mean. The mean rather than the question without its numbers alone, because some numbers carry
     * meaning: "can I trust that ranking at 10B" needs its "10B" (see docs/asking.md).
     */
    float[] meaning(Question question) {
        return question.withoutNumbers().map(plain -> index.embedBoth(question.text(), plain)).orElseGet(() -> index.embed(question.text()));
    }

    /** What the retrieve stage found for a question: its embedding and the fused hits, best first. */
    public record Retrieved(Question question, List<Topic> topics, float[] vector, List<Hit> hits) {
    }

    public Retrieved retrieve(Question question) {
        List<Topic> topics = Topics.of(question);
        float[] vector = meaning(question);
        String words = topics.stream().map(Topic::text).collect(Collectors.joining(" "));
        return new Retrieved(question, topics, vector, ranker.search(words, vector, null, DEPTH));
    }
}
