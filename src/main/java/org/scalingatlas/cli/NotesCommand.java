package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.answer.TextModel;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.curate.NoteDrafter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "notes",
        mixinStandardHelpOptions = true,
        description = "Work on the corpus's notes. `notes draft` drafts notes for papers that have none, for a curator to review.",
        subcommands = NotesCommand.Draft.class,
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas notes draft              every paper no note rests on",
            "  ./atlas notes draft mobilellm    one paper"})
final class NotesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: draft");
    }

    @Command(name = "draft",
            mixinStandardHelpOptions = true,
            description = {
                "Write a draft note (status: draft) in notes/ for each named paper, or for every paper no note rests on, "
                    + "that has an abstract. A draft holds a question title and the abstract's sentences that carry results "
                    + "as evidence, copied exactly; its claim and axes are left for the curator.",
                "With a chat model switched on (llm.provider, llm.base.url, llm.model), the model proposes the question, a claim "
                    + "in new words and the evidence: a quote not in the abstract word for word is dropped, a claim sharing 8 "
                    + "words in a row with the abstract is rejected, a title that is no question too. When the model fails, "
                    + "times out or replies with something else than the JSON asked for, the paper is drafted without it.",
                "An existing file is never overwritten; the drafts are written all or none. Drafts are served with a \"draft\" "
                    + "mark; ./atlas check lists them as awaiting review and ./atlas check --strict refuses them.",
                "Exits 1 when a named paper is not in the corpus (the others are still drafted)."},
            footerHeading = "%nExamples:%n",
            footer = {
                "  ./atlas notes draft                    every paper no note rests on",
                "  ./atlas notes draft mobilellm          one paper",
                "  ./atlas notes draft --corpus my-corpus another corpus folder",
                "  (a chat model is switched on by the llm.* settings: docs/configuration.md)"})
    static final class Draft implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "PAPER_ID", description = "Papers to draft a note for (default: every paper no note rests on).")
        List<String> paperIds = List.of();

        @Option(names = "--corpus", paramLabel = "DIR", description = "Corpus folder (default: corpus.dir).")
        Path corpusDir;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            AtlasConfig config = AtlasCli.config();
            Path corpus = corpusDir != null ? corpusDir : config.corpusDir();
            TextModel model = Atlas.chatModel(config);
            NoteDrafter.Report report = new NoteDrafter(corpus, model).draft(paperIds);
            report.warnings().forEach(w -> err.println("warning: " + w));
            print(out, report, corpus, model);
            return report.namedUnknownPaper() ? AtlasCli.FAILED : 0;
        }

        private static void print(PrintWriter out, NoteDrafter.Report report, Path corpus, TextModel model) {
            if (report.written().isEmpty() && report.skipped().isEmpty()) {
                out.println("Nothing to draft: a note rests on every paper.");
                return;
            }
            if (!report.written().isEmpty()) {
                out.printf("Drafted %d note(s) %s, status: draft:%n", report.written().size(),
                        model == null ? "without a chat model" : "with " + model.name());
                for (NoteDrafter.Written w : report.written()) {
                    out.printf("  %s  (paper %s: %d evidence sentence(s), %s)%n", w.file(), w.paperId(), w.evidence(),
                            w.claimWritten() ? "a claim to review" : "claim left for the curator");
                    w.remarks().forEach(r -> out.println("    " + r));
                }
            }
            if (!report.skipped().isEmpty()) {
                out.printf("Skipped %d paper(s):%n", report.skipped().size());
                report.skipped().forEach(s -> out.printf("  %s: %s%s%n", s.paperId(), s.reason().words, s.detail().isEmpty() ? "" : " (" + s.detail() + ")"));
            }
            if (!report.written().isEmpty()) {
                out.println("Review each draft: check its question and evidence, write its claim and axes, then remove 'status: draft'. "
                        + "./atlas check lists the drafts awaiting review.");
            }
        }
    }
}
