package org.scalingatlas.app;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.scalingatlas.api.CeilingDetail;
import org.scalingatlas.api.NoteDetail;
import org.scalingatlas.api.NoteSummary;
import org.scalingatlas.api.PaperDetail;
import org.scalingatlas.api.PaperRef;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.graph.Vocabulary;

/** The corpus's records as the API shows them: papers, notes, axes and ceilings, listed or one by one. */
public final class CorpusRecords {

    /** Where the IRIs of records begin, {@code https://scalingatlas.org/id/}, then the kind and the id ({@code note/ID}). */
    public static final String IRI_BASE = Vocabulary.ID;

    private final Corpus corpus;
    private final KnowledgeGraph graph;
    private final Map<String, Paper> papers;
    /** The axes and their note counts: a SPARQL aggregate of ~0.7 s, fixed for the graph's life, so asked for once. */
    private volatile List<Trace.AxisSummary> axes;

    public CorpusRecords(Corpus corpus, KnowledgeGraph graph) {
        this.corpus = corpus;
        this.graph = graph;
        this.papers = corpus.papersById();
    }

    public int paperCount() {
        return corpus.papers().size();
    }

    public int noteCount() {
        return corpus.notes().size();
    }

    /** How many triples the claims graph holds (ontology and corpus). */
    public long tripleCount() {
        return graph.triples();
    }

    public List<PaperRef> papers() {
        return corpus.papers().stream().map(PaperRef::of).toList();
    }

    /** A paper in full with the notes that rest on it; empty for an unknown id. */
    public Optional<PaperDetail> paper(String id) {
        return Optional.ofNullable(papers.get(id)).map(paper -> PaperDetail.of(paper, graph.notesOnPaper(id)));
    }

    public List<NoteSummary> notes() {
        return corpus.notes().stream().map(NoteSummary::of).toList();
    }

    /** A note in full, its papers resolved; empty for an unknown id. */
    public Optional<NoteDetail> note(String id) {
        return corpus.note(id).map(note -> NoteDetail.of(note, papers));
    }

    public boolean hasNote(String id) {
        return corpus.note(id).isPresent();
    }

    /** The axes of the scheme with their note counts. */
    public List<Trace.AxisSummary> axes() {
        List<Trace.AxisSummary> known = axes;
        if (known == null) {
            known = graph.axes();
            axes = known; // two first callers may both ask: the same answer, once more
        }
        return known;
    }

    public boolean hasAxis(String id) {
        return axes().stream().anyMatch(a -> a.id().equals(id));
    }

    /** The notes on an axis or on a narrower one, in the graph's order, as {@link #notes()} lists them (axes included). */
    public List<NoteSummary> notesOnAxis(String axisId) {
        return graph.notesOnAxis(axisId).stream().map(ref -> corpus.note(ref.id())).flatMap(java.util.Optional::stream)
                .map(NoteSummary::of).toList();
    }

    public List<Trace.CeilingSummary> ceilings() {
        return graph.ceilings();
    }

    /** A ceiling and the notes that report it; empty for an unknown id. */
    public Optional<CeilingDetail> ceiling(String id) {
        return graph.ceilings().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(ceiling -> new CeilingDetail(ceiling, graph.notesOnCeiling(id)));
    }

    /** Every note, named by its IRI, its detail made when read. */
    public List<Resource> noteResources() {
        return corpus.notes().stream().map(note -> new Resource(Vocabulary.iri(Vocabulary.Kind.NOTE, note.id()).getURI(), note.title(),
                () -> NoteDetail.of(note, papers))).toList();
    }

    /** Every paper, named by its IRI, its detail (with the notes resting on it) made when read. */
    public List<Resource> paperResources() {
        return corpus.papers().stream().map(paper -> new Resource(Vocabulary.iri(Vocabulary.Kind.PAPER, paper.id()).getURI(), paper.title(),
                () -> PaperDetail.of(paper, graph.notesOnPaper(paper.id())))).toList();
    }

    /** A record named by its IRI, for clients that read records by IRI (MCP resources). */
    public record Resource(String iri, String title, Supplier<Object> detail) {
    }
}
