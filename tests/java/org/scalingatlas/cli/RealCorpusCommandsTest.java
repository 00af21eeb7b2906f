package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Slow;

/**
 * {@code ./atlas trace} and {@code ./atlas ask} on the bundled corpus, as a user runs them: each trace builds the whole
 * index in memory (embeddings for every passage, 10 to 20 s on 2 cores) and the first ask builds the data folder.
 * {@link GraphCommandsTest} runs the same commands on the fixture corpus in the default tier.
 */
@Slow
class RealCorpusCommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_trace_a_note_by_id_as_text_and_as_json() throws Exception {
        String id = firstRealNoteWithEvidence();
        assertEquals(0, run("trace", id), err.toString());
        assertTrue(out.toString().contains("Supported by"), out.toString());
        assertTrue(out.toString().contains("    > "), "evidence sentences are shown: " + out);
        StringWriter json = new StringWriter();
        assertEquals(0, AtlasCli.run(new String[] {"trace", "--json", id}, new PrintWriter(json, true), new PrintWriter(err, true)));
        JsonNode trace = new ObjectMapper().readTree(json.toString());
        assertEquals(id, trace.at("/note/id").asText());
        assertFalse(trace.at("/papers/0/evidence/0").asText().isEmpty());
    }

    @Test
    void should_find_the_closest_notes_when_given_free_text() {
        assertEquals(0, run("trace", "repeated", "sampling", "with", "an", "imperfect", "verifier"), err.toString());
        assertTrue(out.toString().startsWith("Closest notes to \"repeated sampling with an imperfect verifier\":"), out.toString());
    }

    @Test
    void should_say_so_when_nothing_matches() {
        assertEquals(1, run("trace", "zzzqqq-xyzzy"));
        assertTrue(err.toString().contains("no note has the id 'zzzqqq-xyzzy' and no note matches those words"), err.toString());
    }

    @Test
    void should_ask_as_text_and_as_json_and_explain_a_bad_question() throws Exception {
        assertEquals(0, run("ask", "Does", "depth", "matter", "more", "than", "width", "for", "tiny", "language", "models?"), err.toString());
        assertTrue(out.toString().contains("Verdict: answered"), out.toString());
        assertTrue(out.toString().contains("Sources "), out.toString());
        StringWriter json = new StringWriter();
        assertEquals(0, AtlasCli.run(new String[] {"ask", "--json", "What is the best recipe for chocolate cake?"},
                new PrintWriter(json, true), new PrintWriter(err, true)));
        assertEquals("refused", new ObjectMapper().readTree(json.toString()).get("verdict").asText());
        assertEquals(1, run("ask", "   "));
        assertTrue(err.toString().contains("atlas: error: the question is empty"), err.toString());
    }

    private static String firstRealNoteWithEvidence() throws Exception {
        try (var files = Files.list(Path.of("corpus/notes"))) {
            return files.map(f -> f.getFileName().toString().replace(".md", "")).sorted().findFirst().orElseThrow();
        }
    }
}
