package org.scalingatlas.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a paper appeared: its stated date, else the year and month of its arXiv id, else nothing. */
class PaperIssuedTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2001.08361,        2020-01, arxiv-id",
        "2203.15556,        2022-03, arxiv-id",
        "0704.0001,         2007-04, arxiv-id",
        "1412.6980,         2014-12, arxiv-id",
        "hep-th/9901001,    1999-01, arxiv-id",
        "math.GT/0309136,   2003-09, arxiv-id",
        "cond-mat/0011123,  2000-11, arxiv-id",
    })
    void should_take_year_and_month_from_the_arxiv_id_when_no_date_is_stated(String arxiv, String issued, String source) {
        Paper.Issued date = paper(null, arxiv).issued();
        assertEquals(issued, date.toString());
        assertEquals(source, date.source());
        assertNull(date.day(), "an arXiv id gives no day");
        assertNull(paper(null, arxiv).date(), "never written into date");
    }

    @ParameterizedTest
    @CsvSource({"0612.1234", "2013.01234", "2000.12345"})
    void should_give_no_date_for_an_id_that_names_no_real_month(String arxiv) {
        assertNull(paper(null, arxiv).issued(), "new-style ids began in April 2007, and months run 01-12");
    }

    @ParameterizedTest
    @CsvSource({"2001.08361", "''"})
    void should_prefer_the_stated_date_and_keep_a_gap_when_nothing_says(String arxiv) {
        Paper.Issued stated = paper(LocalDate.of(2020, 1, 23), arxiv.isEmpty() ? null : arxiv).issued();
        assertEquals("2020-01-23", stated.toString());
        assertEquals(Paper.Issued.STATED, stated.source());
        assertNull(paper(null, null).issued(), "neither date nor arXiv id: the gap stays");
    }

    private static Paper paper(LocalDate date, String arxiv) {
        return new Paper("a-paper", "A Paper", "", date, null, List.of(), null, arxiv, null, List.of());
    }
}
