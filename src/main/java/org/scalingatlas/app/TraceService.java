package org.scalingatlas.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalingatlas.api.NoteMatch;
import org.scalingatlas.api.NoteSummary;
import org.scalingatlas.ask.Citations;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.question.Question;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.Passage;

/** Claims traced to their papers through the graph, and notes found by what they say. */
public final class TraceService {

    /** How many notes closest to free text a trace lists. */
    private static final int CANDIDATES = 3;

    private final Corpus corpus;
    private final KnowledgeGraph graph;
    private final HybridIndex index;

    public TraceService(Corpus corpus, KnowledgeGraph graph, HybridIndex index) {
        this.corpus = corpus;
        this.graph = graph;
        this.index = index;
    }

    /** A note traced to its papers and evidence, related notes, laws, axes and ceilings; empty for an unknown id. */
    public Optional<Trace> trace(String noteId) {
        return graph.trace(noteId);
    }

    /**
     * The note named by {@code text}, or else the notes closest to those words (in words, or in meaning as close as
     * a question's sources must be), the best one traced.
     *
     * @throws IllegalArgumentException when no note has that id and none matches the words
     */
    public Traced traceClaim(String text) {
        Optional<Trace> named = graph.trace(text);
        if (named.isPresent()) {
            return new Traced(List.of(), named.get());
        }
        List<Hit> candidates = index.search(text, Passage.Kind.NOTE, CANDIDATES).stream()
                .filter(h -> h.lexicalRank() > 0 || h.similarity() >= Citations.MIN_SIMILARITY).toList();
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no note has the id '" + text + "' and no note matches those words");
        }
        return new Traced(candidates.stream().map(h -> new NoteMatch(h.id(), h.score())).toList(),
                graph.trace(candidates.get(0).id()).orElseThrow());
    }

    /**
     * The notes closest to a query (hybrid BM25 + embedding search), best first, at most {@code limit}.
     *
     * @throws org.scalingatlas.question.InvalidQuestionException for text refused as a question would be
     */
    public List<NoteSummary> searchNotes(String query, int limit) {
        // validated and normalised as a question is, so bad text gets the same refusal as from ask
        String text = Question.of(query).text();
        List<NoteSummary> notes = new ArrayList<>();
        for (Hit hit : index.search(text, Passage.Kind.NOTE, limit)) {
            corpus.note(hit.id()).map(NoteSummary::of).ifPresent(notes::add);
        }
        return notes;
    }

    /**
     * A trace of free text.
     *
     * @param matches the closest notes, best first, when the text named no note; empty when it did
     * @param trace   the trace of the named note, or of the closest one
     */
    public record Traced(List<NoteMatch> matches, Trace trace) {
        public Traced {
            matches = List.copyOf(matches);
        }
    }
}
