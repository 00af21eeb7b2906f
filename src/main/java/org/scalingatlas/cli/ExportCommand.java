package org.scalingatlas.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingatlas.app.ExportService;
import org.scalingatlas.corpus.Paper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "Export the corpus's papers (or the ones named) as BibTeX or CSL-JSON, for a reference manager: "
            + "the same as GET /api/export.bib and /api/export.csl.json.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas export --format bibtex > atlas.bib",
            "  ./atlas export --format csljson --ids scaling-laws-for-neural-language-models --output refs.json"})
final class ExportCommand implements Callable<Integer> {

    enum Format { bibtex, csljson }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "bibtex or csljson.")
    Format format;

    @Option(names = "--ids", paramLabel = "ID,ID", description = "Only these papers, in this order (default: every paper).")
    String ids;

    @Option(names = "--output", paramLabel = "FILE", description = "Write to this file (written beside it, then renamed into place) instead of standard output.")
    Path output;

    @Override
    public Integer call() throws IOException {
        ExportService exports = ExportService.citationsOf(AtlasCli.config().corpusDir());
        List<Paper> papers = exports.papers(ids);
        String text = switch (format) {
            case bibtex -> exports.bibtex(papers);
            case csljson -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(exports.cslJson(papers)) + "\n";
        };
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        } else {
            exports.write(output.toAbsolutePath(), text);
            spec.commandLine().getOut().printf("Wrote %d papers to %s%n", papers.size(), output);
        }
        return 0;
    }
}
