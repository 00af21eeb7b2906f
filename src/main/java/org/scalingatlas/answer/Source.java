package org.scalingatlas.answer;

import java.util.List;
import org.scalingatlas.corpus.Note;

/**
 * A note chosen to answer a question: its fused retrieval score, its similarity to the question, the notes the graph
 * relates it to (either way), and whether it holds a concept the question names that few passages hold ("consistency
 * models"): such a note answers a part of the question, so an answer tells its whole claim wherever it places it.
 */
public record Source(Note note, double score, double similarity, List<Relation> relations, boolean holdsNamedConcept) {

    public Source {
        relations = List.copyOf(relations);
    }

    /** A source chosen by its ranking alone. */
    public Source(Note note, double score, double similarity, List<Relation> relations) {
        this(note, score, similarity, relations, false);
    }

    /** The relations that record a disagreement, either way. */
    public List<Relation> disagreements() {
        return relations.stream().filter(r -> r.type() == Note.Relation.Type.DISAGREES).toList();
    }

    /**
     * A relation between this source and another note, as the graph records it.
     *
     * @param type     supports, disagrees, refines or extends
     * @param outgoing {@code true} when this note states the relation to the other ("this refines the other"),
     *                 {@code false} when the other states it of this one ("the other refines this")
     * @param on       what the two differ or agree on, in a few words, or {@code null} when the notes do not say
     */
    public record Relation(Note.Relation.Type type, boolean outgoing, String otherId, String otherTitle, String on) {
    }
}
