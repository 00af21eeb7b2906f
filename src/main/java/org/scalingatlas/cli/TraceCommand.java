package org.scalingatlas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.Passage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "trace",
        mixinStandardHelpOptions = true,
        description = {
            "Trace a claim to the papers it rests on: the note, each supporting paper with the sentences quoted from it, "
                + "related notes, and the note's laws, axes and ceilings.",
            "Give a note id, or the free text of a claim: the closest notes are listed and the best one is traced."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas trace why-do-the-kaplan-and-chinchilla-scaling-laws-disagree-on",
            "  ./atlas trace \"repeated sampling coverage grows with the number of samples\"",
            "  ./atlas trace --json why-do-the-kaplan-and-chinchilla-scaling-laws-disagree-on"})
final class TraceCommand implements Callable<Integer> {

    private static final int CANDIDATES = 3;
    /** A note found only by meaning must be at least this close to the words given (as for questions). */
    private static final double MIN_SIMILARITY = 0.3;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NOTE_ID|TEXT", description = "A note id, or words of a claim.")
    List<String> words;

    @Option(names = "--json", description = "Print the trace as JSON (the same as GET /api/notes/{id}/trace).")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        String text = String.join(" ", words).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("give a note id or the words of a claim");
        }
        Atlas atlas = Atlas.open(AtlasCli.config(), KnowledgeGraph.Storage.IN_MEMORY);
        List<Hit> candidates = List.of();
        Optional<Trace> trace = atlas.graph().trace(text);
        if (trace.isEmpty()) {
            candidates = atlas.index().search(text, Passage.Kind.NOTE, CANDIDATES).stream()
                    .filter(h -> h.lexicalRank() > 0 || h.similarity() >= MIN_SIMILARITY).toList();
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("no note has the id '" + text + "' and no note matches those words");
            }
            trace = atlas.graph().trace(candidates.get(0).id());
        }
        Trace found = trace.orElseThrow();
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (!candidates.isEmpty()) {
                body.put("matches", candidates.stream().map(h -> Map.of("id", h.id(), "score", h.score())).toList());
            }
            body.put("trace", found);
            JsonOutput.print(out, candidates.isEmpty() ? found : body);
            return 0;
        }
        if (!candidates.isEmpty()) {
            out.println("Closest notes to \"" + text + "\":");
            for (Hit hit : candidates) {
                out.printf("  %-66s %.3f%n", hit.id(), hit.score());
            }
            out.println();
        }
        TraceText.print(found, out);
        return 0;
    }
}
