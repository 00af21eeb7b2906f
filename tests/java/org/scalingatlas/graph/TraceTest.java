package org.scalingatlas.graph;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.retrieve.Passage;

class TraceTest {

    @TempDir
    static Path data;

    private static Atlas atlas;

    @BeforeAll
    static void open() {
        atlas = TestAtlas.open(TestAtlas.FIXTURE_CORPUS, data);
    }

    @Test
    void should_return_exactly_the_notes_papers_and_evidence() {
        Trace trace = atlas.graph().trace("should-parameters-and-tokens-grow-together").orElseThrow();
        assertEquals("Should parameters and tokens grow together under a fixed compute budget?", trace.note().title());
        assertEquals("2022-03-29", trace.note().date());
        assertEquals(List.of(new Trace.SupportingPaper("compute-optimal-study", "A Fixture Study of Compute-Optimal Training",
                "2203.15556", "2022-03-29", List.of(
                        "We find that parameters and training tokens should grow in equal proportion as compute grows.",
                        "A smaller model trained on more tokens matches a larger one at the same cost."), null)), trace.papers());
        assertEquals(List.of("parameters", "training-compute", "training-tokens"), trace.axes().stream().map(Trace.AxisRef::id).toList());
    }

    @Test
    void should_show_relations_in_both_directions_and_shared_ceilings() {
        Trace sampling = atlas.graph().trace("does-more-sampling-always-help").orElseThrow();
        assertEquals(List.of(
                new Trace.RelatedNote("extends", "outgoing", "should-parameters-and-tokens-grow-together",
                        "Should parameters and tokens grow together under a fixed compute budget?"),
                new Trace.RelatedNote("disagrees", "incoming", "does-resampling-hit-a-ceiling",
                        "Does resampling hit a ceiling when the verifier is imperfect?")), sampling.related());
        assertEquals(List.of(new Trace.CeilingRef("false-positive-plateau", "Accuracy plateau from verifier false positives",
                "the accuracy at which accepted false positives dominate", "code generation checked by unit tests", "any number of samples")),
                sampling.ceilings(), "a ceiling referenced by id resolves to its definition in another note");
    }

    @Test
    void should_find_nothing_for_an_unknown_note() {
        assertTrue(atlas.graph().trace("no-such-note").isEmpty());
    }

    @Test
    void should_list_notes_by_axis_including_narrower_axes_and_by_paper() {
        assertEquals(List.of("does-more-sampling-always-help", "does-resampling-hit-a-ceiling"),
                atlas.graph().notesOnAxis("test-time-samples").stream().map(Trace.NoteRef::id).toList());
        assertEquals(List.of("does-more-sampling-always-help", "does-resampling-hit-a-ceiling"),
                atlas.graph().notesOnAxis("inference-compute").stream().map(Trace.NoteRef::id).toList(), "test-time-samples is narrower");
        assertEquals(List.of("does-more-sampling-always-help", "does-resampling-hit-a-ceiling"),
                atlas.graph().notesOnPaper("sampling-ceiling-study").stream().map(Trace.NoteRef::id).toList());
        assertEquals(0, atlas.graph().papersWithoutNote());
    }

    @Test
    void should_rank_notes_for_free_text() {
        assertEquals("does-resampling-hit-a-ceiling", atlas.index().search("verifier false positives ceiling", Passage.Kind.NOTE, 3).get(0).id());
        assertDoesNotThrow(() -> atlas.index().search("AND OR ( \" * : ~ ^ [", Passage.Kind.NOTE, 3), "query syntax in free text is escaped");
        assertEquals("does-resampling-hit-a-ceiling", atlas.index().search("ceiling) AND (verifier", Passage.Kind.NOTE, 1).get(0).id());
        assertTrue(atlas.index().search("verifier", Passage.Kind.NOTE, 5).stream().allMatch(h -> h.kind() == Passage.Kind.NOTE));
    }
}
