package org.scalingatlas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalingatlas.bench.SyntheticCorpus;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.NoteFile;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench-corpus",
        mixinStandardHelpOptions = true,
        description = {"Write a synthetic corpus of N papers for benchmarks: the real corpus, then papers whose titles and abstracts "
            + "recombine the real ones' words and sentences, with notes, axes, laws and relations in the real proportions."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas bench-corpus 10000 --out target/bench-10k",
            "  ATLAS_CORPUS_DIR=target/bench-10k ./atlas serve"})
final class BenchCorpusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "N", description = "How many papers (at least the real corpus's).")
    int papers;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "An empty or new folder to write the corpus into.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; the same seed gives the same corpus (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (papers < 1 || papers > 10_000_000) {
            throw new IllegalArgumentException("N must be between 1 and 10,000,000, got " + papers);
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new IllegalArgumentException(out + " exists and is not an empty folder");
        }
        Path real = AtlasCli.config().corpusDir();
        Corpus corpus = SyntheticCorpus.generate(Corpus.load(real), papers, seed);
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
            Files.copy(real.resolve("laws").resolve(law.id() + ".md"), staging.resolve("laws").resolve(law.id() + ".md"));
        }
        Files.deleteIfExists(out);
        Files.move(staging, out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Wrote %d papers, %d notes and %d laws to %s%n", corpus.papers().size(), corpus.notes().size(), corpus.laws().size(), out);
        return 0;
    }
}
