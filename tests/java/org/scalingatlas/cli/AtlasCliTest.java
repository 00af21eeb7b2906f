package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Seeds;

class AtlasCliTest {

    @TempDir
    Path corpus;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_list_the_commands_with_examples_when_asked_for_help() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("serve"));
        assertTrue(out.toString().contains("ingest"));
        assertTrue(out.toString().contains("Examples:"));
        assertEquals(0, run("ingest", "--help"));
        assertTrue(out.toString().contains("--listing-year"));
        out.getBuffer().setLength(0);
        assertEquals(0, run("help"));
        for (String command : new String[] {"serve", "ask", "law", "bench-corpus", "eval", "ingest", "check", "index", "trace"}) {
            assertTrue(out.toString().contains("  " + command + " "), command + " is listed: " + out);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("help", "ask"));
        assertTrue(out.toString().contains("--local"), out.toString());
    }

    @Test
    void should_import_and_report_counts_when_given_the_seed_listings() {
        int status = run("ingest", "--listing-year", "2026", "--corpus", corpus.toString(),
                Seeds.file(Seeds.LISTING_001).toString(), Seeds.file(Seeds.LISTING_002).toString(), Seeds.file(Seeds.LISTING_003).toString());
        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("Read 119 papers from"), out.toString());
        assertTrue(out.toString().contains("168 distinct papers: added 168, updated 0, unchanged 0"), out.toString());
    }

    @Test
    void should_write_nothing_and_exit_non_zero_when_any_input_is_bad() throws IOException {
        assertEquals(0, run("ingest", "--listing-year", "2026", "--corpus", corpus.toString(), Seeds.file(Seeds.LISTING_002).toString()));
        Map<String, String> before = snapshot();
        Path bad = corpus.getParent().resolve(corpus.getFileName() + "-bad.txt");
        Files.writeString(bad, "Daily Papers\n\nA Title\n\n" + "An abstract that is long enough to count as one. ".repeat(3) + "\n\n  • 2 authors\n·\nsometime\n");
        int status = run("ingest", "--listing-year", "2026", "--corpus", corpus.toString(), Seeds.file(Seeds.LISTING_001).toString(), bad.toString());
        assertEquals(1, status);
        assertTrue(err.toString().contains(bad + ":9: expected a date"), err.toString());
        assertFalse(err.toString().contains("Exception"), "no stack trace: " + err);
        assertEquals(before, snapshot(), "the good file before the bad one was not imported either");
    }

    @Test
    void should_explain_usage_errors() {
        assertEquals(2, run("ingest"));
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString().contains("Unmatched argument"), err.toString());
    }

    private Map<String, String> snapshot() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(corpus)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".md")).toList()) {
                files.put(corpus.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
