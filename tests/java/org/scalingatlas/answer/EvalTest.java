package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.Slow;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.eval.CalculationEvaluation;
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
        Evaluation.Report dev = shown("development half", evaluation.run(EvalSet.load(EvalSet.DEV)), Evaluation.Report::render);
        Evaluation.Report dev2 = shown("development questions added later", evaluation.run(EvalSet.load(EvalSet.DEV2)), Evaluation.Report::render);
        Evaluation.Report dev3 = shown("development questions added third", evaluation.run(EvalSet.load(EvalSet.DEV3)), Evaluation.Report::render);
        Evaluation.Report dev4 = shown("development questions added last", evaluation.run(EvalSet.load(EvalSet.DEV4)), Evaluation.Report::render);
        Evaluation.Report test = shown("held-out half", evaluation.run(EvalSet.load(EvalSet.TEST)), Evaluation.Report::render);
        Evaluation.Report fresh = shown("fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH)), Evaluation.Report::render);
        Evaluation.Report fresh2 = shown("second fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH2)), Evaluation.Report::render);
        Evaluation.Report fresh3 = shown("third fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH3)), Evaluation.Report::render);
        Evaluation.Report fresh4 = shown("fourth fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH4)), Evaluation.Report::render);
        Evaluation.Report fresh5 = shown("fifth fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH5)), Evaluation.Report::render);
        Evaluation.Report fresh6 = shown("sixth fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH6)), Evaluation.Report::render);
        Evaluation.Report fresh7 = shown("seventh fresh questions", evaluation.run(EvalSet.load(EvalSet.FRESH7)), Evaluation.Report::render);
        assertTrue(test.outcomes().size() >= 140, "the held-out half has " + test.outcomes().size() + " questions");
        assertTrue(test.recall(10) >= 0.95, "recall@10 " + test.recall(10));
        assertTrue(test.leadAccuracy() >= 0.85, "lead-note accuracy " + test.leadAccuracy()); // 0.853, then 0.895 with the lexical ranking's first, 2026-12-04
        assertTrue(test.verdictAccuracy("answered") >= 0.89, "answered accuracy " + test.verdictAccuracy("answered")); // 0.895, then 0.905, then 0.926 with clauses, on 2026-12-04
        // 0.885 on 2026-12-04, 0.923 (24 of 26) on 2026-12-06 once a name with digits after a hyphen ("GPT-5") was a name
        assertTrue(test.verdictAccuracy("partial") >= 0.88, "partial accuracy " + test.verdictAccuracy("partial"));
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
        // 1.000, lead 0.861, recall@10 1.000 (60 questions: one answered question is 0.028); answered 0.806 from 2026-12-04,
        // 0.917 once a qualifier or a word mentioned in passing had to pull the question away from the corpus to be missing;
        // lead 0.944 with the lexical ranking's first
        holdsFloors("fresh", fresh, new Floors(0.86, 0.83, 0.83, 0.88));
        // the second fresh set, written 2026-12-04 and first run as it stands that day: answered 0.556 (16 of its 36
        // answerable questions judged partial), partial 0.917, refused 1.000, lead 0.778, recall@10 1.000; answered 0.639
        // once contractions and the people around the asker were no longer concepts, 0.667 with the pull of a qualifier,
        // 0.722 with the ontology's labels as words the corpus uses, 0.778 with more of them, 0.833 with the cited notes'
        // clauses; floors about two questions under each
        holdsFloors("second fresh", fresh2, new Floors(0.77, 0.75, 0.83, 0.72));
        // the third fresh set, written late on 2026-12-04 after that evening's changes and first run as it stands then:
        // answered 0.944, partial 0.833 (10 of 12), refused 1.000, lead 0.972, recall@10 1.000; floors about two
        // questions under each
        holdsFloors("third fresh", fresh3, new Floors(0.88, 0.66, 0.83, 0.91));
        // the fourth fresh set, written on the afternoon of 2026-12-04 and first run as it stands then: answered 0.767,
        // partial 0.733 (11 of 15), refused 1.000, lead 0.833, recall@10 0.967; floors about two questions under each.
        // Read question by question from that night on (answered 0.800 with the framing nouns), so a development floor now
        holdsFloors("fourth fresh", fresh4, new Floors(0.70, 0.60, 0.86, 0.76));
        // the fifth fresh set, written on the night of 2026-12-04 with 30 partial questions in six kinds, first run as it
        // stands then: answered 0.967, partial 0.667 (20 of 30), refused 1.000, lead 0.933, recall@10 1.000; its one
        // self-contradiction was the checker reading "Q-network" as "network"; floors about two questions under each
        holdsFloors("fifth fresh", fresh5, new Floors(0.90, 0.60, 0.80, 0.86));
        // the sixth fresh set, written late on 2026-12-04 (stop 35) in the same six kinds, first run as it stands then (and
        // on the build before that stop's changes, with the same figures): answered 0.850, partial 0.467 (16 of 30; 14
        // judged answered), refused 1.000, lead 0.800, recall@10 1.000; floors about two questions under each
        holdsFloors("sixth fresh", fresh6, new Floors(0.75, 0.40, 0.80, 0.70));
        // the seventh fresh set, written on the night of 2026-12-04 (stop 36) with five partial questions of each of six
        // named kinds, first run as it stands then (and on the build before that stop, with the same figures): answered
        // 0.950, partial 0.767 (23 of 30; 7 judged answered), refused 1.000, lead 0.950, recall@10 1.000; answered 0.900
        // once four of its questions were reworded to pass EvalSetTest; partial 0.833 once a name the corpus never writes
        // was missing however close in meaning (2026-12-06); floors about two questions under each
        holdsFloors("seventh fresh", fresh7, new Floors(0.80, 0.76, 0.80, 0.85));
        // the development questions added on 2026-12-04 (answered 0.667, then 0.750, then 0.867 with the ontology's words,
        // 0.917 with the cited notes' clauses; partial 0.967, lead 0.733): a floor against regressions
        assertTrue(dev2.verdictAccuracy("answered") >= 0.85, "added development questions: answered accuracy " + dev2.verdictAccuracy("answered"));
        assertTrue(dev2.verdictAccuracy("partial") >= 0.9, "added development questions: partial accuracy " + dev2.verdictAccuracy("partial"));
        assertEquals(0, dev2.selfContradictions() + dev2.repeatedSentences() + dev2.uncitedCalculations(), "added development questions: an invariant broken");
        // the development questions added third (answered 0.575, partial 0.775 on 2026-12-04; answered 0.700 once the
        // ontology's labels counted as words the corpus uses, 0.750 once the head of what the asker owns was the setting,
        // 0.800 with the cited notes' clauses):
        // floors against regressions
        assertTrue(dev3.verdictAccuracy("answered") >= 0.75, "development questions added third: answered accuracy " + dev3.verdictAccuracy("answered"));
        assertTrue(dev3.verdictAccuracy("partial") >= 0.72, "development questions added third: partial accuracy " + dev3.verdictAccuracy("partial"));
        assertEquals(0, dev3.selfContradictions() + dev3.repeatedSentences() + dev3.uncitedCalculations(), "development questions added third: an invariant broken");
        // the fourth development set, written on the night of 2026-12-04 with 40 partial questions in six kinds: answered
        // 0.950, partial 0.550 (15 of 40 judged answered, most naming a method or a phrase whose words the corpus uses apart),
        // lead 0.850 at its first run; answered 1.000 once durations were framing; partial 0.625 with English compound
        // nouns the corpus never writes (stop 35). Floors against regressions, about two questions under
        assertTrue(dev4.verdictAccuracy("answered") >= 0.9, "development questions added last: answered accuracy " + dev4.verdictAccuracy("answered"));
        assertTrue(dev4.verdictAccuracy("partial") >= 0.57, "development questions added last: partial accuracy " + dev4.verdictAccuracy("partial"));
        assertEquals(0, dev4.selfContradictions() + dev4.repeatedSentences() + dev4.uncitedCalculations(), "development questions added last: an invariant broken");
        // the development half is what the lead's title share was tuned on (0.880 without the title, 0.912 with it), and the
        // three development sets the lexical ranking's bonus (dev 0.920 -> 0.936)
        assertTrue(dev.leadAccuracy() >= 0.91, "development half: lead-note accuracy " + dev.leadAccuracy());
    }

    @Test
    void should_answer_calculation_questions_with_the_value_asked() {
        Atlas atlas = TestAtlas.real();
        CalculationEvaluation evaluation = new CalculationEvaluation(atlas.pipeline(), atlas.corpus());
        Function<Path, CalculationEvaluation.Report> run = set -> evaluation.run(EvalSet.loadCalculations(set));
        CalculationEvaluation.Report dev = shown("calculation questions, development half", run.apply(EvalSet.CALCULATIONS_DEV),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev2 = shown("calculation questions, added development questions", run.apply(EvalSet.CALCULATIONS_DEV2),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev3 = shown("calculation questions, development questions in three voices", run.apply(EvalSet.CALCULATIONS_DEV3),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report test = shown("calculation questions, held-out half", run.apply(EvalSet.CALCULATIONS_TEST),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report fresh = shown("calculation questions, fresh", run.apply(EvalSet.CALCULATIONS_FRESH),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev4 = shown("calculation questions, development questions in four voices", run.apply(EvalSet.CALCULATIONS_DEV4),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev5 = shown("calculation questions, development questions naming constant sets", run.apply(EvalSet.CALCULATIONS_DEV5),
                CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev6 = shown("calculation questions, a helper's development questions naming constant sets",
                run.apply(EvalSet.CALCULATIONS_DEV6), CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev7 = shown("calculation questions, a helper's development questions over every law",
                run.apply(EvalSet.CALCULATIONS_DEV7), CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev8 = shown("calculation questions, a helper's development questions in five voices",
                run.apply(EvalSet.CALCULATIONS_DEV8), CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev9 = shown("calculation questions, a second helper's development questions in five voices",
                run.apply(EvalSet.CALCULATIONS_DEV9), CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev10 = shown("calculation questions, a third helper's development questions (pasted tables, notation)",
                run.apply(EvalSet.CALCULATIONS_DEV10), CalculationEvaluation.Report::render);
        CalculationEvaluation.Report dev11 = shown("calculation questions, a fourth helper's (a second language, LaTeX, numbers that are no inputs)",
                run.apply(EvalSet.CALCULATIONS_DEV11), CalculationEvaluation.Report::render);
        // each held-out set run only as a whole on 2026-12-04. The held-out half: 0.436 before this work, 0.744 after tuning
        // on the development half (0.463 -> 0.927), 0.846 after the added development questions (0.600 -> 0.883), 0.872
        // after those in three voices (0.578 -> 0.800), 0.897 once the runs that answer came first (dev3 0.867 with a list's
        // first number and a target loss). The fresh set, written in those voices after the first two rounds: 0.578 at its
        // first run, 0.733 after the third round, 0.756 once "attempt each issue ten times" counted samples (stop 35; dev3
        // 0.911), 0.778 once "toks" read as tokens (stop 36). Floors about two questions under each.
        assertTrue(dev.accuracy() >= 0.87, "calculation questions, development half: " + dev.accuracy());
        assertTrue(dev2.accuracy() >= 0.87, "calculation questions, added development questions: " + dev2.accuracy());
        assertTrue(dev3.accuracy() >= 0.86, "calculation questions in three voices: " + dev3.accuracy());
        // written as a fresh set in stop 36 and read after its first whole run (0.625, comparing 0.375), 0.800 after that
        // stop's round: a floor against regressions, about two questions under
        assertTrue(dev4.accuracy() >= 0.75, "calculation questions in four voices: " + dev4.accuracy());
        // written in stop 40 to tune the naming of constant sets on: 0.467 at its first run (fresh2, the same kind unseen,
        // 0.475), 0.933 after that stop's round; a floor about two questions under
        assertTrue(dev5.accuracy() >= 0.86, "calculation questions naming constant sets: " + dev5.accuracy());
        // written in stop 41 by a helper from the law files without aliases: 0.500 at its first run, 0.875 after that
        // stop's round (datasets by their names, sizes and phrases as written); a floor about two questions under
        assertTrue(dev6.accuracy() >= 0.82, "calculation questions naming constant sets, a helper's: " + dev6.accuracy());
        // written in stop 41 by another helper over every law and output: 0.789 at its first run, 1.000 after that stop's
        // round (a corpus's tokens, "10x more data", "a single stream", "lifetime inference tokens", conversions); a floor
        // about two questions under
        assertTrue(dev7.accuracy() >= 0.94, "calculation questions over every law, a helper's: " + dev7.accuracy());
        // written in stop 42 by a helper from the law files without aliases, in five voices: 0.700 at its first run, 0.950
        // after that stop's round (N*, M from tokens and parameters, "a 150 million one", a maker's team, "compute the …",
        // sets named to compare, a named law's output by its unit's head), 1.000 after stop 43's (a set named by its makers,
        // the asker's own constants); a floor two questions under
        assertTrue(dev8.accuracy() >= 0.95, "calculation questions in five voices, a helper's: " + dev8.accuracy());
        // written in stop 43 by a helper from the law files without aliases or output aliases, in five other voices: 0.750
        // at its first run, 1.000 after that stop's round (fragments after a comma or an arrow, short forms, number formats
        // as bits, training FLOPs, a set named by its makers, the asker's own constants); a floor about two questions under
        assertTrue(dev9.accuracy() >= 0.95, "calculation questions in five other voices, a helper's: " + dev9.accuracy());
        // written in stop 43 by a third helper: numbers pasted from a spreadsheet or a config, a skeptic, a long email,
        // notation only, a follow-up; 0.575 at its first run, 0.775 after that stop's second round (labels and pasted
        // tables, "fill in", symbols as output aliases), 0.925 after stop 44's (a fragment sentence, a gloss, an output's
        // symbol, a law's constants and function, "the formula", "a multiplier of 160"); a floor two questions under
        assertTrue(dev10.accuracy() >= 0.87, "calculation questions pasted from tables and in notation, a helper's: " + dev10.accuracy());
        // written in stop 44 by a fourth helper in three voices (a second language, LaTeX, numbers that are no inputs):
        // 0.600 at its first run on the stop's starting build, 0.633 after its first changes, then read: 0.867 after that
        // stop's round (LaTeX read as plain text, a quoted title, a function applied to a number, a set by its values); a
        // floor two questions under
        assertTrue(dev11.accuracy() >= 0.80, "calculation questions in LaTeX, a second language and with distractors, a helper's: " + dev11.accuracy());
        assertTrue(test.accuracy() >= 0.84, "calculation questions, held-out half: " + test.accuracy());
        assertTrue(test.comparedAccuracy() >= 0.72, "calculation questions comparing settings, held-out half: " + test.comparedAccuracy());
        assertTrue(fresh.accuracy() >= 0.68, "calculation questions, fresh: " + fresh.accuracy());
        // invariants, on every calculation question
        assertEquals(0, dev.brokenInvariants() + dev2.brokenInvariants() + dev3.brokenInvariants() + dev4.brokenInvariants() + dev5.brokenInvariants()
                + dev6.brokenInvariants() + dev7.brokenInvariants() + dev8.brokenInvariants() + dev9.brokenInvariants() + dev10.brokenInvariants()
                + dev11.brokenInvariants() + test.brokenInvariants()
                + fresh.brokenInvariants(),
                "calculation answers with a sentence twice or an uncited law");
    }

    /** The least verdict accuracy per class and lead-note accuracy a set of questions may fall to. */
    private record Floors(double answered, double partial, double refused, double lead) {
    }

    /** A report, printed under its title for CI's log (the held-out figures are read there, never question by question). */
    private static <R> R shown(String title, R report, Function<R, String> render) {
        System.out.println(title + "\n" + render.apply(report));
        return report;
    }

    /** A fresh set's figures at or above its floors, recall@10 at least 0.95, every citation valid and no invariant broken. */
    private static void holdsFloors(String name, Evaluation.Report report, Floors floors) {
        assertTrue(report.verdictAccuracy("answered") >= floors.answered(), name + ": answered accuracy " + report.verdictAccuracy("answered"));
        assertTrue(report.verdictAccuracy("partial") >= floors.partial(), name + ": partial accuracy " + report.verdictAccuracy("partial"));
        assertTrue(report.verdictAccuracy("refused") >= floors.refused(), name + ": refused accuracy " + report.verdictAccuracy("refused"));
        assertTrue(report.leadAccuracy() >= floors.lead(), name + ": lead-note accuracy " + report.leadAccuracy());
        assertTrue(report.recall(10) >= 0.95, name + ": recall@10 " + report.recall(10));
        assertEquals(0, report.selfContradictions() + report.repeatedSentences() + report.uncitedCalculations(), name + ": an invariant broken");
        assertEquals(1.0, report.citationValidity(), 0.0, name + ": citations that do not resolve");
    }
}
