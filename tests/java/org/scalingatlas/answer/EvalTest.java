package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.eval.EvalSet;
import org.scalingatlas.eval.Evaluation;

/** The evaluation set against the targets; prints the report (also: ./atlas eval). */
class EvalTest {

    @Test
    void should_meet_the_recall_verdict_and_citation_targets() {
        Atlas atlas = TestAtlas.real();
        Evaluation.Report report = new Evaluation(atlas.assistant(), atlas.corpus()).run(EvalSet.load(EvalSet.DEFAULT));
        System.out.println(report.render());
        assertTrue(report.outcomes().size() >= 40);
        assertTrue(report.recall(10) >= 0.9, "recall@10 " + report.recall(10));
        for (String kind : new String[] {"answered", "partial", "refused"}) {
            assertTrue(report.verdictAccuracy(kind) >= 0.9, kind + " accuracy " + report.verdictAccuracy(kind));
        }
        assertEquals(1.0, report.citationValidity(), 0.0);
    }
}
