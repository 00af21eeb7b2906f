package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingatlas.app.Curation;
import org.scalingatlas.config.AtlasConfig;
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
            "Prints each error with its file, record and reason, then the records awaiting curation (papers without a "
                + "note yet, draft notes awaiting review) as a to-do list; exits 1 when there is an error, or with --strict when anything awaits curation."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas check                        the bundled corpus",
            "  ./atlas check --strict               what CI runs: every paper has a curated note",
            "  ./atlas check --corpus my-corpus     another corpus folder"})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder to check (default: corpus.dir).")
    java.nio.file.Path corpusDir;

    @Option(names = "--strict", description = "Also fail on records awaiting curation: papers without a curated note, draft notes.")
    boolean strict;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        AtlasConfig config = AtlasCli.config();
        Curation.Checked checked = Curation.check(corpusDir != null ? corpusDir : config.corpusDir(), config.ontologyDir());
        List<Violation> violations = checked.violations();
        List<Violation> errors = violations.stream().filter(Violation::isError).toList();
        List<Violation> todo = violations.stream().filter(v -> !v.isError()).toList();
        errors.forEach(out::println);
        if (!todo.isEmpty()) {
            out.printf("%s%d record(s) await curation:%n", errors.isEmpty() ? "" : "\n", todo.size());
            todo.forEach(v -> out.println("  " + v));
        }
        String counts = String.format("%d papers, %d notes and %d laws", checked.papers(), checked.notes(), checked.laws());
        if (!errors.isEmpty()) {
            out.printf("%d error(s) in %s.%n", errors.size(), counts);
            return AtlasCli.FAILED;
        }
        if (todo.isEmpty()) {
            out.printf("OK: %s satisfy the shapes; every paper has a note and every formula compiles.%n", counts);
            return 0;
        }
        if (strict) {
            out.printf("%d record(s) await curation in %s: --strict demands a curated note for every paper.%n", todo.size(), counts);
            return AtlasCli.FAILED;
        }
        out.printf("OK: %s can be served; %d record(s) await curation (listed above; --strict refuses them).%n", counts, todo.size());
        return 0;
    }
}
