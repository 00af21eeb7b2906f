package org.scalingatlas.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.scalingatlas.bench.SyntheticCorpus;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.NoteFile;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperFile;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.graph.CorpusCheck;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.Violation;
import org.scalingatlas.ingest.ArxivApi;
import org.scalingatlas.ingest.Ingestion;
import org.scalingatlas.ingest.ListingReader;
import org.scalingatlas.laws.Calculator;
import org.scalingatlas.laws.LawBook;

/** Work on the corpus's files rather than answers from them: checking them, importing papers, writing a synthetic corpus. */
public final class Curation {

    private Curation() {
    }

    /**
     * Every problem of a corpus: the SHACL shapes (which also report files that do not parse), then the laws'
     * formulas, each compiled as the calculators will compile it.
     */
    public static List<Violation> violations(Corpus corpus, Ontology ontology) {
        List<Violation> violations = new ArrayList<>(CorpusCheck.run(corpus, ontology));
        Set<String> eponyms = corpus.laws().stream().map(LawBook::eponym).collect(Collectors.toSet());
        for (Law law : corpus.laws()) {
            try {
                new Calculator(law);
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(corpus.fileOfLaw(law.id()), "law " + law.id(), e.getMessage()));
            }
            aliasesNamingALaw(law, eponyms).forEach(alias -> violations.add(new Violation(corpus.fileOfLaw(law.id()), "law " + law.id(),
                    "constant set alias '" + alias + "' holds the name a law goes by: every question naming that law would run this set")));
        }
        return List.copyOf(violations);
    }

    /** The aliases of the law's constant sets that hold a word some law goes by ("Sardana", "Chinchilla"). */
    private static List<String> aliasesNamingALaw(Law law, Set<String> eponyms) {
        return law.constantSets().stream().flatMap(set -> set.aliases().stream())
                .filter(alias -> Arrays.stream(alias.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).anyMatch(eponyms::contains)).toList();
    }

    /** The corpus in a folder checked against the ontology in another. */
    public static Checked check(Path corpusDir, Path ontologyDir) {
        Corpus corpus = Corpus.load(corpusDir);
        return new Checked(violations(corpus, Ontology.load(ontologyDir)), corpus.papers().size(), corpus.notes().size(), corpus.laws().size());
    }

    /**
     * Imports papers from files and arXiv ids into the corpus in a folder, all or nothing.
     *
     * @param arxiv the arXiv API client, made only when ids are given
     */
    public static Ingestion.Result ingest(Path corpusDir, ListingReader reader, Supplier<ArxivApi> arxiv, List<Path> files, List<String> arxivIds) {
        return new Ingestion(new PaperStore(corpusDir), reader, arxiv).run(files, arxivIds);
    }

    /**
     * Writes a synthetic corpus of {@code papers} papers grown from the real one (its laws copied as they are) to
     * {@code out}, a new or empty folder: staged beside it, then moved into place.
     */
    public static Written writeSyntheticCorpus(Path realDir, int papers, long seed, Path out) throws IOException {
        Corpus corpus = SyntheticCorpus.generate(Corpus.load(realDir), papers, seed);
        Path staging = Files.createTempDirectory(out.toAbsolutePath().getParent() == null ? Path.of(".") : out.toAbsolutePath().getParent(), ".bench-corpus-");
        Files.createDirectories(staging.resolve("papers"));
        Files.createDirectories(staging.resolve("notes"));
        Files.createDirectories(staging.resolve("laws"));
        for (Paper paper : corpus.papers()) {
            Files.writeString(staging.resolve("papers").resolve(paper.id() + ".md"), PaperFile.render(paper));
        }
        for (Note note : corpus.notes()) {
            Files.writeString(staging.resolve("notes").resolve(note.id() + ".md"), NoteFile.render(note));
        }
        for (Law law : corpus.laws()) {
            Files.copy(realDir.resolve("laws").resolve(law.id() + ".md"), staging.resolve("laws").resolve(law.id() + ".md"));
        }
        Files.deleteIfExists(out);
        Files.move(staging, out);
        return new Written(corpus.papers().size(), corpus.notes().size(), corpus.laws().size());
    }

    /** What a check found, and the size of the corpus it checked. */
    public record Checked(List<Violation> violations, int papers, int notes, int laws) {
        public Checked {
            violations = List.copyOf(violations);
        }
    }

    /** How many records a synthetic corpus got. */
    public record Written(int papers, int notes, int laws) {
    }
}
