package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.answer.AnswerText;
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
        Javalin server = AtlasServer.create(TestAtlas.real().services()).start("127.0.0.1", 0);
        try {
            String question = "Does depth matter more than width for tiny language models?";
            assertEquals(0, run("ask", "--server", "http://127.0.0.1:" + server.port(), "--json", question), err.toString());
            JsonNode answer = new ObjectMapper().readTree(out.toString());
            assertEquals("answered", answer.get("verdict").asText());
            assertEquals(TestAtlas.real().pipeline().ask(question).notes().size(), answer.get("notes").size());
            out.getBuffer().setLength(0);
            assertEquals(0, run("ask", "--server", "http://127.0.0.1:" + server.port(), question), err.toString());
            assertEquals(AnswerText.of(TestAtlas.real().pipeline().ask(question)), out.toString(), "the text the CLI would have printed itself");
        } finally {
            server.stop();
        }
    }

    @Test
    void should_pass_on_the_servers_reason_for_refusing_a_question() {
        Javalin server = AtlasServer.create(TestAtlas.real().services()).start("127.0.0.1", 0);
        try {
            assertEquals(1, run("ask", "--server", "http://127.0.0.1:" + server.port(), "   "));
            assertTrue(err.toString().startsWith("atlas: error: ") && err.toString().contains("question"), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
        } finally {
            server.stop();
        }
    }

    @Test
    void should_compute_the_answer_here_when_nothing_listens_at_the_configured_address() throws Exception {
        int free;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            free = socket.getLocalPort();
        }
        assertTrue(new RunningServer("http://127.0.0.1:" + free).ask("scaling laws", false).isEmpty());
        assertTrue(new RunningServer("http://127.0.0.1:1/").ask("scaling laws", true).isEmpty());
    }

    @Test
    void should_refuse_a_server_that_serves_another_corpus() throws Exception {
        Javalin server = AtlasServer.create(TestAtlas.open(TestAtlas.FIXTURE_CORPUS, TestAtlas.scratch("atlas-other-")).services()).start("127.0.0.1", 0);
        try {
            assertEquals(1, run("ask", "--server", "http://127.0.0.1:" + server.port(), "scaling laws"));
            assertTrue(err.toString().contains("no ./atlas serve of this corpus answers at"), err.toString());
        } finally {
            server.stop();
        }
    }
}
