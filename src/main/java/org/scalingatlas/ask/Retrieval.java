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

    /** What the retrieve stage found for a question: its embedding and the fused hits, best first. */
    public record Retrieved(Question question, List<Topic> topics, float[] vector, List<Hit> hits) {
    }

    /** A text's embedding, by the model the index was built with. */
    public float[] embed(String text) {
        return index.embed(text);
    }

    public Retrieved retrieve(Question question) {
        List<Topic> topics = Topics.of(question);
        float[] vector = index.embed(question.text());
        String words = topics.stream().map(Topic::text).collect(Collectors.joining(" "));
        return new Retrieved(question, topics, vector, ranker.search(words, vector, null, DEPTH));
    }
}
