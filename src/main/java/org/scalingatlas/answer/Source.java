package org.scalingatlas.answer;

import java.util.List;
import org.scalingatlas.corpus.Note;

/**
 * A note chosen to answer a question: its fused retrieval score, its similarity to the question, and the notes it
 * is in tension with.
 */
public record Source(Note note, double score, double similarity, List<Tension> tensions) {

    public Source {
        tensions = List.copyOf(tensions);
    }

    /** Another source this one disagrees with (or is disagreed with by). */
    public record Tension(String otherId, String otherTitle) {
    }
}
