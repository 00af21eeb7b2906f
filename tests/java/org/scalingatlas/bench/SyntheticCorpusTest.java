package org.scalingatlas.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.NoteFile;
import org.scalingatlas.graph.CorpusCheck;
import org.scalingatlas.graph.Ontology;

class SyntheticCorpusTest {

    private static final Corpus REAL = Corpus.load(Path.of("corpus"));

    @Test
    void should_grow_the_real_corpus_with_the_same_proportions_and_pass_its_shapes() {
        Corpus synthetic = SyntheticCorpus.generate(REAL, 600, 42);
        assertEquals(600, synthetic.papers().size());
        double realNotesPerPaper = (double) REAL.notes().size() / REAL.papers().size();
        double notesPerPaper = (double) synthetic.notes().size() / synthetic.papers().size();
        assertEquals(realNotesPerPaper, notesPerPaper, 0.1);
        double realLawShare = share(REAL.notes()), lawShare = share(synthetic.notes());
        assertEquals(realLawShare, lawShare, 0.05);
        assertEquals(List.of(), CorpusCheck.run(synthetic, Ontology.load(Path.of("ontology"))), "a synthetic corpus satisfies the shapes");
    }

    @Test
    void should_give_the_same_corpus_for_the_same_seed_and_write_notes_that_read_back() {
        Corpus a = SyntheticCorpus.generate(REAL, 400, 7);
        Corpus b = SyntheticCorpus.generate(REAL, 400, 7);
        assertEquals(a.papers(), b.papers());
        assertEquals(a.notes(), b.notes());
        for (Note note : a.notes()) {
            assertEquals(note, NoteFile.parse(Path.of(note.id() + ".md"), NoteFile.render(note)));
        }
        assertTrue(SyntheticCorpus.generate(REAL, 10, 1).papers().size() >= REAL.papers().size(), "never smaller than the real corpus");
    }

    private static double share(List<Note> notes) {
        return (double) notes.stream().filter(n -> !n.laws().isEmpty()).count() / notes.size();
    }
}
