package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Seeds;

class ListingReaderTest {

    private final ListingReader reader = new ListingReader(Seeds.LISTING_YEAR, LocalDate.of(2026, 11, 23));

    @Test
    void should_read_every_title_and_abstract_pair_when_reading_the_title_abstract_listing() {
        List<ListingEntry> entries = reader.read(Seeds.file(Seeds.LISTING_001));
        assertEquals(119, entries.size());
        ListingEntry first = entries.get(0);
        assertEquals("Toward Inference-optimal Mixture-of-Expert Large Language Models", first.title(), "banner stripped from the first title");
        assertTrue(first.abstractText().startsWith("Mixture-of-Expert (MoE) based large language models"));
        assertTrue(entries.stream().allMatch(e -> e.date() == null && e.authorCount() == null), "this listing states no dates or authors");
    }

    @Test
    void should_read_entries_with_and_without_bylines_when_reading_a_daily_papers_page() {
        List<ListingEntry> entries = reader.read(Seeds.file(Seeds.LISTING_002));
        assertEquals(43, entries.size(), "42 entries with an author line and one with no byline at all");
        assertEquals(42, entries.stream().filter(e -> e.authorCount() != null).count());
        ListingEntry unlock = find(entries, "Unlock Predictable Scaling from Emergent Abilities");
        assertEquals(LocalDate.of(2023, 10, 4), unlock.date());
        assertEquals(12, unlock.authorCount());
        ListingEntry illusion = find(entries, "The Illusion of Diminishing Returns: Measuring Long Horizon Execution in LLMs");
        assertEquals(LocalDate.of(2025, 9, 11), illusion.date(), "'Sep 11, 2025 4' is the date followed by 4 votes");
        assertEquals(5, illusion.authorCount());
        ListingEntry robust = find(entries, "Robust Layerwise Scaling Rules by Proper Weight Decay Tuning");
        assertNull(robust.date());
        assertNull(robust.authorCount());
    }

    @Test
    void should_give_year_less_dates_the_listing_year_and_read_organisation_badges() {
        List<ListingEntry> entries = reader.read(Seeds.file(Seeds.LISTING_003));
        assertEquals(42, entries.size());
        assertEquals(38, entries.stream().filter(e -> e.authorCount() != null).count());
        ListingEntry survey = find(entries, "A Survey of On-Policy Distillation for Large Language Models");
        assertAll(
                () -> assertEquals(LocalDate.of(2026, 4, 1), survey.date(), "'Apr 1 2' is Apr 1 of the listing year with 2 votes"),
                () -> assertEquals(2, survey.authorCount()));
        ListingEntry phased = find(entries, "Phased DMD: Few-step Distribution Matching Distillation via Score Matching within Subintervals");
        assertAll(
                () -> assertEquals("SenseNova", phased.organization()),
                () -> assertNull(phased.authorCount()),
                () -> assertEquals(LocalDate.of(2025, 10, 31), phased.date()));
        ListingEntry pruning = find(entries, "Beyond neural scaling laws: beating power law scaling via data pruning");
        assertEquals(LocalDate.of(2022, 6, 29), pruning.date());
        assertEquals(5, pruning.authorCount());
        assertNull(find(entries, "Learning beyond Teacher: Generalized On-Policy Distillation with Reward Extrapolation").date(),
                "an entry with no byline and no date");
        assertTrue(entries.stream().anyMatch(e -> e.abstractText().contains("only 1∼4 steps")), "mangled LaTeX repaired");
    }

    @Test
    void should_read_ids_dates_and_authors_when_reading_an_arxiv_atom_feed() {
        List<ListingEntry> entries = reader.read(Path.of("tests/fixtures/arxiv-feed.atom"));
        assertEquals(2, entries.size());
        ListingEntry kaplan = entries.get(0);
        assertAll(
                () -> assertEquals("Scaling Laws for Neural Language Models", kaplan.title()),
                () -> assertEquals("2001.08361", kaplan.arxiv(), "version suffix removed"),
                () -> assertEquals(LocalDate.of(2020, 1, 23), kaplan.date()),
                () -> assertEquals(List.of("Jared Kaplan", "Sam McCandlish", "Tom Henighan"), kaplan.authors()),
                () -> assertEquals(3, kaplan.authorCount()),
                () -> assertTrue(kaplan.abstractText().startsWith("We study empirical scaling laws for language model performance on the cross-entropy loss.")));
        assertEquals("Training Compute-Optimal Large Language Models", entries.get(1).title(), "white space in titles collapsed");
    }

    private static ListingEntry find(List<ListingEntry> entries, String title) {
        return entries.stream().filter(e -> e.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
    }
}
