package org.scalingatlas.curate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalingatlas.answer.TextModel;
import org.scalingatlas.corpus.AtomicWrites;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.NoteFile;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.corpus.Slugs;

/**
 * Drafts notes ({@code status: draft}) for papers no note rests on, for a curator to review: a question title, the
 * abstract's sentences that carry results as evidence, and a claim only when a chat model proposed one in new words
 * (otherwise the claim is left empty, never filled with a template). Each draft is a new file in {@code notes/};
 * an existing file is never overwritten, and the drafts of one run are written all or none.
 */
public final class NoteDrafter {

    private final Path corpusDir;
    private final TextModel model;

    /** @param model the chat model that proposes title, claim and evidence, or {@code null} to draft without one */
    public NoteDrafter(Path corpusDir, TextModel model) {
        this.corpusDir = corpusDir;
        this.model = model;
    }

    /** What a run wrote and skipped, and the model's failures it fell back from. */
    public record Report(List<Written> written, List<Skipped> skipped, List<String> warnings) {
        public boolean namedUnknownPaper() {
            return skipped.stream().anyMatch(s -> s.reason() == Reason.UNKNOWN);
        }
    }

    /** A draft written to {@code file}, with what the checks rejected or how it was made. */
    public record Written(String noteId, String paperId, Path file, boolean claimWritten, int evidence, List<String> remarks) {
    }

    public record Skipped(String paperId, Reason reason, String detail) {
    }

    public enum Reason {
        HAS_NOTE("has a note"), NO_ABSTRACT("has no abstract to quote"), UNKNOWN("is not a paper in the corpus");

        public final String words;

        Reason(String words) {
            this.words = words;
        }
    }

    /**
     * Drafts a note for each named paper, or for every paper no note rests on when none is named.
     *
     * @throws IllegalArgumentException when a file of the corpus does not parse (a broken note could be a paper's note)
     */
    public Report draft(List<String> paperIds) {
        PaperStore store = new PaperStore(corpusDir);
        try (AutoCloseable lock = store.lockForWriting()) {
            store.recover();
            return draftLocked(Corpus.load(corpusDir), paperIds);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot release the corpus lock: " + e.getMessage(), e);
        }
    }

    private Report draftLocked(Corpus corpus, List<String> paperIds) {
        if (!corpus.problems().isEmpty()) {
            org.scalingatlas.corpus.CorpusException first = corpus.problems().get(0);
            throw new IllegalArgumentException(first.getMessage() + " (no draft is written until every file parses: ./atlas check lists them)");
        }
        Map<String, List<String>> notesByPaper = new LinkedHashMap<>();
        corpus.notes().forEach(n -> n.paperIds().forEach(p -> notesByPaper.computeIfAbsent(p, k -> new ArrayList<>())
                .add(n.id() + (n.status() == Note.Status.DRAFT ? " (a draft)" : ""))));
        List<String> wanted = paperIds.isEmpty()
                ? corpus.papers().stream().map(Paper::id).filter(id -> !notesByPaper.containsKey(id)).toList()
                : List.copyOf(new LinkedHashSet<>(paperIds));
        List<Skipped> skipped = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Written> written = new ArrayList<>();
        Map<Path, String> contents = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String id : wanted) {
            Paper paper = corpus.paper(id).orElse(null);
            if (paper == null) {
                skipped.add(new Skipped(id, Reason.UNKNOWN, ""));
            } else if (notesByPaper.containsKey(id)) {
                skipped.add(new Skipped(id, Reason.HAS_NOTE, String.join(", ", notesByPaper.get(id))));
            } else if (paper.abstractText() == null || paper.abstractText().isBlank()) {
                skipped.add(new Skipped(id, Reason.NO_ABSTRACT, ""));
            } else {
                Drafted drafted = draftOne(paper, warnings);
                String noteId = freeId(corpus, Slugs.of(drafted.note().title()), taken);
                Note note = drafted.withId(noteId);
                Path file = corpus.fileOfNote(noteId);
                contents.put(file, NoteFile.render(note));
                written.add(new Written(noteId, id, file, !note.claim().isEmpty(), note.papers().get(0).evidence().size(), drafted.remarks()));
            }
        }
        AtomicWrites.commit(corpusDir, contents);
        return new Report(List.copyOf(written), List.copyOf(skipped), List.copyOf(warnings));
    }

    /** A note id no file and no other draft of this run has: the title's slug, numbered on a clash. */
    private static String freeId(Corpus corpus, String slug, Set<String> taken) {
        String id = slug;
        for (int n = 2; taken.contains(id) || Files.exists(corpus.fileOfNote(id)); n++) {
            id = slug + "-" + n;
        }
        taken.add(id);
        return id;
    }

    private record Drafted(Note note, List<String> remarks) {
        Note withId(String id) {
            return new Note(id, note.title(), note.claim(), note.date(), note.papers(), note.axes(), note.laws(), note.ceilings(),
                    note.relations(), note.body(), note.status());
        }
    }

    private Drafted draftOne(Paper paper, List<String> warnings) {
        List<String> remarks = new ArrayList<>();
        String title = QuestionTitles.of(paper.title());
        List<String> evidence = List.of();
        String claim = "";
        if (model != null) {
            try {
                ModelProposal proposal = ModelProposal.ask(model, paper);
                remarks.addAll(proposal.remarks());
                title = proposal.title() != null ? proposal.title() : title;
                claim = proposal.claim();
                evidence = proposal.evidence();
                if (evidence.isEmpty()) {
                    remarks.add("the model quoted no sentence of the abstract: the evidence is the sentences that carry results");
                }
            } catch (ModelProposal.Unusable e) {
                warnings.add(paper.id() + ": " + e.getMessage() + "; drafted without the model");
            }
        }
        if (evidence.isEmpty()) {
            evidence = resultSentences(paper, remarks);
        }
        Note note = new Note("draft", title, claim, paper.date(), List.of(new Note.Support(paper.id(), evidence, null)), List.of(),
                List.of(), List.of(), List.of(), "", Note.Status.DRAFT);
        return new Drafted(note, List.copyOf(remarks));
    }

    private static List<String> resultSentences(Paper paper, List<String> remarks) {
        List<String> sentences = Sentences.of(paper.abstractText());
        List<String> results = ResultSentences.of(sentences);
        if (!results.isEmpty()) {
            return results;
        }
        remarks.add("no sentence of the abstract plainly reports a result: the evidence is its last sentence");
        return List.of(sentences.get(sentences.size() - 1));
    }
}
