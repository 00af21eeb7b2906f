package org.scalingatlas.answer;

import java.util.List;
import org.scalingatlas.corpus.Note;

/**
 * A note chosen to answer a question, with why: its fused retrieval score, its similarity to the question, and
 * how it came in (retrieved itself, through one of its papers, or through the graph).
 */
public record Source(Note note, double score, double similarity, String via, List<Tension> tensions) {

    public Source {
        tensions = List.copyOf(tensions);
    }

    /** Another source this one disagrees with (or is disagreed with by). */
    public record Tension(String otherId, String otherTitle) {
    }
}
