package org.scalingatlas.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.eval.EvalSet;
import org.scalingatlas.eval.Evaluation;
import org.scalingatlas.graph.KnowledgeGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = "Run the evaluation questions and report recall@5/@10, verdict accuracy per class and citation validity.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./atlas eval", "  ./atlas eval --questions my-questions.yaml"})
final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--questions", paramLabel = "FILE", description = "Question set (default: tests/eval/questions.yaml).")
    Path questions;

    @Override
    public Integer call() {
        var config = AtlasCli.config();
        Atlas atlas = Atlas.open(config, KnowledgeGraph.Storage.PERSISTENT);
        Path file = questions != null ? questions : config.home().resolve(EvalSet.DEFAULT);
        spec.commandLine().getOut().print(new Evaluation(atlas.assistant(), atlas.corpus()).run(EvalSet.load(file)).render());
        return 0;
    }
}
