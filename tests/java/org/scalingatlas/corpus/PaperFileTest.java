package org.scalingatlas.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaperFileTest {

    private static final Path FILE = Path.of("corpus/papers/x.md");

    @Test
    void should_read_back_what_it_wrote_when_every_field_is_set() {
        Paper paper = new Paper("j1-exploring-simple-test-time-scaling", "J1: Exploring Simple Test-Time Scaling for LLM-as-a-Judge",
                "An abstract: with a colon, \"quotes\" and # signs.", LocalDate.of(2025, 5, 17), 10,
                List.of("A. Author", "B. Author"), "SenseNova", "2505.11875", "10.48550/arXiv.2505.11875", "NeurIPS 2025",
                "https://github.com/x/y", List.of("b.txt", "a.txt"));
        String text = PaperFile.render(paper);
        assertEquals(paper, PaperFile.parse(FILE, text));
        assertTrue(text.startsWith("---\nid: j1-exploring-simple-test-time-scaling\ntitle: \"J1: Exploring"), text);
        assertEquals(List.of("a.txt", "b.txt"), paper.sources(), "sources sorted");
    }

    @Test
    void should_read_back_a_year_or_a_month_stated_without_a_day() {
        for (String stated : List.of("2023", "2023-03")) {
            Paper paper = new Paper("a-paper", "A Paper", "Abstract.", null, stated, null, List.of(), null, null, null, null, null, List.of());
            String text = PaperFile.render(paper);
            assertEquals(paper, PaperFile.parse(FILE, text), text);
            assertEquals(stated, paper.issued().toString());
        }
        assertMessage("---\nid: a\ntitle: T\nissued: 2023-13\n---\n", "is not a year (2023) or a year and month (2023-03)");
        assertMessage("---\nid: a\ntitle: T\ndate: 2023-03-01\nissued: 2023\n---\n", "has both a date and an issued year");
    }

    @Test
    void should_leave_out_fields_that_no_source_states() {
        Paper paper = new Paper("a-paper", "A Paper", "Abstract.", null, null, null, null, null, null, List.of("a.txt"));
        String text = PaperFile.render(paper);
        assertFalse(text.contains("date"), text);
        assertFalse(text.contains("arxiv"), text);
        assertEquals(paper, PaperFile.parse(FILE, text));
    }

    @Test
    void should_name_the_problem_when_a_record_is_broken() {
        assertMessage("---\nid: a\ntitle: T\nyear: 2020\n---\n", "unknown field 'year'");
        assertMessage("---\nid: a\ntitle: T\ndate: March 2020\n---\n", "must be an ISO date");
        assertMessage("---\nid: a\n---\n", "missing required field 'title'");
        assertMessage("---\nid: Not A Slug\ntitle: T\n---\n", "must be lowercase words");
        assertMessage("---\nid: a\ntitle: T\narxiv: 12345\n---\n", "is not an arXiv identifier");
        assertMessage("---\nid: a\ntitle: T\narxiv: 2411.04330\n---\n", "must be quoted, e.g. arxiv: \"2411.04330\"");
        assertMessage("---\nid: a\ntitle: T\nauthorCount: many\n---\n", "must be a whole number");
        assertMessage("---\nid: a\ntitle: T\ndoi: doi.org/x\n---\n", "is not a DOI");
        assertMessage("id: a\n", "expected the file to start with a '---'");
        assertMessage("---\nid: a\ntitle: T\n", "never closed");
        assertMessage("---\nid: a\ntitle: [unclosed\n---\n", "not valid YAML");
    }

    private static void assertMessage(String text, String expected) {
        CorpusException e = assertThrows(CorpusException.class, () -> PaperFile.parse(FILE, text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE.toString()), e.getMessage());
    }
}
