package org.scalingatlas.api;

import java.util.List;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.graph.Trace;

/**
 * One paper in full, with the notes that rest on it. {@code date} is the stated date; {@code issued} is when the
 * paper appeared as precisely as known ({@code 2020-01} when only its arXiv id says), and {@code dateSource} says
 * how: {@code stated}, {@code arxiv-id}, or {@code null} when nothing says.
 */
public record PaperDetail(String id, String title, String date, String issued, String dateSource, String arxiv, Integer authorCount,
        List<String> authors, String organization, String code, List<String> sources, String abstractText, List<Trace.NoteRef> notes) {

    public static PaperDetail of(Paper p, List<Trace.NoteRef> notes) {
        Paper.Issued issued = p.issued();
        return new PaperDetail(p.id(), p.title(), Dates.iso(p.date()), issued == null ? null : issued.toString(),
                issued == null ? null : issued.source(), p.arxiv(), p.authorCount(), p.authors(), p.organization(),
                p.code(), p.sources(), p.abstractText(), notes);
    }
}
