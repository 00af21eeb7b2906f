package org.scalingatlas.api;

import java.util.List;
import org.scalingatlas.corpus.Note;

/** A note as listed; {@code status} is {@code curated} or {@code draft} (awaiting a curator's review, its claim maybe empty). */
public record NoteSummary(String id, String title, String claim, String status, List<String> axes) {

    public static NoteSummary of(Note note) {
        return new NoteSummary(note.id(), note.title(), note.claim(), note.status().word, note.axes());
    }
}
