package org.scalingatlas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.jbibtex.Value;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Paper;

/**
 * The exports parsed back by a BibTeX parser (jbibtex) and a JSON reader, every field checked against the corpus: the
 * real corpus's 180 papers, and a paper whose title holds every LaTeX special character.
 */
class ExportTest {

    private static final List<Paper> PAPERS = TestAtlas.real().corpus().papers();

    @Test
    void should_write_bibtex_that_parses_back_to_every_papers_fields_and_nothing_more() throws Exception {
        BibTeXDatabase database = parse(BibTex.of(PAPERS));
        assertEquals(PAPERS.size(), database.getEntries().size());
        for (Paper paper : PAPERS) {
            BibTeXEntry entry = database.resolveEntry(new Key(paper.id()));
            assertEquals(BibTeXEntry.TYPE_MISC, entry.getType(), paper.id());
            // a title's "--" (as arXiv titles write an en dash) is typeset as one, which is what it means
            assertEquals(paper.title().replace("---", "\u2014").replace("--", "\u2013"), latex(entry.getField(BibTeXEntry.KEY_TITLE)), paper.id());
            assertNull(entry.getField(BibTeXEntry.KEY_AUTHOR), "no author invented");
            if (paper.date() == null) {
                assertNull(entry.getField(BibTeXEntry.KEY_YEAR));
            } else {
                assertEquals(Integer.toString(paper.date().getYear()), entry.getField(BibTeXEntry.KEY_YEAR).toUserString());
                assertEquals(paper.date().toString(), entry.getField(new Key("date")).toUserString());
            }
            if (paper.arxiv() == null) {
                assertNull(entry.getField(new Key("eprint")), "no arXiv id invented");
            } else {
                assertEquals(paper.arxiv(), entry.getField(new Key("eprint")).toUserString());
                assertEquals("arXiv", entry.getField(new Key("archivePrefix")).toUserString());
                assertEquals("https://arxiv.org/abs/" + paper.arxiv(), entry.getField(BibTeXEntry.KEY_URL).toUserString());
            }
        }
        assertTrue(PAPERS.stream().anyMatch(p -> p.arxiv() != null) && PAPERS.stream().anyMatch(p -> p.arxiv() == null), "both kinds are tried");
    }

    @Test
    void should_escape_latex_specials_so_the_title_reads_back_unchanged() throws Exception {
        String title = "Scaling 100% of {Braces} & $dollars$ #1 a_b ~tilde^hat \\back";
        Paper paper = new Paper("special-title", title, "An abstract.", LocalDate.of(2024, 2, 29), null, List.of(), null, "2402.00001", null, List.of());
        BibTeXEntry entry = parse(BibTex.of(List.of(paper))).resolveEntry(new Key("special-title"));
        assertEquals(title, latex(entry.getField(BibTeXEntry.KEY_TITLE)));
        assertEquals("February", entry.getField(BibTeXEntry.KEY_MONTH).toUserString(), "the month macro resolves");
    }

    @Test
    void should_write_csl_json_with_every_papers_fields_and_nothing_more() throws Exception {
        JsonNode items = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(CslJson.of(PAPERS)));
        assertEquals(PAPERS.size(), items.size());
        for (int i = 0; i < PAPERS.size(); i++) {
            Paper paper = PAPERS.get(i);
            JsonNode item = items.get(i);
            assertEquals(paper.id(), item.get("id").asText());
            assertEquals("article", item.get("type").asText());
            assertEquals(paper.title(), item.get("title").asText());
            assertFalse(item.has("author"), "no author invented");
            if (paper.date() != null) {
                JsonNode parts = item.get("issued").get("date-parts").get(0);
                assertEquals(LocalDate.of(parts.get(0).asInt(), parts.get(1).asInt(), parts.get(2).asInt()), paper.date());
            } else {
                assertFalse(item.has("issued"));
            }
            assertEquals(paper.arxiv() == null ? null : "arXiv:" + paper.arxiv(), item.has("number") ? item.get("number").asText() : null);
            assertEquals(paper.arxiv() == null ? null : "https://arxiv.org/abs/" + paper.arxiv(), item.has("URL") ? item.get("URL").asText() : null);
        }
    }

    @Test
    void should_select_the_papers_named_in_order_and_refuse_unknown_or_empty_lists() {
        Map<String, Paper> byId = TestAtlas.real().corpus().papersById();
        String a = PAPERS.get(3).id();
        String b = PAPERS.get(1).id();
        assertEquals(List.of(byId.get(a), byId.get(b)), Citations.select(PAPERS, byId, a + ", " + b + "," + a));
        assertEquals(PAPERS, Citations.select(PAPERS, byId, null));
        assertEquals("no paper in the corpus has the ids nope, other", assertThrows(Citations.UnknownPapers.class,
                () -> Citations.select(PAPERS, byId, a + ",nope,other")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Citations.select(PAPERS, byId, " , "));
    }

    private static BibTeXDatabase parse(String bibtex) throws Exception {
        return new BibTeXParser().parse(new StringReader(bibtex));
    }

    /** The text a reader of the entry sees; LaTeX prints a straight apostrophe as a curly one, which is put back. */
    private static String latex(Value value) throws Exception {
        String text = value.toUserString();
        return new LaTeXPrinter().print(new LaTeXParser().parse(text)).strip().replace('\u2019', '\'').replace('\u2018', '`');
    }
}
