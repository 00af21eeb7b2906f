package org.scalingatlas.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalingatlas.answer.Source;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Trace;

/**
 * The graph stage: each note's relations (read from the graph once: they change only with the corpus), with their
 * direction and what they are about, and which other notes share a ceiling, a law or a scaling axis with it.
 */
public final class Neighbours {

    private final Corpus corpus;
    private final Map<String, List<Trace.Neighbour>> related;
    private final Map<String, List<Trace.Relation>> relations;
    /** The axes under the scheme's scaling axes: a shared one makes two notes neighbours (a domain does not). */
    private final Set<String> scalingAxes;

    public Neighbours(Corpus corpus, KnowledgeGraph graph) {
        this.corpus = corpus;
        this.related = graph.allNeighbours();
        this.relations = graph.allRelations();
        this.scalingAxes = graph.axisLabels().stream().filter(Trace.AxisLabel::scaling).map(Trace.AxisLabel::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The notes the graph relates to this one, with how. */
    List<Trace.Neighbour> of(String noteId) {
        return related.getOrDefault(noteId, List.of());
    }

    /**
     * Every relation the graph records between this note and another, either way: supports, disagrees, refines or
     * extends, who states it, and what the two differ or agree on when a note says.
     */
    List<Source.Relation> relations(String noteId) {
        return relations.getOrDefault(noteId, List.of()).stream()
                .map(r -> new Source.Relation(Note.Relation.Type.of(r.relation()), "outgoing".equals(r.direction()), r.id(),
                        corpus.note(r.id()).map(Note::title).orElse(r.id()), r.on()))
                .toList();
    }

    /**
     * Which candidates share a ceiling, a law or a scaling axis with a note, each with how, ordered by how and id.
     * Looked up per candidate, so the cost does not grow with the corpus (a law or an axis can be shared by much of it).
     */
    List<Trace.Neighbour> sharing(Note note, List<String> candidates) {
        // the note's side once, as sets; each candidate's side as it is (this runs for every cited note and candidate)
        Set<String> ceilings = note.ceilings().stream().map(Note.Ceiling::id).collect(Collectors.toSet());
        Set<String> laws = Set.copyOf(note.laws());
        Set<String> axes = note.axes().stream().filter(scalingAxes::contains).collect(Collectors.toSet());
        List<Trace.Neighbour> shared = new ArrayList<>();
        for (String id : candidates) {
            Note other = corpus.note(id).orElse(null);
            if (other == null || other.id().equals(note.id())) {
                continue;
            }
            if (!ceilings.isEmpty() && other.ceilings().stream().anyMatch(c -> ceilings.contains(c.id()))) {
                shared.add(new Trace.Neighbour(id, "shares a ceiling"));
            }
            if (!laws.isEmpty() && sharesAny(other.laws(), laws)) {
                shared.add(new Trace.Neighbour(id, "cites the same law"));
            }
            if (!axes.isEmpty() && sharesAny(other.axes(), axes)) {
                shared.add(new Trace.Neighbour(id, "shares an axis"));
            }
        }
        shared.sort(Comparator.comparing(Trace.Neighbour::via).thenComparing(Trace.Neighbour::id));
        return shared;
    }

    private static boolean sharesAny(List<String> values, Set<String> among) {
        for (String value : values) {
            if (among.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
