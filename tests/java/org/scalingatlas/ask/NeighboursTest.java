package org.scalingatlas.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.graph.Trace;

/** Which retrieved notes share a law, a ceiling or a scaling axis with a cited one, on the real corpus and graph. */
class NeighboursTest {

    private static final String KAPLAN_VS_CHINCHILLA = "why-do-the-kaplan-and-chinchilla-scaling-laws-disagree-on";
    /** Cites Kaplan's allocation law too, and shares the parameters and training-compute axes. */
    private static final String STOPPED_EARLY = "should-a-fixed-compute-budget-go-to-a-very-large-model-stopped";
    /** Shares only the language domain with it: a domain does not make two notes neighbours. */
    private static final String REASONING_DIMENSIONS = "along-which-dimensions-can-llm-reasoning-be-scaled-and-can";

    private static Atlas atlas;
    private static Neighbours neighbours;

    @BeforeAll
    static void open() {
        atlas = TestAtlas.real();
        neighbours = new Neighbours(atlas.corpus(), atlas.graph());
    }

    @Test
    void should_tie_notes_by_a_shared_law_or_scaling_axis_but_not_by_a_shared_domain() {
        Note note = atlas.corpus().note(KAPLAN_VS_CHINCHILLA).orElseThrow();
        List<Trace.Neighbour> shared = neighbours.sharing(note, List.of(REASONING_DIMENSIONS, STOPPED_EARLY, KAPLAN_VS_CHINCHILLA, "no-such-note"));
        assertEquals(List.of(new Trace.Neighbour(STOPPED_EARLY, "cites the same law"), new Trace.Neighbour(STOPPED_EARLY, "shares an axis")), shared,
                "itself and unknown ids are skipped");
    }
}
