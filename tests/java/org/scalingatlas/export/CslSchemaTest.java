package org.scalingatlas.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;

/**
 * The CSL-JSON export is valid against the official CSL data schema ({@code tests/fixtures/csl/csl-data.json},
 * vendored from citation-style-language/schema), checked by networknt's JSON Schema validator: the whole real corpus,
 * and a paper with every field a library import can give.
 */
class CslSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema CSL_DATA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(read(Path.of("tests/fixtures/csl/csl-data.json")));

    @Test
    void should_export_the_real_corpus_as_valid_csl_json() throws Exception {
        List<Paper> papers = new PaperStore(Path.of("corpus")).loadAll();
        JsonNode items = JSON.valueToTree(CslJson.of(papers));
        assertEquals(List.of(), messages(CSL_DATA.validate(items)));
        JsonNode kaplan = find(items, "scaling-laws-for-neural-language-models");
        assertEquals("[[2020,1]]", kaplan.get("issued").get("date-parts").toString(), "year and month from the arXiv id, no day");
    }

    @Test
    void should_export_authors_venue_doi_and_a_stated_date_as_valid_csl_json() throws Exception {
        Paper paper = new Paper("chinchilla", "Training Compute-Optimal Large Language Models", "An abstract.",
                LocalDate.of(2022, 3, 29), 3, List.of("Jordan Hoffmann", "Ludwig van der Waals", "DeepMind"), null, "2203.15556",
                "10.48550/arXiv.2203.15556", "Advances in Neural Information Processing Systems", null, List.of("zotero.json"));
        JsonNode items = JSON.valueToTree(CslJson.of(List.of(paper)));
        assertEquals(List.of(), messages(CSL_DATA.validate(items)));
        JsonNode item = items.get(0);
        assertEquals("paper-conference", item.get("type").asText());
        assertEquals("[{\"family\":\"Hoffmann\",\"given\":\"Jordan\"},{\"family\":\"van der Waals\",\"given\":\"Ludwig\"},{\"literal\":\"DeepMind\"}]",
                item.get("author").toString());
        assertEquals("[[2022,3,29]]", item.get("issued").get("date-parts").toString());
        assertEquals("10.48550/arXiv.2203.15556", item.get("DOI").asText());
        assertEquals("Advances in Neural Information Processing Systems", item.get("container-title").asText());
        assertEquals("https://arxiv.org/abs/2203.15556", item.get("URL").asText());
    }

    @Test
    void should_have_a_schema_that_refuses_what_csl_does_not_allow() throws Exception {
        JsonNode bad = JSON.readTree("[{\"id\":\"x\",\"type\":\"preprint-ish\",\"issued\":{\"date-parts\":[[2020,1,2,3]]},\"author\":[{\"surname\":\"K\"}]}]");
        assertFalse(messages(CSL_DATA.validate(bad)).isEmpty(), "the validator really checks");
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id);
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
