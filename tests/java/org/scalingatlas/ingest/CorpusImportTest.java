package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Seeds;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

class CorpusImportTest {

    @TempDir
    Path corpus;

    private final ListingReader reader = new ListingReader(Seeds.LISTING_YEAR, LocalDate.of(2026, 11, 23));

    @Test
    void should_merge_the_three_listings_into_one_record_per_paper() {
        CorpusImport.Report report = importSeeds(corpus);
        assertEquals(119 + 43 + 42, report.entriesRead());
        assertEquals(168, report.created().size(), "164 papers with an author line + 2 credited to an organisation + 2 with no byline");
        List<Paper> papers = new PaperStore(corpus).loadAll();
        assertEquals(168, papers.size());
        Paper flaws = byTitle(papers, "Inference Scaling Flaws: The Limits of LLM Resampling with Imperfect Verifiers");
        assertEquals(List.of(Seeds.LISTING_001, Seeds.LISTING_002), flaws.sources());
        assertEquals(LocalDate.of(2024, 11, 26), flaws.date(), "date taken from the daily page");
        assertEquals(3, flaws.authorCount());
        Paper hitchhiker = byTitle(papers, "A Hitchhiker's Guide to Scaling Law Estimation");
        assertEquals(3, hitchhiker.sources().size());
        assertEquals("a-hitchhiker-s-guide-to-scaling-law-estimation", hitchhiker.id());
    }

    @Test
    void should_find_code_urls_and_leave_unknown_fields_empty() {
        importSeeds(corpus);
        List<Paper> papers = new PaperStore(corpus).loadAll();
        Paper vlm = byTitle(papers, "Inference Optimal VLMs Need Only One Visual Token but Larger Models");
        assertEquals("https://github.com/locuslab/llava-token-compression", vlm.code());
        assertTrue(papers.stream().allMatch(p -> p.arxiv() == null), "no listing states an arXiv id, so none is recorded");
        assertTrue(papers.stream().filter(p -> p.sources().equals(List.of(Seeds.LISTING_001))).allMatch(p -> p.date() == null),
                "papers only in the undated listing have no date");
    }

    @Test
    void should_change_nothing_when_the_same_files_are_imported_again() throws IOException {
        importSeeds(corpus);
        Map<String, String> before = snapshot(corpus);
        CorpusImport.Report again = importSeeds(corpus);
        assertEquals(0, again.created().size());
        assertEquals(0, again.updated().size());
        assertEquals(168, again.unchanged());
        assertEquals(before, snapshot(corpus));
    }

    @Test
    void should_reproduce_the_committed_corpus_apart_from_fields_curators_added() throws IOException {
        importSeeds(corpus);
        Map<String, Paper> committed = new PaperStore(Path.of("corpus")).loadAll().stream()
                .collect(java.util.stream.Collectors.toMap(Paper::id, p -> p));
        for (Paper imported : new PaperStore(corpus).loadAll()) {
            Paper kept = committed.get(imported.id());
            assertTrue(kept != null, "corpus/papers/" + imported.id() + ".md is missing");
            assertEquals(imported, withCuratedFields(imported, kept), "corpus/papers/" + imported.id() + ".md differs from a fresh import");
        }
    }

    /** The imported record with the fields the listings leave empty taken from the committed one (a curator's additions). */
    private static Paper withCuratedFields(Paper imported, Paper committed) {
        return new Paper(imported.id(), imported.title(), imported.abstractText().isEmpty() ? "" : committed.abstractText(),
                imported.date() == null ? null : committed.date(), imported.authorCount() == null ? null : committed.authorCount(),
                imported.authors().isEmpty() ? imported.authors() : committed.authors(),
                imported.organization() == null ? null : committed.organization(),
                imported.arxiv() == null ? null : committed.arxiv(), imported.code() == null ? null : committed.code(), committed.sources());
    }

    @Test
    void should_keep_a_curators_edit_and_warn_when_a_listing_disagrees() throws IOException {
        importSeeds(corpus);
        PaperStore store = new PaperStore(corpus);
        Paper unlock = byTitle(store.loadAll(), "Unlock Predictable Scaling from Emergent Abilities");
        Paper corrected = new Paper(unlock.id(), unlock.title(), unlock.abstractText(), LocalDate.of(2023, 10, 5),
                unlock.authorCount(), unlock.authors(), unlock.organization(), "2310.03262", unlock.code(), unlock.sources());
        store.saveAll(List.of(corrected));
        CorpusImport.Report report = importSeeds(corpus);
        assertEquals(0, report.updated().size());
        assertEquals(corrected, byTitle(store.loadAll(), unlock.title()));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("date differs") && w.contains(unlock.id())), report.warnings().toString());
    }

    @Test
    void should_match_papers_by_arxiv_id_and_fill_missing_fields_from_a_feed() {
        importSeeds(corpus);
        CorpusImport.Report report = new CorpusImport(new PaperStore(corpus)).run(reader.read(Path.of("tests/fixtures/arxiv-feed.atom")));
        List<Paper> papers = new PaperStore(corpus).loadAll();
        Paper kaplan = byTitle(papers, "Scaling Laws for Neural Language Models");
        assertEquals("2001.08361", kaplan.arxiv());
        assertEquals(List.of("Jared Kaplan", "Sam McCandlish", "Tom Henighan"), kaplan.authors());
        assertTrue(report.updated().contains(kaplan.id()));
        assertTrue(report.created().contains("training-compute-optimal-large-language-models"));
        assertTrue(kaplan.abstractText().startsWith("We study empirical scaling laws"), "the corpus abstract is kept");
    }

    private CorpusImport.Report importSeeds(Path dir) {
        List<ListingEntry> entries = new ArrayList<>();
        Arrays.stream(Seeds.listings()).forEach(f -> entries.addAll(reader.read(f)));
        return new CorpusImport(new PaperStore(dir)).run(entries);
    }

    private static Paper byTitle(List<Paper> papers, String title) {
        return papers.stream().filter(p -> p.title().equals(title)).findFirst().orElseThrow(() -> new AssertionError("no paper " + title));
    }

    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(file).toString(), Files.readString(file));
            }
        }
        return files;
    }
}
