package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.NodeClients;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Paper;

/**
 * The exports as an independent library reads them: {@code /api/export.bib} and {@code /api/export.csl.json} of the
 * real corpus, fetched over real HTTP, go to citation-js (npm {@code @citation-js/core} with its BibTeX and CSL
 * plugins, pinned in tests/js/package.json), which must read every entry and render each in the APA style, with no
 * "n.d." for a paper that has a date. Needs Node.js and the npm registry (the first run installs the packages).
 */
@Slow
class CitationJsTest {

    private static Loopback api;

    @BeforeAll
    static void start() throws Exception {
        NodeClients.install("@citation-js/core");
        api = Loopback.real();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void should_let_citation_js_read_and_render_every_exported_entry_with_its_date(@TempDir Path dir) throws Exception {
        Path bib = dir.resolve("atlas.bib");
        Path csl = dir.resolve("atlas.csl.json");
        Files.writeString(bib, api.get("/api/export.bib").body());
        Files.writeString(csl, api.get("/api/export.csl.json").body());
        JsonNode read = new ObjectMapper().readTree(NodeClients.run(120, Map.of(), "node", "citations.mjs", bib.toAbsolutePath().toString(),
                csl.toAbsolutePath().toString()));
        List<Paper> papers = TestAtlas.real().corpus().papers();
        long dated = papers.stream().filter(p -> p.issued() != null).count();
        for (String format : List.of("bibtex", "csl")) {
            JsonNode result = read.get(format);
            assertEquals(papers.size(), result.get("entries").asInt(), format + ": every paper is an entry citation-js reads");
            assertEquals(papers.size(), result.get("rendered").asInt(), format + ": every entry renders");
            assertEquals(dated, result.get("dated").asInt(), format + ": every paper with a date keeps it");
            assertEquals(0, result.get("undated").size(), format + ": dated entries rendered as n.d.: " + result.get("undated"));
        }
        assertTrue(dated > 0, "the corpus has dated papers, so the n.d. check means something");
    }
}
