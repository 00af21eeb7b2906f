package org.scalingatlas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.BibTeXParser;
import org.jbibtex.Key;
import org.jbibtex.LaTeXParser;
import org.jbibtex.LaTeXPrinter;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Paper;

/**
 * A paper as a Zotero library holds it (authors with an accented name and a particle, a date, a DOI, an arXiv id, a φ
 * in the title) written as BibTeX and read back by another BibTeX parser (jbibtex): the same authors, year, DOI and
 * arXiv id.
 */
class BibTexRoundTripTest {

    private static final List<String> AUTHORS = List.of("Jordan Hoffmann", "Sebastian Borgeaud", "Bernhard Schölkopf",
            "Łukasz Kaiser", "José Müller-Çelik", "Ludwig van der Waals", "OpenAI");

    @Test
    void should_round_trip_authors_year_doi_and_arxiv_id_through_a_bibtex_parser() throws Exception {
        Paper paper = new Paper("phi-scaling", "φ-Scaling: Training Compute-Optimal LLMs × 4 at ∼70B", "An abstract.",
                LocalDate.of(2022, 3, 29), AUTHORS.size(), AUTHORS, null, "2203.15556", "10.48550/arXiv.2203.15556",
                "Advances in Neural Information Processing Systems", null, List.of("zotero.json"));
        String bib = BibTex.of(List.of(paper));
        assertTrue(bib.chars().allMatch(c -> c < 0x80), bib);

        BibTeXDatabase database = new BibTeXParser().parse(new StringReader(bib));
        BibTeXEntry entry = database.resolveEntry(new Key("hoffmann2022scaling"));
        assertEquals(new Key("inproceedings"), entry.getType(), "a venue naming a conference is a booktitle");
        List<String> authors = Arrays.asList(entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString().split(" and "));
        assertEquals(List.of("Hoffmann, Jordan", "Borgeaud, Sebastian", "Sch{\\\"o}lkopf, Bernhard", "Kaiser, {\\L}ukasz",
                "M{\\\"u}ller-{\\c{C}}elik, Jos{\\'e}", "van der Waals, Ludwig", "{OpenAI}"), authors);
        // jbibtex's printer knows \" and \' but neither \L nor \c{C}; pdflatex typesets all of them (LatexCompileTest)
        assertEquals(List.of("Hoffmann, Jordan", "Borgeaud, Sebastian", "Schölkopf, Bernhard", "van der Waals, Ludwig", "OpenAI"),
                authors.stream().filter(a -> !a.contains("{\\L}") && !a.contains("\\c{")).map(BibTexRoundTripTest::unicode).toList());
        assertEquals("José", unicode(authors.get(4).substring(authors.get(4).indexOf(", ") + 2)));
        assertEquals("2022", entry.getField(BibTeXEntry.KEY_YEAR).toUserString());
        assertEquals("March", entry.getField(BibTeXEntry.KEY_MONTH).toUserString());
        assertEquals("10.48550/arXiv.2203.15556", entry.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertEquals("2203.15556", entry.getField(new Key("eprint")).toUserString());
        assertEquals("arXiv", entry.getField(new Key("archivePrefix")).toUserString());
        assertEquals("Advances in Neural Information Processing Systems", entry.getField(BibTeXEntry.KEY_BOOKTITLE).toUserString());
        assertEquals("arXiv preprint arXiv:2203.15556", entry.getField(BibTeXEntry.KEY_NOTE).toUserString(), "plain.bst shows a note");
        assertEquals("{{$\\phi$}-Scaling:} Training {Compute-Optimal} {LLMs} {$\\times$} 4 at {{$\\sim$}70B}",
                entry.getField(BibTeXEntry.KEY_TITLE).toUserString(), "Greek and symbols in math mode, capitals braced");
    }

    @Test
    void should_write_a_journal_for_a_journal_venue_and_a_corporate_author_for_an_organisation() throws Exception {
        Paper paper = new Paper("phased", "Phased DMD", "An abstract.", null, null, List.of(), "SenseNova", "2510.27684",
                null, "Transactions on Machine Learning Research", null, List.of("listing.txt"));
        BibTeXEntry entry = new BibTeXParser().parse(new StringReader(BibTex.of(List.of(paper)))).getEntries().values().iterator().next();
        assertEquals(BibTeXEntry.TYPE_ARTICLE, entry.getType());
        assertEquals("Transactions on Machine Learning Research", entry.getField(BibTeXEntry.KEY_JOURNAL).toUserString());
        assertEquals("{SenseNova}", entry.getField(BibTeXEntry.KEY_AUTHOR).toUserString(), "braced: never split into names");
        assertEquals("2025", entry.getField(BibTeXEntry.KEY_YEAR).toUserString(), "from the arXiv id");
        assertEquals("October", entry.getField(BibTeXEntry.KEY_MONTH).toUserString());
        assertEquals(null, entry.getField(new Key("date")), "no day invented");
        assertEquals("sensenova2025phased", entry.getKey().getValue());
    }

    @Test
    void should_write_a_doi_verbatim_as_biblatex_reads_it() throws Exception {
        Paper paper = new Paper("odd-doi", "A Paper", "", null, null, List.of(), null, null, "10.1002/(SICI)1097-4571_x%2", null, null, List.of());
        BibTeXEntry entry = new BibTeXParser().parse(new StringReader(BibTex.of(List.of(paper)))).getEntries().values().iterator().next();
        assertEquals("10.1002/(SICI)1097-4571_x%2", entry.getField(BibTeXEntry.KEY_DOI).toUserString());
        assertEquals("https://doi.org/10.1002/(SICI)1097-4571_x%2", entry.getField(BibTeXEntry.KEY_URL).toUserString());
    }

    private static String unicode(String latex) {
        try {
            return new LaTeXPrinter().print(new LaTeXParser().parse(latex)).strip();
        } catch (Exception e) {
            throw new AssertionError("jbibtex cannot read " + latex, e);
        }
    }
}
