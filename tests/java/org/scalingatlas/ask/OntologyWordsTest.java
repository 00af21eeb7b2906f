package org.scalingatlas.ask;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.answer.Answer;

/**
 * The ontology's labels for the axes are words the corpus uses, on the real corpus with the real embedding model: a
 * practitioner's word for what the notes hold ("snapshots" of a run, among the labels of training steps) is not a
 * missing topic though no note or abstract writes it.
 */
class OntologyWordsTest {

    @Test
    void should_not_call_missing_a_word_the_ontology_gives_an_axis() {
        Answer snapshots = TestAtlas.real().pipeline().ask("Should mid-run snapshots go into a scaling-law fit, or only the final losses?");
        assertFalse(snapshots.missing().stream().anyMatch(m -> m.contains("snapshots")), snapshots.missing().toString());
        Answer tapestries = TestAtlas.real().pipeline().ask("Should mid-run tapestries go into a scaling-law fit, or only the final losses?");
        assertTrue(tapestries.missing().stream().anyMatch(m -> m.contains("tapestries")), "a word neither the corpus nor the ontology uses: "
                + tapestries.missing());
    }
}
