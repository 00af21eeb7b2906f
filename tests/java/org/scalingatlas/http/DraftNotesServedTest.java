package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.curate.DraftCorpus;
import org.scalingatlas.curate.NoteDrafter;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.retrieve.Passage;

/** A corpus with a draft note is served: the draft is found, listed and shown with its status, like any note. */
class DraftNotesServedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void should_serve_a_draft_note_marked_as_a_draft() throws Exception {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        String id = new NoteDrafter(corpus, null).draft(List.of(DraftCorpus.PAPER)).written().get(0).noteId();
        // stored as ./atlas serve stores it: the graph in TDB2, the index on disk
        Atlas atlas = Atlas.open(TestAtlas.config(corpus, tmp.resolve("data")), KnowledgeGraph.Storage.PERSISTENT);

        assertTrue(atlas.index().search("attention heads loss power law width", Passage.Kind.NOTE, 3).stream().anyMatch(h -> h.id().equals(id)),
                "the draft is searched like any note");
        try (AtlasServer.Running server = AtlasServer.start(atlas.services(), "127.0.0.1", 0)) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode note = get(base + "/api/notes/" + id);
            assertEquals("draft", note.path("status").asText());
            assertEquals("", note.path("claim").asText());
            assertEquals(DraftCorpus.PAPER, note.path("papers").path(0).path("id").asText());
            JsonNode curated = get(base + "/api/notes/should-parameters-and-tokens-grow-together");
            assertEquals("curated", curated.path("status").asText());
            JsonNode listed = get(base + "/api/notes");
            boolean found = false;
            for (JsonNode n : listed) {
                found |= n.path("id").asText().equals(id) && n.path("status").asText().equals("draft");
            }
            assertTrue(found, listed.toString());
            assertEquals(id, get(base + "/api/notes/" + id + "/trace").path("note").path("id").asText());
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
