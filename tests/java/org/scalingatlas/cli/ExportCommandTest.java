package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jbibtex.BibTeXParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;

/** {@code ./atlas export}: BibTeX and CSL-JSON to standard output or a file, chosen papers, clear errors. */
class ExportCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_print_bibtex_for_every_paper_or_the_ones_named() throws Exception {
        assertEquals(0, run("export", "--format", "bibtex"), err.toString());
        assertEquals(TestAtlas.real().corpus().papers().size(), new BibTeXParser().parse(new StringReader(out.toString())).getEntries().size());
        out.getBuffer().setLength(0);
        org.scalingatlas.corpus.Paper paper = TestAtlas.real().corpus().papers().get(7);
        assertEquals(0, run("export", "--format", "bibtex", "--ids", paper.id()), err.toString());
        assertEquals(org.scalingatlas.export.BibTex.of(java.util.List.of(paper)), out.toString());
    }

    @Test
    void should_write_csl_json_to_a_file_and_refuse_bad_formats_and_ids() throws Exception {
        Path file = dir.resolve("refs.json");
        String id = TestAtlas.real().corpus().papers().get(0).id();
        assertEquals(0, run("export", "--format", "csljson", "--ids", id, "--output", file.toString()), err.toString());
        assertEquals(id, new ObjectMapper().readTree(Files.readString(file)).get(0).get("id").asText());
        assertTrue(out.toString().contains("Wrote 1 papers to"), out.toString());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left beside it");
        }

        assertEquals(2, run("export", "--format", "endnote"));
        assertTrue(err.toString().contains("Invalid value for option '--format'"), err.toString());
        assertEquals(1, run("export", "--format", "bibtex", "--ids", "no-such-paper"));
        assertTrue(err.toString().contains("atlas: error: no paper in the corpus has the id no-such-paper"), err.toString());
    }
}
