package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.cli.AtlasCli;

/**
 * A researcher's own papers are usable the moment they are imported: ingest a listing of new papers (no note written),
 * start the server, and asking about them cites them by their abstracts' own words, marked as such.
 */
class UncuratedPapersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static final String LISTING = """
            Scaling Laws for Tabular Foundation Models
            We train tabular transformers from 1M to 1B parameters on 300 spreadsheets and find that held-out loss falls as a power law in model size with an exponent of 0.21. Gains stop beyond 300M parameters on tables with fewer than 10,000 rows. Pretraining on synthetic tables transfers to real ones.
            Graph Neural Network Depth at Scale
            We study message-passing networks with up to 64 layers and show that oversmoothing, not parameter count, limits accuracy on node classification.
            """;

    @Test
    void should_start_and_cite_a_new_paper_by_its_abstract_before_any_note_is_written() throws Exception {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, tmp.resolve("corpus"));
        Path listing = Files.writeString(tmp.resolve("reading-list.txt"), LISTING);
        StringWriter out = new StringWriter();
        assertEquals(0, AtlasCli.run(new String[] {"ingest", "--corpus", corpus.toString(), listing.toString()},
                new PrintWriter(out, true), new PrintWriter(out, true)), out.toString());
        assertTrue(Files.exists(corpus.resolve("papers/scaling-laws-for-tabular-foundation-models.md")), out.toString());

        try (Loopback api = new Loopback(AtlasServer.create(TestAtlas.open(corpus, tmp.resolve("data")).services()).start("127.0.0.1", 0))) {
            assertEquals(200, api.get("/health").statusCode());
            HttpResponse<String> response = api.get("/api/ask?q="
                    + URLEncoder.encode("Do tabular foundation models follow a power law in model size?", StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode answer = JSON.readTree(response.body());
            JsonNode cited = StreamSupport.stream(answer.get("notes").spliterator(), false)
                    .filter(n -> n.get("id").asText().equals("scaling-laws-for-tabular-foundation-models")).findFirst().orElseThrow(
                            () -> new AssertionError("the new paper is not cited: " + answer.get("notes")));
            assertEquals("abstract", cited.get("status").asText());
            assertTrue(cited.get("claim").asText().contains("falls as a power law in model size with an exponent of 0.21"),
                    "quoted word for word from the abstract: " + cited.get("claim"));
            assertEquals("abstract", answer.get("notes").get(0).get("status").asText(), "the paper the question is about leads");
            assertTrue(answer.get("answer").asText().contains("which no curated note covers yet, says in its own words: \u201c"),
                    answer.get("answer").asText());
            assertEquals(404, api.get("/api/notes/scaling-laws-for-tabular-foundation-models").statusCode(), "it is not passed off as a note");
            assertEquals(200, api.get("/api/papers/scaling-laws-for-tabular-foundation-models").statusCode());
        }
    }
}
