package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.api.PaperDetail;
import org.scalingatlas.corpus.Paper;

/** A paper's JSON says where its date comes from: the arXiv id's year and month are shown as such, never as a date. */
class PaperDateSourceTest {

    @Test
    void should_show_the_arxiv_ids_year_and_month_with_their_provenance_and_no_stated_date() {
        JsonNode json = json(new Paper("kaplan", "Scaling Laws for Neural Language Models", "", null, null, List.of(), null, "2001.08361", null, List.of()));
        assertTrue(json.get("date").isNull(), "no date is stated");
        assertEquals("2020-01", json.get("issued").asText());
        assertEquals("arxiv-id", json.get("dateSource").asText());
    }

    @Test
    void should_keep_the_gap_when_neither_a_date_nor_an_arxiv_id_says() {
        JsonNode json = json(new Paper("cited", "A Paper Known From A Citation", "", null, null, List.of(), null, null, null, List.of()));
        assertTrue(json.get("issued").isNull());
        assertTrue(json.get("dateSource").isNull());
    }

    private static JsonNode json(Paper paper) {
        return new ObjectMapper().valueToTree(PaperDetail.of(paper, List.of()));
    }
}
