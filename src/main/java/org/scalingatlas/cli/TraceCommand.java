package org.scalingatlas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalingatlas.Atlas;
import org.scalingatlas.api.NoteMatch;
import org.scalingatlas.app.TraceService;
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
        TraceService.Traced traced = Atlas.servicesInMemory(AtlasCli.config()).traces().traceClaim(text);
        List<NoteMatch> candidates = traced.matches();
        if (json) {
            Map<String, Object> body = new LinkedHashMap<>();
            if (!candidates.isEmpty()) {
                body.put("matches", candidates);
            }
            body.put("trace", traced.trace());
            JsonOutput.print(out, candidates.isEmpty() ? traced.trace() : body);
            return 0;
        }
        if (!candidates.isEmpty()) {
            out.println("Closest notes to \"" + text + "\":");
            for (NoteMatch match : candidates) {
                out.printf("  %-66s %.3f%n", match.id(), match.score());
            }
            out.println();
        }
        TraceText.print(traced.trace(), out);
        return 0;
    }
}
