package org.scalingatlas.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalingatlas.question.Concept;

/** The judge's three decisions on a fake corpus: a vocabulary, a closest-note similarity, phrase and term similarities. */
class CoverageJudgeTest {

    private static final CoverageJudge.Thresholds THRESHOLDS = new CoverageJudge.Thresholds(0.4, 0.6, 0.75);

    /**
     * A corpus that uses these words, is this close to every question (but {@code reworded} to the one embedding
     * {@link #WITHOUT_NUMBERS}), has passages this close to these phrases, terms this close to these, and this many
     * passages holding these phrases.
     */
    private record FakeCorpus(Set<String> vocabulary, double closestNote, Map<String, Double> phrases, Map<String, Double> terms,
            Map<String, Integer> held, double reworded) implements CorpusStatistics {
        FakeCorpus(Set<String> vocabulary, double closestNote, Map<String, Double> phrases) {
            this(vocabulary, closestNote, phrases, Map.of());
        }

        FakeCorpus(Set<String> vocabulary, double closestNote, Map<String, Double> phrases, Map<String, Double> terms) {
            this(vocabulary, closestNote, phrases, terms, Map.of());
        }

        FakeCorpus(Set<String> vocabulary, double closestNote, Map<String, Double> phrases, Map<String, Double> terms, Map<String, Integer> held) {
            this(vocabulary, closestNote, phrases, terms, held, closestNote);
        }

        /** The same corpus, this close to the question without its numbers. */
        FakeCorpus rewordedAt(double closeness) {
            return new FakeCorpus(vocabulary, closestNote, phrases, terms, held, closeness);
        }

        @Override
        public int passagesHolding(List<String> words) {
            return held.getOrDefault(String.join(" ", words), 0);
        }

        @Override
        public boolean uses(String word) {
            return vocabulary.contains(word);
        }

        @Override
        public boolean mentions(String text, String phrase) {
            return text.toLowerCase(java.util.Locale.ROOT).contains(phrase.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public double closestNote(float[] vector) {
            return vector == WITHOUT_NUMBERS ? reworded : closestNote;
        }

        @Override
        public double closestPassage(String phrase) {
            return phrases.getOrDefault(phrase, 0.0);
        }

        @Override
        public double closestTerm(String phrase) {
            return terms.getOrDefault(phrase, 0.0);
        }
    }

    private static final float[] QUESTION = new float[384];
    /** The embedding of a question without its numbers. */
    private static final float[] WITHOUT_NUMBERS = new float[384];
    /** A question without numbers has no other wording to try. */
    private static final java.util.function.Supplier<java.util.Optional<float[]>> NO_NUMBERS = java.util.Optional::empty;

    private static Concept concept(String text) {
        return new Concept(text, List.of(text.toLowerCase(java.util.Locale.ROOT).split(" ")));
    }

    @Test
    void should_refuse_a_question_no_note_comes_close_to_whatever_words_it_shares() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("tokens", "scale"), 0.39, Map.of()), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("tokens"), concept("scale")), QUESTION, NO_NUMBERS);
        assertInstanceOf(Verdict.Refused.class, verdict);
    }

    @Test
    void should_answer_when_every_named_concept_is_in_the_corpus() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("batch", "size", "learning", "rate"), 0.7, Map.of()), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("batch size"), concept("learning rate")), QUESTION, NO_NUMBERS);
        assertEquals(new Verdict.Answered(List.of("batch size", "learning rate")), verdict);
    }

    @Test
    void should_name_an_absent_concept_in_the_users_words_and_keep_the_present_ones() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("batch", "size"), 0.55, Map.of("Cerebras systems", 0.3)), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("batch size"), new Concept("Cerebras systems", List.of("cerebras", "systems"))), QUESTION, NO_NUMBERS);
        assertEquals(new Verdict.Partial(List.of("batch size"), List.of("Cerebras systems")), verdict);
    }

    @Test
    void should_count_a_concept_as_present_when_a_passage_is_close_to_it_in_meaning() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("scaling"), 0.6, Map.of("minibatch noise", 0.65)), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("minibatch noise")), QUESTION, NO_NUMBERS);
        assertEquals(new Verdict.Answered(List.of("minibatch noise")), verdict);
    }

    @Test
    void should_count_a_concept_as_present_when_a_term_of_the_corpus_names_it_in_other_words() {
        FakeCorpus corpus = new FakeCorpus(Set.of("scaling"), 0.6, Map.of("reversal", 0.3, "chess engines", 0.3),
                Map.of("reversal", 0.85, "chess engines", 0.74));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Partial(List.of("reversal"), List.of("chess engines")),
                judge.judge(List.of(concept("reversal"), concept("chess engines")), QUESTION, NO_NUMBERS));
    }

    @Test
    void should_not_look_for_terms_when_every_word_of_a_concept_is_used() {
        FakeCorpus corpus = new FakeCorpus(Set.of("batch", "size"), 0.6, Map.of(), Map.of()); // no passage or term close to anything
        assertEquals(new Verdict.Answered(List.of("batch size")), new CoverageJudge(corpus, THRESHOLDS).judge(List.of(concept("batch size")), QUESTION, NO_NUMBERS));
    }

    @Test
    void should_refuse_with_its_own_reason_when_nothing_is_named() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of(), 0.1, Map.of()), THRESHOLDS);
        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(), QUESTION, NO_NUMBERS));
        assertEquals("the question names nothing the corpus could be searched for", refused.reason());
    }

    @Test
    void should_not_refuse_a_question_that_comes_close_once_its_numbers_are_taken_out() {
        FakeCorpus corpus = new FakeCorpus(Set.of("flops", "parameters"), 0.37, Map.of());
        List<Concept> named = List.of(concept("FLOPs"), concept("parameters"));
        assertEquals(new Verdict.Answered(List.of("FLOPs", "parameters")),
                new CoverageJudge(corpus.rewordedAt(0.41), THRESHOLDS).judge(named, QUESTION, () -> java.util.Optional.of(WITHOUT_NUMBERS)));
        assertInstanceOf(Verdict.Refused.class,
                new CoverageJudge(corpus.rewordedAt(0.38), THRESHOLDS).judge(named, QUESTION, () -> java.util.Optional.of(WITHOUT_NUMBERS)),
                "still too far without its numbers");
        assertInstanceOf(Verdict.Refused.class, new CoverageJudge(corpus.rewordedAt(0.41), THRESHOLDS).judge(named, QUESTION, NO_NUMBERS),
                "no numbers to take out");
    }

    @Test
    void should_not_embed_the_question_again_when_it_is_close_enough_as_asked() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("tokens"), 0.5, Map.of()), THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("tokens")), judge.judge(List.of(concept("tokens")), QUESTION, () -> {
            throw new AssertionError("the question without its numbers was embedded although the question as asked is close enough");
        }));
    }

    private static Concept name(String text) {
        return new Concept(text, List.of(text.toLowerCase(java.util.Locale.ROOT)), true);
    }

    @Test
    void should_not_refuse_a_question_about_a_name_the_corpus_discusses_however_far_it_is_in_meaning() {
        FakeCorpus corpus = new FakeCorpus(Set.of("hoffmann"), 0.15, Map.of(), Map.of(), Map.of("hoffmann", 5));
        assertEquals(new Verdict.Answered(List.of("Hoffmann")), new CoverageJudge(corpus, THRESHOLDS).judge(List.of(name("Hoffmann")), QUESTION, NO_NUMBERS));
    }

    @Test
    void should_refuse_a_name_the_corpus_mentions_once_or_a_question_that_also_names_what_it_lacks() {
        FakeCorpus corpus = new FakeCorpus(Set.of("hoffmann", "nvidia", "prompt"), 0.15, Map.of(), Map.of(),
                Map.of("hoffmann", 5, "nvidia", 1, "tokens", 90));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(name("NVIDIA")), QUESTION, NO_NUMBERS), "mentioned in passing");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(name("Hoffmann"), concept("system prompt")), QUESTION, NO_NUMBERS),
                "the question also asks about something no passage holds");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("tokens")), QUESTION, NO_NUMBERS), "a common word is not a name");
    }

    @Test
    void should_know_the_names_the_laws_go_by_though_no_passage_writes_them() {
        // abstracts do not name their authors: "Muennighoff" is only the name of a law, and "Kaplan" is also written
        FakeCorpus corpus = new FakeCorpus(Set.of("data", "repeating", "kaplan"), 0.35, Map.of(), Map.of(),
                Map.of("repeating data", 3, "kaplan", 4));
        FakeCorpus close = new FakeCorpus(corpus.vocabulary(), 0.6, Map.of());
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS, List.of(), List.of("muennighoff", "kaplan"));
        assertEquals(new Verdict.Answered(List.of("Muennighoff", "repeating data")),
                judge.judge(List.of(name("Muennighoff"), concept("repeating data")), QUESTION, NO_NUMBERS),
                "below the bar, a law's name is a name the corpus discusses");
        assertEquals(new Verdict.Answered(List.of("Muennighoff's")),
                new CoverageJudge(close, THRESHOLDS, List.of(), List.of("muennighoff")).judge(List.of(name("Muennighoff's")), QUESTION, NO_NUMBERS),
                "above the bar, it is not a missing concept, possessive or not");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(name("Muennighoff"), concept("sourdough bread")), QUESTION, NO_NUMBERS),
                "not beside something no passage holds");
        assertInstanceOf(Verdict.Partial.class,
                new CoverageJudge(close, THRESHOLDS).judge(List.of(name("Muennighoff")), QUESTION, NO_NUMBERS),
                "without the laws' names, the same name is missing");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("muennighoff")), QUESTION, NO_NUMBERS),
                "only as a proper noun");
        assertEquals(new Verdict.Partial(List.of(), List.of("Kaplan Swahili")),
                new CoverageJudge(close, THRESHOLDS, List.of(), List.of("kaplan")).judge(List.of(new Concept("Kaplan Swahili", List.of("kaplan", "swahili"), true)), QUESTION, NO_NUMBERS),
                "a law's name does not excuse a word the corpus never uses beside it");
    }

    @Test
    void should_not_refuse_a_question_on_a_topic_the_ontology_names_in_two_or_more_words() {
        FakeCorpus corpus = new FakeCorpus(Set.of("data", "quality", "quantity", "text", "test-time", "compute"), 0.36, Map.of(), Map.of(),
                Map.of("data quality", 4, "quantity", 3, "text", 29, "test-time compute", 12));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS, List.of("data quality", "Test-time compute", "text", "epochs"), List.of());
        assertEquals(new Verdict.Answered(List.of("data quality", "quantity")),
                judge.judge(List.of(concept("data quality"), concept("quantity")), QUESTION, NO_NUMBERS));
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("text")), QUESTION, NO_NUMBERS),
                "a one-word label is too common a word to tell the field by");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("data quality"), concept("poem")), QUESTION, NO_NUMBERS),
                "nor beside something no passage holds");
        assertEquals(new Verdict.Answered(List.of("test-time compute")),
                judge.judge(List.of(concept("test-time compute")), QUESTION, NO_NUMBERS),
                "labels are matched whatever their case and hyphens");
    }

    @Test
    void should_not_call_missing_what_a_cited_note_mentions() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of(), 0.6, Map.of()), THRESHOLDS);
        Verdict partial = new Verdict.Partial(List.of("batch size"), List.of("reversal", "Swahili"));
        assertEquals(new Verdict.Partial(List.of("batch size", "reversal"), List.of("Swahili")),
                judge.reconcile(partial, List.of("Why does scaling show a reversal on some tasks?")));
        assertEquals(new Verdict.Answered(List.of("batch size", "reversal", "Swahili")),
                judge.reconcile(partial, List.of("reversal", "Swahili translation")));
    }
}
