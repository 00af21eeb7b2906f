package org.scalingatlas.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.scalingatlas.Atlas;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.AnswerText;
import org.scalingatlas.config.AtlasConfig;
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
            "The verdict is answered, partial (with the missing parts) or refused.",
            "When ./atlas serve runs on the same corpus, the question goes to it (well under a second); otherwise the "
                + "corpus, index and embedding model are loaded here (a few seconds)."},
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
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        AtlasConfig config = AtlasCli.config();
        String question = String.join(" ", words);
        Optional<String> served = local ? Optional.empty() : fromServer(config, question);
        if (served.isPresent()) {
            if (json) {
                JsonOutput.print(out, JsonOutput.tree(served.get()));
            } else {
                out.print(served.get());
                out.flush();
            }
            return 0;
        }
        Answer answer = Atlas.services(config).ask().ask(question);
        if (json) {
            JsonOutput.print(out, answer);
        } else {
            out.print(AnswerText.of(answer));
            out.flush();
        }
        return 0;
    }

    /**
     * The running server's answer, when one answers at the address and serves the corpus these files hold; the local
     * fingerprint is computed while the server answers.
     */
    private Optional<String> fromServer(AtlasConfig config, String question) {
        String address = server != null ? server : "http://" + config.host() + ":" + config.port();
        CompletableFuture<String> fingerprint = CompletableFuture.supplyAsync(() -> Atlas.fingerprint(config));
        Optional<RunningServer.Reply> reply = new RunningServer(address).ask(question, json);
        Optional<String> answer = reply.filter(r -> r.corpus().equals(local(fingerprint))).map(RunningServer.Reply::answer);
        if (server != null && answer.isEmpty()) {
            throw new IllegalArgumentException("no ./atlas serve of this corpus answers at " + server);
        }
        return answer;
    }

    private static String local(CompletableFuture<String> fingerprint) {
        try {
            return fingerprint.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
