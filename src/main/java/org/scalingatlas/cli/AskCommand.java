package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;
import org.scalingatlas.Atlas;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.graph.KnowledgeGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "ask",
        mixinStandardHelpOptions = true,
        description = {
            "Answer a question about scaling from the corpus alone: says plainly what the corpus does not cover, "
                + "attributes every finding to a note, and lists the sources, next questions and a research prompt.",
            "The verdict is answered, partial (with the missing parts) or refused."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas ask \"Does depth matter more than width for small language models?\"",
            "  ./atlas ask --json \"How should a fixed compute budget be split between parameters and tokens?\""})
final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question (quote it, or give it as several words).")
    List<String> words;

    @Option(names = "--json", description = "Print the answer as JSON (the same as GET /api/ask?q=...).")
    boolean json;

    @Option(names = "--server", paramLabel = "URL", description = "Ask this running ./atlas serve (default: the configured server.host and server.port, "
            + "when one is up and serves the same corpus; otherwise the answer is computed here).")
    String server;

    @Option(names = "--local", description = "Compute the answer in this process even when a server is running.")
    boolean local;

    @Override
    public Integer call() throws java.io.IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        AtlasConfig config = AtlasCli.config();
        String question = String.join(" ", words);
        Optional<RunningServer> running = local ? Optional.empty()
                : RunningServer.serving(server != null ? server : "http://" + config.host() + ":" + config.port(), Atlas.fingerprint(config));
        if (server != null && running.isEmpty()) {
            throw new IllegalArgumentException("no ./atlas serve of this corpus answers at " + server);
        }
        Answer answer;
        if (running.isPresent()) {
            String body = running.get().ask(question);
            if (json) {
                JsonOutput.print(out, JsonOutput.tree(body));
                return 0;
            }
            answer = JsonOutput.read(body, Answer.class);
        } else {
            answer = Atlas.open(config, KnowledgeGraph.Storage.PERSISTENT).assistant().ask(question);
            if (json) {
                JsonOutput.print(out, answer);
                return 0;
            }
        }
        out.println(answer.question());
        out.println("Verdict: " + answer.verdict() + (answer.missing().isEmpty() ? "" : " (not in the corpus: " + String.join("; ", answer.missing()) + ")"));
        out.println();
        out.println(answer.answer());
        if (!answer.notes().isEmpty()) {
            out.println();
            out.println("Sources " + answer.notes().size() + " notes");
            for (Answer.SourceNote note : answer.notes()) {
                out.println();
                out.println("  " + note.title() + "  [" + note.id() + "]");
                out.println("  " + note.claim());
                note.papers().forEach(p -> out.println("    - " + p.title() + (p.arxiv() == null ? "" : " (arXiv:" + p.arxiv() + ")")
                        + (p.date() == null ? "" : ", " + p.date())));
            }
        }
        if (!answer.next().isEmpty()) {
            out.println();
            out.println("Next inquiring lines");
            answer.next().forEach(n -> out.println("  - " + n.question()));
        }
        if (!answer.researchPrompt().isEmpty()) {
            out.println();
            out.println("Research prompt for your LLM");
            answer.researchPrompt().lines().forEach(l -> out.println("  " + l));
        }
        return 0;
    }
}
