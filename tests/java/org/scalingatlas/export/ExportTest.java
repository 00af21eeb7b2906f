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
 * real corpus's 180 papers (years from arXiv ids included), and a paper whose title holds LaTeX's special characters.
 */
class ExportTest {

    private static final List<Paper> PAPERS = TestAtlas.real().corpus().papers();

    @Test
    void should_write_bibtex_that_parses_back_to_every_papers_fields_and_nothing_more() throws Exception {
        String bib = BibTex.of(PAPERS);
        BibTeXDatabase database = parse(bib);
        assertEquals(PAPERS.size(), database.getEntries().size(), "one entry a paper, keys unique");
        assertEquals(bib, BibTex.of(PAPERS), "the same keys and text on every run");
        assertTrue(bib.chars().allMatch(c -> c < 0x80), "pure ASCII: non-ASCII is written as LaTeX");
        Map<Paper, String> keys = BibTexKeys.of(PAPERS);
        for (Paper paper : PAPERS) {
            BibTeXEntry entry = database.resolveEntry(new Key(keys.get(paper)));
            assertTrue(keys.get(paper).matches("[a-z0-9]+"), keys.get(paper));
            assertEquals(BibTeXEntry.TYPE_MISC, entry.getType(), paper.id());
            // a title's "--" (as arXiv titles write an en dash) is typeset as one, which is what it means
            assertEquals(paper.title().replace("---", "\u2014").replace("--", "\u2013"), latex(entry.getField(BibTeXEntry.KEY_TITLE)), paper.id());
            if (paper.organization() == null) {
                assertNull(entry.getField(BibTeXEntry.KEY_AUTHOR), "no author invented");
                assertEquals(paper.title().replace("---", "\u2014").replace("--", "\u2013"), latex(entry.getField(new Key("key"))),
                        "a sort key for a paper without authors");
            } else {
                assertEquals(paper.organization(), latex(entry.getField(BibTeXEntry.KEY_AUTHOR)), "the crediting organisation");
            }
            Paper.Issued issued = paper.issued();
            if (issued == null) {
                assertNull(entry.getField(BibTeXEntry.KEY_YEAR), paper.id());
            } else {
                assertEquals(Integer.toString(issued.year()), entry.getField(BibTeXEntry.KEY_YEAR).toUserString());
                assertEquals(java.time.Month.of(issued.month()).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
                        entry.getField(BibTeXEntry.KEY_MONTH).toUserString(), "the month macro resolves");
            }
            assertEquals(paper.date() == null ? null : paper.date().toString(), text(entry.getField(new Key("date"))), "a day only when stated");
            if (paper.arxiv() == null) {
                assertNull(entry.getField(new Key("eprint")), "no arXiv id invented");
                assertNull(entry.getField(BibTeXEntry.KEY_HOWPUBLISHED));
            } else {
                assertEquals(paper.arxiv(), entry.getField(new Key("eprint")).toUserString());
                assertEquals("arXiv", entry.getField(new Key("archivePrefix")).toUserString());
                assertEquals("arXiv preprint arXiv:" + paper.arxiv(), entry.getField(BibTeXEntry.KEY_HOWPUBLISHED).toUserString());
                assertEquals("https://arxiv.org/abs/" + paper.arxiv(), entry.getField(BibTeXEntry.KEY_URL).toUserString());
            }
            assertNull(entry.getField(new Key("primaryClass")), "no source in the corpus states an arXiv category");
        }
        assertTrue(PAPERS.stream().anyMatch(p -> p.arxiv() != null) && PAPERS.stream().anyMatch(p -> p.arxiv() == null), "both kinds are tried");
        assertTrue(PAPERS.stream().anyMatch(p -> p.date() == null && p.issued() != null), "a year from an arXiv id is tried");
        Paper kaplan = PAPERS.stream().filter(p -> "2001.08361".equals(p.arxiv())).findFirst().orElseThrow();
        assertEquals("scaling2020neural", keys.get(kaplan), "a readable key");
    }

    @Test
    void should_escape_latex_specials_so_the_title_reads_back_unchanged() throws Exception {
        String title = "Scaling 100% of Braces & $dollars$ #1 a_b ~tilde^hat";
        Paper paper = new Paper("special-title", title, "An abstract.", LocalDate.of(2024, 2, 29), null, List.of(), null, "2402.00001", null, List.of());
        String bib = BibTex.of(List.of(paper));
        BibTeXEntry entry = parse(bib).getEntries().values().iterator().next();
        assertEquals(title, latex(entry.getField(BibTeXEntry.KEY_TITLE)));
        assertEquals("February", entry.getField(BibTeXEntry.KEY_MONTH).toUserString(), "the month macro resolves");
        String braces = BibTex.title("a {b} \\c} d");
        assertEquals("a \\textbraceleft{}b\\textbraceright{} \\textbackslash{}c\\textbraceright{} d", braces,
                "braces and backslashes as commands, so bibtex counts balanced braces");
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
            if (paper.organization() == null) {
                assertFalse(item.has("author"), "no author invented");
            } else {
                assertEquals(paper.organization(), item.get("author").get(0).get("literal").asText());
            }
            Paper.Issued issued = paper.issued();
            if (issued == null) {
                assertFalse(item.has("issued"));
            } else {
                JsonNode parts = item.get("issued").get("date-parts").get(0);
                assertEquals(issued.year(), parts.get(0).asInt());
                assertEquals(issued.month(), parts.get(1).asInt());
                assertEquals(paper.date() == null ? 2 : 3, parts.size(), "a day only when stated");
                if (paper.date() != null) {
                    assertEquals(LocalDate.of(parts.get(0).asInt(), parts.get(1).asInt(), parts.get(2).asInt()), paper.date());
                }
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

    private static String text(Value value) {
        return value == null ? null : value.toUserString();
    }

    private static BibTeXDatabase parse(String bibtex) throws Exception {
        return new BibTeXParser().parse(new StringReader(bibtex));
    }

    /** The text a reader of the entry sees (the braces that protect capitals dropped); LaTeX prints a straight apostrophe as a curly one, which is put back. */
    private static String latex(Value value) throws Exception {
        // jbibtex reads no math mode: the one symbol the corpus's titles hold, φ, is put back first
        String text = value.toUserString().replace("{$\\phi$}", "φ");
        return new LaTeXPrinter().print(new LaTeXParser().parse(text)).strip().replace('\u2019', '\'').replace('\u2018', '`');
    }
}
