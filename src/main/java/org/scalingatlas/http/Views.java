package org.scalingatlas.http;

import java.time.LocalDate;
import java.util.List;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.graph.Trace;

/** The JSON shapes of the API's papers and notes: shared by the HTTP API and the MCP server, so both give the same JSON. */
public final class Views {

    private Views() {
    }

    /** A paper as listed and as cited: the facts a reader checks. */
    public record PaperRef(String id, String title, String arxiv, String date) {
        public static PaperRef of(Paper paper) {
            return new PaperRef(paper.id(), paper.title(), paper.arxiv(), iso(paper.date()));
        }
    }

    /**
     * One paper in full, with the notes that rest on it. {@code date} is the stated date; {@code issued} is when the
     * paper appeared as precisely as known ({@code 2020-01} when only its arXiv id says), and {@code dateSource} says
     * how: {@code stated}, {@code arxiv-id}, or {@code null} when nothing says.
     */
    public record PaperDetail(String id, String title, String date, String issued, String dateSource, String arxiv, Integer authorCount,
            List<String> authors, String organization, String code, List<String> sources, String abstractText, List<Trace.NoteRef> notes) {
        public static PaperDetail of(Paper p, List<Trace.NoteRef> notes) {
            Paper.Issued issued = p.issued();
            return new PaperDetail(p.id(), p.title(), iso(p.date()), issued == null ? null : issued.toString(),
                    issued == null ? null : issued.source(), p.arxiv(), p.authorCount(), p.authors(), p.organization(),
                    p.code(), p.sources(), p.abstractText(), notes);
        }
    }

    /** A note as listed; {@code status} is {@code curated} or {@code draft} (awaiting a curator's review, its claim maybe empty). */
    public record NoteSummary(String id, String title, String claim, String status, List<String> axes) {
        public static NoteSummary of(Note note) {
            return new NoteSummary(note.id(), note.title(), note.claim(), note.status().word, note.axes());
        }
    }

    /** A ceiling and the notes that report it. */
    public record CeilingDetail(org.scalingatlas.graph.Trace.CeilingSummary ceiling, List<org.scalingatlas.graph.Trace.NoteRef> notes) {
    }

    /** One note in full, as its file states it (with its status: curated or draft), with its papers resolved. */
    public record NoteDetail(String id, String title, String claim, String status, String date, List<PaperRef> papers, List<String> axes,
            List<String> laws, List<Note.Ceiling> ceilings, List<Relation> relations) {
        public static NoteDetail of(Note note, java.util.Map<String, Paper> papers) {
            return new NoteDetail(note.id(), note.title(), note.claim(), note.status().word, iso(note.date()),
                    note.paperIds().stream().map(papers::get).map(PaperRef::of).toList(), note.axes(), note.laws(), note.ceilings(),
                    note.relations().stream().map(r -> new Relation(r.type().word, r.noteId())).toList());
        }

        public record Relation(String type, String note) {
        }
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
