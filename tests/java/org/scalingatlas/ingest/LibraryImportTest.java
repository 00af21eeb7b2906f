package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/** BibTeX and CSL-JSON libraries, shaped like Zotero, JabRef and Mendeley exports, merged into a copy of the fixture corpus. */
class LibraryImportTest {

    private static final Path LIBRARY = Path.of("tests/fixtures/library");

    @TempDir
    Path tmp;

    private PaperStore store;
    private ListingReader reader;

    @BeforeEach
    void copyCorpus() {
        store = new PaperStore(TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus")));
        reader = new ListingReader(2026, LocalDate.of(2026, 12, 1));
    }

    private Ingestion.Result ingest(Path... files) {
        return new Ingestion(store, reader, () -> {
            throw new AssertionError("no arXiv request for files");
        }).run(List.of(files), List.of());
    }

    private Map<String, Paper> papers() {
        return store.loadAll().stream().collect(Collectors.toMap(Paper::title, Function.identity()));
    }

    @Test
    void should_read_a_zotero_bibtex_export_into_text_fields() {
        Ingestion.Result result = ingest(LIBRARY.resolve("zotero.bib"));
        Paper phi = papers().get("φ-Scaling: 10× Fewer FLOPs for Schönberg-Style Mixtures at ∼1B Parameters");
        assertTrue(phi != null, "the title's {\\phi}, $\\times$, $\\sim$ and {\\\"o} are text, its braces dropped: " + papers().keySet());
        assertEquals(List.of("Jörg Müller", "André François", "Kirsten Østergaard"), phi.authors(), "Family, Given turned round; accents as text");
        assertEquals(3, phi.authorCount());
        assertEquals("10.5555/jmlr.2023.0042", phi.doi(), "https://doi.org/ stripped");
        assertEquals("Journal of Machine Learning Research", phi.venue());
        assertNull(phi.date(), "year-only: no day is invented");
        assertNull(phi.arxiv());
        assertEquals("We fit a power law in the mixing weight φ and find that compute scales as C ∝ N^0.5, so that a tenfold (10×) "
                + "saving holds up to ~1B parameters for Schönberg-style mixtures.", phi.abstractText());
        assertEquals(List.of("tests/fixtures/library/zotero.bib:29: entry 'noauthor_reading_2021' has no title; skipped"),
                result.warnings().stream().filter(w -> w.contains("no title")).toList());
    }

    @Test
    void should_merge_a_paper_already_in_the_corpus_without_overwriting_its_curated_fields() {
        Paper before = papers().get("A Fixture Study of Compute-Optimal Training");
        Ingestion.Result result = ingest(LIBRARY.resolve("zotero.bib"));
        assertEquals("added 1, updated 1 (authors, doi, sources), unchanged 0", result.report().summary());
        assertEquals(Map.of("compute-optimal-study", List.of("authors", "doi", "sources")), result.report().changedFields());
        Paper after = papers().get("A Fixture Study of Compute-Optimal Training");
        assertEquals(before.id(), after.id(), "found by its arXiv id (the URL), not its title");
        assertEquals(before.abstractText(), after.abstractText(), "the corpus's abstract stays");
        assertEquals(LocalDate.of(2022, 3, 29), after.date(), "the corpus's full date stays; the entry gives only year and month");
        assertEquals(List.of("Jordan Hoffmann", "Sebastian Borgeaud", "Arthur Mensch", "Elena Buchatskaya"), after.authors());
        assertEquals("10.48550/arXiv.2203.15556", after.doi());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("its abstract differs from the one in papers/compute-optimal-study.md")),
                result.warnings().toString());
    }

    @Test
    void should_read_a_jabref_export_with_eprint_fields_a_full_date_and_an_incomplete_author_list() {
        ingest(LIBRARY.resolve("jabref.bib"));
        Map<String, Paper> papers = papers();
        Paper kaplan = papers.get("Scaling Laws for Neural Language Models");
        assertEquals("2001.08361", kaplan.arxiv(), "eprint with archivePrefix arXiv, version dropped");
        assertEquals(LocalDate.of(2020, 1, 23), kaplan.date(), "biblatex date field");
        assertEquals(List.of("Jared Kaplan", "Sam McCandlish", "Tom Henighan"), kaplan.authors());
        assertNull(kaplan.authorCount(), "'and others': the number of authors is unknown");
        assertNull(kaplan.venue(), "an 'arXiv preprint' journal is no venue");
        Paper mup = papers.get("μP Transfer Holds Across 10^3× Width");
        assertEquals(LocalDate.of(2024, 7, 21), mup.date(), "year, month = jul and day");
        assertEquals(List.of("Thí Ngõ", "María de la Fuente"), mup.authors());
        assertEquals("Proceedings of the 41st International Conference on Machine Learning", mup.venue());
        assertEquals("10.5555/icml.2024.77", mup.doi());
    }

    @Test
    void should_read_a_mendeley_export_with_its_header_and_arxiv_id_field() {
        Ingestion.Result result = ingest(LIBRARY.resolve("mendeley.bib"));
        assertEquals("added 2, updated 0, unchanged 0", result.report().summary());
        Map<String, Paper> papers = papers();
        Paper data = papers.get("Scaling Data-Constrained Language Models");
        assertEquals("2305.16264", data.arxiv());
        assertEquals(9, data.authorCount());
        assertEquals("Teven Le Scao", data.authors().get(3), "a braced family name stays whole");
        assertEquals("Advances in Neural Information Processing Systems", data.venue());
        assertTrue(data.abstractText().endsWith("while 40% more compute is spent."), data.abstractText());
        Paper sardana = papers.get("Beyond Chinchilla-Optimal: Accounting for Inference in Language Model Scaling Laws");
        assertEquals("2401.00448", sardana.arxiv(), "Mendeley's arxivId");
        assertEquals("", sardana.abstractText(), "no abstract in the entry: none is invented");
        assertNull(sardana.date());
    }

    @Test
    void should_read_a_zotero_csl_json_export() {
        Ingestion.Result result = ingest(LIBRARY.resolve("zotero.json"));
        Map<String, Paper> papers = papers();
        Paper kaplan = papers.get("Scaling Laws for Neural Language Models");
        assertEquals("2001.08361", kaplan.arxiv(), "from the arxiv.org URL");
        assertEquals(LocalDate.of(2020, 1, 23), kaplan.date(), "issued date-parts with a day (the year as a string, as Zotero writes it)");
        assertEquals(List.of("Jared Kaplan", "Sam McCandlish", "Tom Henighan"), kaplan.authors());
        assertEquals(3, kaplan.authorCount());
        assertEquals("10.48550/arXiv.2001.08361", kaplan.doi());
        Paper phi = papers.get("φ-Scaling of Sparse Mixtures: 0.3 × the Dense Exponent");
        assertTrue(phi != null, "CSL's <i> markup dropped: " + papers.keySet());
        assertEquals(List.of("Åsa Sørensen", "María de la Fuente", "Open Scaling Collective"), phi.authors(), "family/given, particle, literal");
        assertNull(phi.date(), "year-only: no day is invented");
        assertEquals("10.5555/tmlr.2024.7", phi.doi());
        assertEquals("Transactions on Machine Learning Research", phi.venue());
        assertEquals("added 2, updated 1 (authors, doi, sources), unchanged 0", result.report().summary());
        assertEquals(List.of("tests/fixtures/library/zotero.json:35: item 'http://zotero.org/users/1234567/items/IJKL0123' has no title; skipped"),
                result.warnings().stream().filter(w -> w.contains("no title")).toList());
    }

    @Test
    void should_change_nothing_when_the_libraries_are_imported_again() {
        Path[] files = {LIBRARY.resolve("zotero.bib"), LIBRARY.resolve("jabref.bib"), LIBRARY.resolve("zotero.json")};
        Ingestion.Result first = ingest(files);
        assertEquals("added 4, updated 1 (authors, doi, sources), unchanged 0", first.report().summary(),
                "Kaplan from the JabRef and the Zotero file becomes one record");
        List<Paper> written = store.loadAll();
        Ingestion.Result again = ingest(files);
        assertEquals("added 0, updated 0, unchanged 5", again.report().summary());
        assertEquals(written, store.loadAll());
    }

    @Test
    void should_never_empty_or_overwrite_a_curated_doi_venue_or_abstract() throws IOException {
        Paper curated = new Paper("compute-optimal-study", "A Fixture Study of Compute-Optimal Training", "Curated abstract.",
                LocalDate.of(2022, 3, 29), 4, List.of("J. Hoffmann"), null, "2203.15556", "10.1000/curated", "Curated Venue", null,
                List.of("fixture.txt"));
        store.saveAll(List.of(curated));
        Path bib = tmp.resolve("library.bib");
        Files.writeString(bib, """
                @misc{dup,
                  title = {Training Compute-Optimal Large Language Models},
                  eprint = {2203.15556}, archivePrefix = {arXiv},
                  doi = {10.48550/arXiv.2203.15556},
                  journal = {Another Venue},
                  author = {Hoffmann, Jordan and Borgeaud, Sebastian and Mensch, Arthur and Buchatskaya, Elena},
                }
                """);
        Ingestion.Result result = ingest(bib);
        assertEquals("added 0, updated 1 (sources), unchanged 0", result.report().summary());
        Paper after = store.loadAll().stream().filter(p -> p.id().equals("compute-optimal-study")).findFirst().orElseThrow();
        assertEquals(curated.abstractText(), after.abstractText(), "an entry without an abstract does not empty it");
        assertEquals("10.1000/curated", after.doi());
        assertEquals("Curated Venue", after.venue());
        assertEquals(List.of("J. Hoffmann"), after.authors());
        assertTrue(result.warnings().stream().anyMatch(w -> w.contains("its DOI differs")), result.warnings().toString());

        // a listing that states neither DOI nor venue keeps them too (the merge once dropped both)
        Path listing = tmp.resolve("listing.txt");
        Files.writeString(listing, "A Fixture Study of Compute-Optimal Training\n"
                + "We train many small language models under fixed compute budgets and find that parameters and tokens grow together.\n");
        ingest(listing);
        Paper again = store.loadAll().stream().filter(p -> p.id().equals("compute-optimal-study")).findFirst().orElseThrow();
        assertEquals("10.1000/curated", again.doi());
        assertEquals("Curated Venue", again.venue());
    }

    @Test
    void should_name_the_line_of_malformed_bibtex_and_write_nothing() throws IOException {
        List<Paper> before = store.loadAll();
        Path broken = tmp.resolve("broken.bib");
        Files.writeString(broken, "@article{a,\n  title = {Fine},\n  year == 2020\n}\n");
        IngestException e = assertThrows(IngestException.class, () -> ingest(LIBRARY.resolve("zotero.bib"), broken));
        assertTrue(e.getMessage().startsWith(broken + ":3: not well-formed BibTeX: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line");
        assertEquals(before, store.loadAll(), "the good file before it was not written either");

        Files.writeString(broken, "@article{a,\n  title = {Fine},\n}\n\n@article{b,\n  title = {Never closed,\n  year = 2020\n");
        e = assertThrows(IngestException.class, () -> ingest(broken));
        assertEquals(broken + ":5: not well-formed BibTeX: the file ends inside an entry (a closing brace is missing)", e.getMessage());
    }

    @Test
    void should_name_the_line_of_malformed_csl_json() throws IOException {
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "[\n  {\"title\": \"One\"},\n  {\"title\": \"Two\" \"DOI\": \"10.1/x\"}\n]\n");
        IngestException e = assertThrows(IngestException.class, () -> ingest(broken));
        assertTrue(e.getMessage().startsWith(broken + ":3: not well-formed JSON: "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void should_report_an_identifier_that_is_none_and_import_the_rest() throws IOException {
        Path bib = tmp.resolve("odd.bib");
        Files.writeString(bib, "@article{odd,\n  title = {An Odd Entry},\n  doi = {not a doi},\n  eprint = {nonsense},\n  archivePrefix = {arXiv},\n}\n");
        Ingestion.Result result = ingest(bib);
        Paper odd = papers().get("An Odd Entry");
        assertNull(odd.doi());
        assertNull(odd.arxiv());
        assertEquals(List.of(bib + ":1: entry 'odd': 'not a doi' is not a DOI (10.NNNN/suffix); left out",
                bib + ":1: entry 'odd': eprint 'nonsense' is not an arXiv id; left out"), result.warnings());
    }
}
