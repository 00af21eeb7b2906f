package org.scalingatlas.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A note's relations as a curator writes them, including what a relation is about ({@code on}). */
class NoteFileTest {

    private static final Path FILE = Path.of("corpus/notes/a-note.md");

    private static final String TEXT = """
            ---
            id: a-note
            title: Does a note say what it disagrees on?
            claim: A claim of at least one sentence.
            papers:
              - id: a-paper
                evidence:
                  - An exact sentence.
            axes: [parameters]
            relations:
              - {type: disagrees, note: other-note, on: "how N is counted: with or without embeddings"}
              - {type: supports, note: third-note}
            ---
            """;

    @Test
    void should_read_what_a_relation_is_about() {
        Note note = NoteFile.parse(FILE, TEXT);
        assertEquals(List.of(new Note.Relation(Note.Relation.Type.DISAGREES, "other-note", "how N is counted: with or without embeddings"),
                new Note.Relation(Note.Relation.Type.SUPPORTS, "third-note", null)), note.relations());
        assertNull(note.relations().get(1).on(), "a relation that does not say keeps no 'on'");
    }

    @Test
    void should_write_back_what_it_read_with_and_without_on() {
        Note note = NoteFile.parse(FILE, TEXT);
        String written = NoteFile.render(note);
        assertEquals(note, NoteFile.parse(FILE, written));
        assertTrue(written.contains("how N is counted: with or without embeddings"), written);
        // the writer may quote the key ("on" is a boolean in YAML 1.1); either way it reads back
        assertEquals(1, written.split("\"?on\"?: ", -1).length - 1, "only the relation that says what it is about writes 'on': " + written);
    }

    @Test
    void should_treat_a_blank_on_as_absent_and_refuse_unknown_relation_keys() {
        assertNull(new Note.Relation(Note.Relation.Type.REFINES, "x", "  ").on());
        assertEquals("the data", new Note.Relation(Note.Relation.Type.REFINES, "x", " the data ").on());
        CorpusException e = assertThrows(CorpusException.class,
                () -> NoteFile.parse(FILE, TEXT.replace("on: \"how N", "about: \"how N")));
        assertTrue(e.getMessage().contains("about"), e.getMessage());
        Note plain = new Note("b-note", "Is this a question?", "A claim of at least one sentence.", LocalDate.of(2024, 1, 1),
                List.of(new Note.Support("a-paper", List.of("An exact sentence."), null)), List.of("parameters"), List.of(), List.of(),
                List.of(new Note.Relation(Note.Relation.Type.EXTENDS, "a-note")), "");
        assertFalse(NoteFile.render(plain).matches("(?s).*\"?on\"?: .*"));
        assertEquals(plain, NoteFile.parse(FILE, NoteFile.render(plain)));
    }

    @Test
    void should_read_back_a_draft_and_refuse_any_other_status() {
        Note draft = new Note("d-note", "Is this a draft?", "", null,
                List.of(new Note.Support("a-paper", List.of("An exact sentence."), null)), List.of("parameters"), List.of(), List.of(),
                List.of(), "", Note.Status.DRAFT);
        String written = NoteFile.render(draft);
        assertTrue(written.contains("\nstatus: draft\n"), written);
        assertEquals(draft, NoteFile.parse(FILE, written));
        assertFalse(NoteFile.render(new Note("c-note", "Is this curated?", "Yes.", null, draft.papers(), draft.axes(), List.of(), List.of(),
                List.of(), "")).contains("status"), "a curated note writes no status");
        CorpusException e = assertThrows(CorpusException.class, () -> NoteFile.parse(FILE, written.replace("status: draft", "status: final")));
        assertTrue(e.getMessage().contains("status 'final' is not 'draft'"), e.getMessage());
    }
}
