package org.scalingatlas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.app.AskService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = {"Run the evaluation questions and report recall@5/@10, verdict accuracy per class, lead-note accuracy, citation validity, self-contradictions and repeated sentences.",
            "With --calculations, run questions whose answer is a value a law computes and report how many get it, for every setting they state."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas eval", "  ./atlas eval --questions tests/eval/dev.yaml", "  ./atlas eval --questions tests/eval/dev4.yaml", "  ./atlas eval --questions tests/eval/test.yaml --summary",
            "  ./atlas eval --questions tests/eval/fresh.yaml --summary", "  ./atlas eval --questions tests/eval/fresh2.yaml --summary",
            "  ./atlas eval --questions tests/eval/fresh3.yaml --summary",
            "  ./atlas eval --questions tests/eval/fresh5.yaml --summary",
            "  ./atlas eval --calculations tests/eval/calculations-dev.yaml", "  ./atlas eval --calculations tests/eval/calculations-test.yaml --summary"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "FILE", description = "Question set (default: tests/eval/questions.yaml).")
    Path questions;

    @Option(names = "--calculations", paramLabel = "FILE", description = "Calculation question set, in place of --questions (tests/eval/calculations-dev.yaml, -test.yaml).")
    Path calculations;

    @Option(names = "--summary", description = "Print the figures only, not the questions that missed (for the held-out test split).")
    boolean summary;

    @Override
    public Integer call() {
        var config = AtlasCli.config();
        AskService asking = Atlas.services(config).ask();
        if (calculations != null) {
            if (questions != null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give --questions or --calculations, not both");
            }
            var report = asking.evaluateCalculations(calculations);
            spec.commandLine().getOut().print(summary ? report.render() : report.renderWithMisses());
            return 0;
        }
        Path file = questions != null ? questions : config.home().resolve(AskService.DEFAULT_QUESTIONS);
        var report = asking.evaluate(file);
        spec.commandLine().getOut().print(summary ? report.render() : report.renderWithMisses());
        return 0;
    }
}
