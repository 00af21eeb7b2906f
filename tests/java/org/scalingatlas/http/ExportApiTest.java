package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Paper;

/** {@code /api/export.bib} and {@code /api/export.csl.json} over real HTTP: whole corpus, chosen papers, bad lists. */
class ExportApiTest {

    private static Loopback api;

    @BeforeAll
    static void start() {
        api = Loopback.real();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void should_export_the_whole_corpus_or_the_papers_named_as_bibtex() throws Exception {
        HttpResponse<String> all = api.get("/api/export.bib");
        assertEquals(200, all.statusCode());
        assertTrue(all.headers().firstValue("Content-Type").orElse("").startsWith("application/x-bibtex"));
        assertTrue(all.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        assertEquals(TestAtlas.real().corpus().papers().size(), parse(all.body()).getEntries().size());

        List<Paper> papers = TestAtlas.real().corpus().papers();
        String chosen = papers.get(0).id() + "," + papers.get(5).id();
        BibTeXDatabase two = parse(api.get("/api/export.bib?ids=" + chosen).body());
        assertEquals(2, two.getEntries().size());
        assertEquals(parse(org.scalingatlas.export.BibTex.of(List.of(papers.get(0), papers.get(5)))).getEntries().keySet(),
                two.getEntries().keySet());
    }

    @Test
    void should_export_csl_json_and_refuse_unknown_or_empty_id_lists() throws Exception {
        Paper paper = TestAtlas.real().corpus().papers().get(2);
        HttpResponse<String> csl = api.get("/api/export.csl.json?ids=" + paper.id());
        assertEquals(200, csl.statusCode());
        assertTrue(csl.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.citationstyles.csl+json"));
        JsonNode items = new ObjectMapper().readTree(csl.body());
        assertEquals(1, items.size());
        assertEquals(paper.title(), items.get(0).get("title").asText());

        HttpResponse<String> unknown = api.get("/api/export.bib?ids=" + paper.id() + ",no-such-paper");
        assertEquals(404, unknown.statusCode());
        assertEquals("no paper in the corpus has the id no-such-paper", new ObjectMapper().readTree(unknown.body()).get("error").asText());
        assertEquals(400, api.get("/api/export.csl.json?ids=,").statusCode());
    }

    private static BibTeXDatabase parse(String text) throws Exception {
        return new BibTeXParser().parse(new StringReader(text));
    }
}
