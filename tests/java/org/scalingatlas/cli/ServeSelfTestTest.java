package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;

/**
 * {@code ./atlas serve --self-test}: the server it starts answers {@code /health} and then a question at once, which
 * holds only if every part loaded in the background (corpus, graph store, embedding and part-of-speech models) is
 * ready before the server starts. Twice, so that the second start reuses the graph store and index the first built
 * (the path on which the corpus loads beside the store and the ontology is not read).
 */
class ServeSelfTestTest {

    @TempDir
    Path tmp;

    @Test
    void should_answer_health_and_a_question_as_soon_as_the_server_starts() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("atlas.properties"), String.join("\n", List.of(
                "corpus.dir=" + TestAtlas.FIXTURE_CORPUS.toAbsolutePath(),
                "ontology.dir=" + Path.of("ontology").toAbsolutePath(),
                "web.dir=" + Path.of("web").toAbsolutePath(),
                "data.dir=" + tmp.resolve("data"))) + "\n");
        String before = System.getProperty("atlas.home");
        System.setProperty("atlas.home", home.toString());
        try {
            for (String start : List.of("first start (builds the data folder)", "second start (reuses it)")) {
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                int status = AtlasCli.run(new String[] {"serve", "--self-test", "--port", "0"}, new PrintWriter(out, true), new PrintWriter(err, true));
                assertEquals(0, status, start + ": " + out + err);
                assertTrue(out.toString().contains("self-test: health answered 200"), start + ": " + out);
                assertTrue(out.toString().contains("self-test: ask answered 200"), start + ": " + out);
            }
            // the training the launcher asks for on a JDK 25+: every note's title, over HTTP, each answered 200
            StringWriter out = new StringWriter();
            int status = AtlasCli.run(new String[] {"serve", "--self-test", "--port", "0", "--train-passes", "2"},
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
            assertEquals(0, status, out.toString());
            long notes;
            try (var files = Files.list(TestAtlas.FIXTURE_CORPUS.resolve("notes"))) {
                notes = files.count();
            }
            assertTrue(out.toString().contains("self-test: " + 2 * notes + " training questions (2 passes) answered in "), out.toString());
            assertTrue(out.toString().contains(", 0 not with 200"), out.toString());

        } finally {
            if (before == null) {
                System.clearProperty("atlas.home");
            } else {
                System.setProperty("atlas.home", before);
            }
        }
    }

    @Test
    void should_refuse_training_passes_out_of_range_or_without_the_self_test() {
        for (List<String> args : List.of(List.of("--train-passes", "2"), List.of("--self-test", "--train-passes", "-1"),
                List.of("--self-test", "--train-passes", "21"))) {
            StringWriter err = new StringWriter();
            List<String> command = new ArrayList<>(List.of("serve", "--port", "0"));
            command.addAll(args);
            int status = AtlasCli.run(command.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(2, status, args + ": " + err);
            assertTrue(err.toString().startsWith(args.contains("--self-test") ? "--train-passes must be 0 to 20, got " : "--train-passes works only with --self-test"),
                    args + ": " + err);
        }
    }

    @Test
    void should_refuse_a_warm_up_out_of_range_or_with_the_self_test() {
        for (Map.Entry<List<String>, String> bad : Map.of(
                List.of("--warm-up", "-1"), "--warm-up must be 0 to 300 seconds, got -1",
                List.of("--warm-up", "301"), "--warm-up must be 0 to 300 seconds, got 301",
                List.of("--self-test", "--warm-up", "5"), "--warm-up does not go with --self-test, which never warms up").entrySet()) {
            StringWriter err = new StringWriter();
            List<String> command = new ArrayList<>(List.of("serve", "--port", "0"));
            command.addAll(bad.getKey());
            int status = AtlasCli.run(command.toArray(String[]::new), new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
            assertEquals(2, status, bad.getKey() + ": " + err);
            assertTrue(err.toString().startsWith(bad.getValue()), bad.getKey() + ": " + err);
        }
    }
}
