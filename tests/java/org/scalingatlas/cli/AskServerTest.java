package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.http.AtlasServer;

/** {@code ./atlas ask --server URL} asks a running server of the same corpus, and refuses one that serves another. */
class AskServerTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_answer_from_a_running_server_of_the_same_corpus() throws Exception {
        Javalin server = AtlasServer.create(TestAtlas.real()).start("127.0.0.1", 0);
        try {
            String question = "Does depth matter more than width for tiny language models?";
            assertEquals(0, run("ask", "--server", "http://127.0.0.1:" + server.port(), "--json", question), err.toString());
            JsonNode answer = new ObjectMapper().readTree(out.toString());
            assertEquals("answered", answer.get("verdict").asText());
            assertEquals(TestAtlas.real().assistant().ask(question).notes().size(), answer.get("notes").size());
            out.getBuffer().setLength(0);
            assertEquals(0, run("ask", "--server", "http://127.0.0.1:" + server.port(), question), err.toString());
            assertTrue(out.toString().contains("Verdict: answered") && out.toString().contains("Sources"), out.toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void should_refuse_a_server_that_serves_another_corpus() throws Exception {
        Javalin server = AtlasServer.create(TestAtlas.open(TestAtlas.FIXTURE_CORPUS, Files.createTempDirectory("atlas-other-"))).start("127.0.0.1", 0);
        try {
            assertEquals(1, run("ask", "--server", "http://127.0.0.1:" + server.port(), "scaling laws"));
            assertTrue(err.toString().contains("no ./atlas serve of this corpus answers at"), err.toString());
        } finally {
            server.stop();
        }
    }
}
