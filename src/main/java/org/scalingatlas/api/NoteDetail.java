package org.scalingatlas.api;

import java.util.List;
import java.util.Map;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;

/** One note in full, as its file states it (with its status: curated or draft), with its papers resolved. */
public record NoteDetail(String id, String title, String claim, String status, String date, List<PaperRef> papers, List<String> axes,
        List<String> laws, List<Note.Ceiling> ceilings, List<Relation> relations) {

    public static NoteDetail of(Note note, Map<String, Paper> papers) {
        return new NoteDetail(note.id(), note.title(), note.claim(), note.status().word, Dates.iso(note.date()),
                note.paperIds().stream().map(papers::get).map(PaperRef::of).toList(), note.axes(), note.laws(), note.ceilings(),
                note.relations().stream().map(r -> new Relation(r.type().word, r.noteId())).toList());
    }

    /** A relation the note states to another note. */
    public record Relation(String type, String note) {
    }
}
