package org.scalingatlas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.cli.AtlasCli;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Paper;

/**
 * A researcher's Zotero library in, BibTeX and CSL-JSON out: imported with {@code ./atlas ingest}, exported, and read
 * back by another BibTeX parser (jbibtex), the authors, year (a year alone included), DOI and arXiv id are the same.
 */
class LibraryRoundTripTest {

    @TempDir
    Path tmp;

    private Corpus imported() {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus"));
        StringWriter out = new StringWriter();
        int status = AtlasCli.run(new String[] {"ingest", "--corpus", corpus.toString(), "tests/fixtures/library/zotero.bib"},
                new PrintWriter(out, true), new PrintWriter(out, true));
        assertEquals(0, status, out.toString());
        return Corpus.load(corpus);
    }

    private static Paper withDoi(Corpus corpus, String doi) {
        return corpus.papers().stream().filter(p -> doi.equals(p.doi())).findFirst().orElseThrow(() -> new AssertionError(doi));
    }

    @Test
    void should_round_trip_authors_year_doi_and_arxiv_id_from_a_zotero_library_to_bibtex() throws Exception {
        Corpus corpus = imported();
        Paper hoffmann = withDoi(corpus, "10.48550/arXiv.2203.15556");
        Paper muller = withDoi(corpus, "10.5555/jmlr.2023.0042");
        BibTeXDatabase database = new BibTeXParser().parse(new StringReader(BibTex.of(List.of(hoffmann, muller))));
        assertEquals(2, database.getEntries().size());

        BibTeXEntry first = database.getEntries().values().stream()
                .filter(e -> e.getField(BibTeXEntry.KEY_DOI).toUserString().contains("2203.15556")).findFirst().orElseThrow();
        assertEquals("Hoffmann, Jordan and Borgeaud, Sebastian and Mensch, Arthur and Buchatskaya, Elena",
                first.getField(BibTeXEntry.KEY_AUTHOR).toUserString());
        assertEquals("2022", first.getField(BibTeXEntry.KEY_YEAR).toUserString());
        assertEquals("March", first.getField(BibTeXEntry.KEY_MONTH).toUserString(), "the month the library states");
        assertEquals("10.48550/arXiv.2203.15556", first.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertEquals("2203.15556", first.getField(new Key("eprint")).toUserString());

        BibTeXEntry second = database.getEntries().values().stream().filter(e -> e != first).findFirst().orElseThrow();
        assertEquals("M{\\\"u}ller, J{\\\"o}rg and Fran{\\c{c}}ois, Andr{\\'e} and {\\O}stergaard, Kirsten",
                second.getField(BibTeXEntry.KEY_AUTHOR).toUserString(), "accented names written as LaTeX");
        assertEquals("2023", second.getField(BibTeXEntry.KEY_YEAR).toUserString(), "a year the library states without a day");
        assertEquals(null, second.getField(BibTeXEntry.KEY_MONTH), "no month invented");
        assertEquals("10.5555/jmlr.2023.0042", second.getField(BibTeXEntry.KEY_DOI).toUserString(), "the resolver prefix dropped");
        assertEquals("Journal of Machine Learning Research", second.getField(BibTeXEntry.KEY_JOURNAL).toUserString());
    }

    @Test
    void should_keep_a_stated_year_in_the_corpus_and_in_csl_json() {
        Paper muller = withDoi(imported(), "10.5555/jmlr.2023.0042");
        assertEquals("2023", muller.yearMonth());
        assertEquals(null, muller.date(), "no day invented");
        assertEquals("stated", muller.issued().source());
        Map<String, Object> item = CslJson.of(List.of(muller)).get(0);
        assertEquals(Map.of("date-parts", List.of(List.of(2023))), item.get("issued"));
        assertNotNull(item.get("author"));
        assertFalse(((List<?>) item.get("author")).isEmpty());
    }
}
