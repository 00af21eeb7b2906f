package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.eval.EvalSet;
import org.scalingatlas.eval.Evaluation;

/**
 * The evaluation on both halves of the question set and on the fresh questions written after tuning ended (also:
 * {@code ./atlas eval --questions tests/eval/test.yaml --summary}, likewise {@code fresh.yaml} and {@code fresh2.yaml}).
 * The held-out half is only ever run as a whole: its figures are printed and held to floors, never read question by
 * question while tuning. The floors are today's figures less a margin, so a change that makes answers worse on
 * questions nobody tuned for fails here; docs/asking.md (Evaluation) has the figures and the targets still ahead.
 * In the slow tier (an evaluation of 405 questions): `.ci/run` runs it; the coverage
 * judge, the concept finder and the composer keep their unit tests in the default tier.
 */
@Slow
class EvalTest {

    @Test
    void should_hold_its_figures_on_the_held_out_half() {
        Atlas atlas = TestAtlas.real();
        Evaluation evaluation = new Evaluation(atlas.pipeline(), atlas.corpus());
        Evaluation.Report dev = evaluation.run(EvalSet.load(EvalSet.DEV));
        System.out.println("development half\n" + dev.render());
        Evaluation.Report dev2 = evaluation.run(EvalSet.load(EvalSet.DEV2));
        System.out.println("development questions added later\n" + dev2.render());
        Evaluation.Report test = evaluation.run(EvalSet.load(EvalSet.TEST));
        System.out.println("held-out half\n" + test.render());
        Evaluation.Report fresh = evaluation.run(EvalSet.load(EvalSet.FRESH));
        System.out.println("fresh questions\n" + fresh.render());
        Evaluation.Report fresh2 = evaluation.run(EvalSet.load(EvalSet.FRESH2));
        System.out.println("second fresh questions\n" + fresh2.render());
        assertTrue(test.outcomes().size() >= 140, "the held-out half has " + test.outcomes().size() + " questions");
        assertTrue(test.recall(10) >= 0.95, "recall@10 " + test.recall(10));
        assertTrue(test.leadAccuracy() >= 0.78, "lead-note accuracy " + test.leadAccuracy());
        assertTrue(test.verdictAccuracy("answered") >= 0.86, "answered accuracy " + test.verdictAccuracy("answered"));
        assertTrue(test.verdictAccuracy("partial") >= 0.80, "partial accuracy " + test.verdictAccuracy("partial"));
        assertTrue(test.verdictAccuracy("refused") >= 0.92, "refused accuracy " + test.verdictAccuracy("refused"));
        // invariants, not floors: on every question of both halves
        assertEquals(0, test.selfContradictions(), "answers calling a topic missing while citing a note on it");
        assertEquals(0, test.repeatedSentences(), "answers with a sentence written twice");
        assertEquals(0, dev.selfContradictions(), "development half: answers calling a topic missing while citing a note on it");
        assertEquals(0, dev.repeatedSentences(), "development half: answers with a sentence written twice");
        assertEquals(0, test.uncitedCalculations(), "answers running a law no cited note carries");
        assertEquals(0, dev.uncitedCalculations(), "development half: answers running a law no cited note carries");
        assertTrue(dev.withCalculations() > 0, "the development half has answers that run laws, so the check checks something");
        assertEquals(1.0, test.citationValidity(), 0.0);
        // the fresh questions, written after tuning ended and first run on 2026-12-03: answered 0.778, partial and refused
        // 1.000, lead 0.861, recall@10 1.000 (60 questions: one answered question is 0.028); answered 0.806 from 2026-12-04
        assertTrue(fresh.verdictAccuracy("answered") >= 0.75, "fresh: answered accuracy " + fresh.verdictAccuracy("answered"));
        assertTrue(fresh.verdictAccuracy("partial") >= 0.83, "fresh: partial accuracy " + fresh.verdictAccuracy("partial"));
        assertTrue(fresh.verdictAccuracy("refused") >= 0.83, "fresh: refused accuracy " + fresh.verdictAccuracy("refused"));
        assertTrue(fresh.leadAccuracy() >= 0.80, "fresh: lead-note accuracy " + fresh.leadAccuracy());
        assertTrue(fresh.recall(10) >= 0.95, "fresh: recall@10 " + fresh.recall(10));
        assertEquals(0, fresh.selfContradictions() + fresh.repeatedSentences() + fresh.uncitedCalculations(), "fresh: an invariant broken");
        assertEquals(1.0, fresh.citationValidity(), 0.0);
        // the second fresh set, written 2026-12-04 and first run as it stands that day: answered 0.556 (16 of its 36
        // answerable questions judged partial), partial 0.917, refused 1.000, lead 0.778, recall@10 1.000; answered 0.639
        // once contractions and the people around the asker were no longer concepts; floors about two questions under each
        assertTrue(fresh2.verdictAccuracy("answered") >= 0.58, "second fresh: answered accuracy " + fresh2.verdictAccuracy("answered"));
        assertTrue(fresh2.verdictAccuracy("partial") >= 0.75, "second fresh: partial accuracy " + fresh2.verdictAccuracy("partial"));
        assertTrue(fresh2.verdictAccuracy("refused") >= 0.83, "second fresh: refused accuracy " + fresh2.verdictAccuracy("refused"));
        assertTrue(fresh2.leadAccuracy() >= 0.72, "second fresh: lead-note accuracy " + fresh2.leadAccuracy());
        assertTrue(fresh2.recall(10) >= 0.95, "second fresh: recall@10 " + fresh2.recall(10));
        assertEquals(0, fresh2.selfContradictions() + fresh2.repeatedSentences() + fresh2.uncitedCalculations(), "second fresh: an invariant broken");
        assertEquals(1.0, fresh2.citationValidity(), 0.0);
        // the development questions added on 2026-12-04 (answered 0.667, partial 0.967, lead 0.717): a floor against regressions
        assertTrue(dev2.verdictAccuracy("answered") >= 0.62, "added development questions: answered accuracy " + dev2.verdictAccuracy("answered"));
        assertTrue(dev2.verdictAccuracy("partial") >= 0.9, "added development questions: partial accuracy " + dev2.verdictAccuracy("partial"));
        assertEquals(0, dev2.selfContradictions() + dev2.repeatedSentences() + dev2.uncitedCalculations(), "added development questions: an invariant broken");
        // the development half is what the lead's title share was tuned on (0.880 without the title, 0.912 with it)
        assertTrue(dev.leadAccuracy() >= 0.90, "development half: lead-note accuracy " + dev.leadAccuracy());
    }
}
