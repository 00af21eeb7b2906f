package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.Atlas;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the corpus: every record parses, and the graph of corpus + ontology satisfies the SHACL shapes "
                + "of ontology/shapes.ttl (evidence quoted exactly, papers and notes that exist, a note for every paper...).",
            "Prints each violation with its file, record and reason; exits 1 when there is any."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas check                        the bundled corpus",
            "  ./atlas check --corpus my-corpus     another corpus folder"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder to check (default: corpus.dir).")
    java.nio.file.Path corpusDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AtlasConfig config = AtlasCli.config();
        Corpus corpus = Corpus.load(corpusDir != null ? corpusDir : config.corpusDir());
        List<Violation> violations = Atlas.check(corpus, Ontology.load(config.ontologyDir()));
        violations.forEach(out::println);
        if (violations.isEmpty()) {
            out.printf("OK: %d papers, %d notes and %d laws satisfy the shapes; every paper has a note and every formula compiles.%n",
                    corpus.papers().size(), corpus.notes().size(), corpus.laws().size());
            return 0;
        }
        out.printf("%d violation(s) in %d papers and %d notes.%n", violations.size(), corpus.papers().size(), corpus.notes().size());
        return AtlasCli.FAILED;
    }
}
