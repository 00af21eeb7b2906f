package org.scalingatlas.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalingatlas.app.Curation;
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
        Curation.Written written = Curation.writeSyntheticCorpus(AtlasCli.config().corpusDir(), papers, seed, out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("Wrote %d papers, %d notes and %d laws to %s%n", written.papers(), written.notes(), written.laws(), out);
        return 0;
    }
}
