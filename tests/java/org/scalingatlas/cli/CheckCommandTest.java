package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;

/** `./atlas check`: errors fail it; papers awaiting a note are a to-do list, which only --strict refuses. */
class CheckCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    }

    private Path withOrphan() throws IOException {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("papers/orphan-study.md"), "---\nid: orphan-study\ntitle: An Orphan Study\n---\nLoss falls as a power law.\n");
        return corpus;
    }

    @Test
    void should_pass_and_list_a_paper_awaiting_a_note_as_a_to_do() throws IOException {
        assertEquals(0, run("check", "--corpus", withOrphan().toString()), out.toString());
        assertTrue(out.toString().contains("1 record(s) await curation:"), out.toString());
        assertTrue(out.toString().contains("papers/orphan-study.md: paper orphan-study: awaits a curated note"), out.toString());
        assertTrue(out.toString().contains("can be served"), out.toString());
    }

    @Test
    void should_refuse_a_paper_awaiting_a_note_when_strict() throws IOException {
        assertEquals(AtlasCli.FAILED, run("check", "--strict", "--corpus", withOrphan().toString()), out.toString());
        assertTrue(out.toString().contains("--strict demands a curated note for every paper"), out.toString());
    }

    @Test
    void should_refuse_a_constant_set_alias_that_holds_the_name_a_law_goes_by() throws IOException {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("aliased"));
        Files.createDirectories(corpus.resolve("laws"));
        Files.writeString(corpus.resolve("laws/hoffmann-loss.md"), """
                ---
                id: hoffmann-loss
                name: "Hoffmann loss L(N)"
                paper: compute-optimal-study
                inputs: [{symbol: N, name: size, unit: parameters, quantity: parameters}]
                outputs: [{name: loss, formula: "A / N", unit: "nats"}]
                constants:
                  - {id: web, label: "fitted on web text", provenance: V-paper, values: {A: 1}}
                  - {id: code, label: "fitted on code", provenance: V-paper, values: {A: 2}, aliases: ["code", "Hoffmann's code fit"]}
                ---
                A law.
                """);
        assertEquals(AtlasCli.FAILED, run("check", "--corpus", corpus.toString()), out.toString());
        assertTrue(out.toString().contains("laws/hoffmann-loss.md: law hoffmann-loss: constant set alias 'Hoffmann's code fit' holds the name a law goes by"),
                out.toString());
        assertTrue(!out.toString().contains("alias 'code'"), "an alias without a law's name is fine");
    }

    @Test
    void should_pass_strict_on_a_fully_curated_corpus_and_fail_on_an_error() throws IOException {
        assertEquals(0, run("check", "--strict", "--corpus", TestAtlas.FIXTURE_CORPUS.toString()), out.toString());
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("broken"));
        Files.writeString(corpus.resolve("papers/bad.md"), "---\nid: bad\n---\nNo title.\n");
        assertEquals(AtlasCli.FAILED, run("check", "--corpus", corpus.toString()), out.toString());
        assertTrue(out.toString().contains("error(s) in"), out.toString());
    }
}
