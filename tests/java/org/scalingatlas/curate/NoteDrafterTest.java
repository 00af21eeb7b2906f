package org.scalingatlas.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.Violation;

/** Drafting without a model: a question, the abstract's result sentences quoted exactly, an empty claim; never overwriting. */
class NoteDrafterTest {

    @TempDir
    Path tmp;

    @Test
    void should_draft_a_question_with_the_result_sentences_and_leave_the_claim_empty() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        NoteDrafter.Report report = new NoteDrafter(corpus, null).draft(List.of());

        assertEquals(1, report.written().size(), report.toString());
        NoteDrafter.Written written = report.written().get(0);
        assertEquals(DraftCorpus.PAPER, written.paperId());
        assertEquals(List.of(new NoteDrafter.Skipped(DraftCorpus.BARE_PAPER, NoteDrafter.Reason.NO_ABSTRACT, "")), report.skipped());
        Note note = Corpus.load(corpus).note(written.noteId()).orElseThrow();
        assertEquals(Note.Status.DRAFT, note.status());
        assertEquals("What scaling laws hold for attention heads?", note.title());
        assertEquals("", note.claim(), "no template poses as a claim");
        List<String> evidence = note.papers().get(0).evidence();
        assertTrue(evidence.contains("We find that loss falls as a power law in width with an exponent of 0.07, while the number of heads matters little beyond eight."),
                evidence.toString());
        assertFalse(evidence.stream().anyMatch(e -> e.startsWith("Scaling laws guide") || e.startsWith("We study")), "background is no result: " + evidence);
        evidence.forEach(e -> assertTrue(DraftCorpus.ABSTRACT.contains(e), "verbatim in the abstract: " + e));
        assertTrue(Files.exists(written.file()));
    }

    @Test
    void should_pass_the_shapes_as_a_draft_awaiting_review() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        NoteDrafter.Written written = new NoteDrafter(corpus, null).draft(List.of(DraftCorpus.PAPER)).written().get(0);

        List<Violation> violations = Atlas.check(Corpus.load(corpus), Ontology.load(Path.of("ontology")));
        assertTrue(violations.stream().noneMatch(Violation::isError), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.record().equals("note " + written.noteId()) && v.reason().contains("a draft note awaits a curator's review")),
                violations.toString());
    }

    @Test
    void should_still_demand_a_claim_and_axes_of_a_curated_note() throws IOException {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        Path file = new NoteDrafter(corpus, null).draft(List.of(DraftCorpus.PAPER)).written().get(0).file();
        Files.writeString(file, Files.readString(file).replace("status: draft\n", ""));

        List<String> errors = Atlas.check(Corpus.load(corpus), Ontology.load(Path.of("ontology"))).stream().filter(Violation::isError)
                .map(Violation::reason).toList();
        assertTrue(errors.contains("a note needs one claim of at least a sentence"), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("a note needs at least one axis")), errors.toString());
    }

    @Test
    void should_skip_papers_with_a_note_without_an_abstract_or_unknown_and_never_overwrite() throws IOException {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        Path taken = corpus.resolve("notes/what-scaling-laws-hold-for-attention-heads.md");
        Files.writeString(taken, Files.readString(corpus.resolve("notes/should-parameters-and-tokens-grow-together.md"))
                .replace("id: should-parameters-and-tokens-grow-together", "id: what-scaling-laws-hold-for-attention-heads"));
        String before = Files.readString(taken);

        NoteDrafter.Report report = new NoteDrafter(corpus, null).draft(List.of("compute-optimal-study", DraftCorpus.BARE_PAPER, "no-such-paper",
                DraftCorpus.PAPER));

        assertEquals(before, Files.readString(taken), "an existing file is never overwritten");
        assertEquals("what-scaling-laws-hold-for-attention-heads-2", report.written().get(0).noteId());
        assertEquals(List.of(NoteDrafter.Reason.HAS_NOTE, NoteDrafter.Reason.NO_ABSTRACT, NoteDrafter.Reason.UNKNOWN),
                report.skipped().stream().map(NoteDrafter.Skipped::reason).toList());
        assertTrue(report.skipped().get(0).detail().contains("should-parameters-and-tokens-grow-together"), report.toString());
        assertTrue(report.namedUnknownPaper());

        NoteDrafter.Report again = new NoteDrafter(corpus, null).draft(List.of(DraftCorpus.PAPER));
        assertTrue(again.written().isEmpty(), "a paper with a draft has a note");
        assertTrue(again.skipped().get(0).detail().contains("(a draft)"), again.toString());
    }
}
