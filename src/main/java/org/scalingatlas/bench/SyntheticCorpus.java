package org.scalingatlas.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;

/**
 * A corpus of any size for benchmarks, made from the real one: the real papers, notes and laws, then synthetic
 * papers whose titles recombine real title words and whose abstracts recombine real abstract sentences, each with
 * notes in the real proportions: notes per paper, axes per note (a real note's axes), the share of notes citing a
 * law, reporting a ceiling and relating to other notes. A synthetic note quotes its paper's sentences as evidence,
 * so the corpus passes the same shapes. Deterministic for a seed.
 */
public final class SyntheticCorpus {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 1, 1);

    private SyntheticCorpus() {
    }

    /** The real corpus grown to {@code papers} papers (the real ones included); never fewer than the real corpus. */
    public static Corpus generate(Corpus real, int papers, long seed) {
        List<String> sentences = sentences(real);
        List<String> titleWords = real.papers().stream().flatMap(p -> List.of(p.title().split("\\s+")).stream())
                .filter(w -> w.length() > 2).toList();
        List<Note> realNotes = real.notes();
        double notesPerPaper = (double) realNotes.size() / real.papers().size();
        double lawShare = share(realNotes, n -> !n.laws().isEmpty());
        double relationShare = share(realNotes, n -> !n.relations().isEmpty());
        double ceilingShare = share(realNotes, n -> !n.ceilings().isEmpty());
        List<String> lawIds = real.laws().stream().map(Law::id).toList();
        List<String> ceilingIds = realNotes.stream().flatMap(n -> n.ceilings().stream()).filter(c -> !c.isReference()).map(Note.Ceiling::id).toList();

        Random random = new Random(seed);
        List<Paper> allPapers = new ArrayList<>(real.papers());
        List<Note> allNotes = new ArrayList<>(realNotes);
        for (int i = 0; allPapers.size() < papers; i++) {
            String id = "synthetic-paper-" + i;
            List<String> abstractSentences = pick(sentences, 4 + random.nextInt(5), random);
            String title = String.join(" ", pick(titleWords, 4 + random.nextInt(6), random));
            LocalDate date = FIRST_DAY.plusDays(random.nextInt(3300));
            allPapers.add(new Paper(id, title, String.join(" ", abstractSentences), date, 1 + random.nextInt(12), List.of(), null, null, null,
                    List.of("synthetic")));
            int notes = (int) notesPerPaper + (random.nextDouble() < notesPerPaper - (int) notesPerPaper ? 1 : 0);
            for (int k = 0; k < Math.max(1, notes); k++) {
                Note template = realNotes.get(random.nextInt(realNotes.size()));
                List<String> evidence = pick(abstractSentences, 1 + random.nextInt(2), random);
                List<String> laws = !lawIds.isEmpty() && random.nextDouble() < lawShare ? List.of(lawIds.get(random.nextInt(lawIds.size()))) : List.of();
                List<Note.Ceiling> ceilings = !ceilingIds.isEmpty() && random.nextDouble() < ceilingShare
                        ? List.of(new Note.Ceiling(ceilingIds.get(random.nextInt(ceilingIds.size())), null, null, null, null)) : List.of();
                List<Note.Relation> relations = random.nextDouble() < relationShare
                        ? List.of(new Note.Relation(Note.Relation.Type.values()[random.nextInt(4)], allNotes.get(random.nextInt(allNotes.size())).id()))
                        : List.of();
                String question = "Does " + String.join(" ", pick(titleWords, 3 + random.nextInt(4), random)).toLowerCase(java.util.Locale.ROOT) + " change with scale?";
                allNotes.add(new Note("synthetic-note-" + i + "-" + k, question, String.join(" ", pick(sentences, 2, random)), date,
                        List.of(new Note.Support(id, evidence, null)), template.axes(), laws, ceilings, relations, ""));
            }
        }
        return new Corpus(Path.of("synthetic-" + papers), allPapers, allNotes, real.laws(), List.of());
    }

    /** Every sentence of the real abstracts, in corpus order. */
    public static List<String> sentences(Corpus real) {
        List<String> sentences = new ArrayList<>();
        for (Paper paper : real.papers()) {
            for (String sentence : SENTENCE_END.split(paper.abstractText())) {
                if (sentence.length() > 30) {
                    sentences.add(sentence.strip());
                }
            }
        }
        return sentences;
    }

    private static <T> List<T> pick(List<T> from, int count, Random random) {
        List<T> picked = new ArrayList<>(count);
        for (int i = 0; i < count && !from.isEmpty(); i++) {
            T item = from.get(random.nextInt(from.size()));
            if (!picked.contains(item)) {
                picked.add(item);
            }
        }
        return picked;
    }

    private static double share(List<Note> notes, java.util.function.Predicate<Note> test) {
        return notes.isEmpty() ? 0 : (double) notes.stream().filter(test).count() / notes.size();
    }
}
