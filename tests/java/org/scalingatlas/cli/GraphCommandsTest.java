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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;

/**
 * {@code ./atlas check}, {@code trace} and {@code ask} run in process. The trace and ask commands run on the fixture
 * corpus (an {@code atlas.properties} in a temporary home): each trace builds its index in memory, which on the bundled
 * corpus takes 10 to 20 s; {@link RealCorpusCommandsTest} ({@code @Slow}) runs them on the bundled corpus.
 */
class GraphCommandsTest {

    private static final String NOTE = "should-parameters-and-tokens-grow-together";

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_pass_check_on_the_bundled_corpus() {
        assertEquals(0, run("check"), out + "" + err);
        assertTrue(out.toString().startsWith("OK: "), out.toString());
    }

    @Test
    void should_list_each_violation_with_its_file_and_exit_1() throws Exception {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus"));
        Path note = corpus.resolve("notes/" + NOTE + ".md");
        Files.writeString(note, Files.readString(note).replace("id: compute-optimal-study", "id: missing-paper"));
        assertEquals(1, run("check", "--corpus", corpus.toString()));
        assertTrue(out.toString().contains(note + ": note " + NOTE + ": a note must rest on papers that exist"), out.toString());
        assertTrue(out.toString().contains("1 error(s) in"), out.toString());
    }

    /** Points the commands at the fixture corpus, with a data folder of this test's own. */
    private void onTheFixtureCorpus() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("atlas.properties"), String.join("\n", List.of(
                "corpus.dir=" + TestAtlas.FIXTURE_CORPUS.toAbsolutePath(),
                "ontology.dir=" + Path.of("ontology").toAbsolutePath(),
                "web.dir=" + Path.of("web").toAbsolutePath(),
                "data.dir=" + tmp.resolve("data"))) + "\n");
        savedHome = System.getProperty("atlas.home");
        homeSet = true;
        System.setProperty("atlas.home", home.toString());
    }

    private String savedHome;
    private boolean homeSet;

    @AfterEach
    void restoreHome() {
        if (!homeSet) {
            return;
        }
        if (savedHome == null) {
            System.clearProperty("atlas.home");
        } else {
            System.setProperty("atlas.home", savedHome);
        }
    }

    @Test
    void should_trace_a_note_by_id_as_text_and_as_json() throws Exception {
        onTheFixtureCorpus();
        assertEquals(0, run("trace", NOTE), err.toString());
        assertTrue(out.toString().contains("Supported by"), out.toString());
        assertTrue(out.toString().contains("    > We find that parameters and training tokens should grow in equal proportion as compute grows."),
                "evidence sentences are shown: " + out);
        StringWriter json = new StringWriter();
        assertEquals(0, AtlasCli.run(new String[] {"trace", "--json", NOTE}, new PrintWriter(json, true), new PrintWriter(err, true)));
        JsonNode trace = new ObjectMapper().readTree(json.toString());
        assertEquals(NOTE, trace.at("/note/id").asText());
        assertEquals("compute-optimal-study", trace.at("/papers/0/id").asText(), trace.toString());
        assertFalse(trace.at("/papers/0/evidence/0").asText().isEmpty());
    }

    @Test
    void should_find_the_closest_notes_when_given_free_text() throws Exception {
        onTheFixtureCorpus();
        assertEquals(0, run("trace", "repeated", "sampling", "with", "an", "imperfect", "verifier"), err.toString());
        assertTrue(out.toString().startsWith("Closest notes to \"repeated sampling with an imperfect verifier\":\n  does-resampling-hit-a-ceiling "),
                out.toString());
        StringWriter json = new StringWriter();
        assertEquals(0, AtlasCli.run(new String[] {"trace", "--json", "repeated sampling with an imperfect verifier"},
                new PrintWriter(json, true), new PrintWriter(err, true)));
        JsonNode body = new ObjectMapper().readTree(json.toString());
        assertEquals("does-resampling-hit-a-ceiling", body.at("/matches/0/id").asText(), body.toString());
        assertEquals("does-resampling-hit-a-ceiling", body.at("/trace/note/id").asText(), body.toString());
    }

    @Test
    void should_say_so_when_nothing_matches() throws Exception {
        onTheFixtureCorpus();
        assertEquals(1, run("trace", "zzzqqq-xyzzy"));
        assertTrue(err.toString().contains("no note has the id 'zzzqqq-xyzzy' and no note matches those words"), err.toString());
    }

    @Test
    void should_ask_as_text_and_as_json_and_explain_a_bad_question() throws Exception {
        onTheFixtureCorpus();
        assertEquals(0, run("ask", "--local", "Should", "parameters", "and", "tokens", "grow", "together", "under", "a", "fixed", "compute", "budget?"),
                err.toString());
        assertTrue(out.toString().contains("Verdict: answered"), out.toString());
        assertTrue(out.toString().contains("Sources "), out.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("data/FINGERPRINT")), "the local answer builds the configured data folder");
        StringWriter json = new StringWriter();
        assertEquals(0, AtlasCli.run(new String[] {"ask", "--local", "--json", "What is the best recipe for chocolate cake?"},
                new PrintWriter(json, true), new PrintWriter(err, true)));
        assertEquals("refused", new ObjectMapper().readTree(json.toString()).get("verdict").asText());
        assertEquals(1, run("ask", "   "));
        assertTrue(err.toString().contains("atlas: error: the question is empty"), err.toString());
    }
}
