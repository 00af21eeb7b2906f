package org.scalingatlas.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.scalingatlas.question.Concept;

/**
 * The judge's three decisions on a fake corpus: a vocabulary, a closest-note similarity, phrase and term similarities,
 * passage counts, and how close the question comes without some of its words.
 */
class CoverageJudgeTest {

    private static final CoverageJudge.Thresholds THRESHOLDS = new CoverageJudge.Thresholds(0.4, 0.6, 0.75, 0.04, 0.5);

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

        /** The fake's passage counts are of phrases written word for word. */
        @Override
        public int passagesWriting(List<String> words) {
            return passagesHolding(words);
        }

        @Override
        public boolean uses(String word) {
            return vocabulary.contains(word);
        }

        /** Lower case, plurals folded as the index's light analysis folds them ("queries" → query, "knobs" → knob). */
        @Override
        public List<String> folded(String text) {
            return java.util.Arrays.stream(text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(word -> !word.isEmpty())
                    .map(word -> word.endsWith("ies") && word.length() > 4 ? word.substring(0, word.length() - 3) + "y"
                            : word.endsWith("s") && !word.endsWith("ss") && word.length() > 3 ? word.substring(0, word.length() - 1) : word)
                    .toList();
        }

        @Override
        public boolean mentions(String text, String phrase) {
            return text.toLowerCase(java.util.Locale.ROOT).contains(phrase.toLowerCase(java.util.Locale.ROOT));
        }

        @Override
        public double closestNote(float[] vector) {
            if (vector.length == 1) {
                return vector[0];
            }
            return vector == WITHOUT_NUMBERS ? reworded : closestNote;
        }

        @Override
        public double closestPassage(String phrase) {
            return phrases.getOrDefault(phrase, 0.0);
        }

        /** No clause of a cited note is close to a phrase unless {@link #CLAUSES} says so. */
        @Override
        public double closestClause(String phrase, List<String> texts) {
            return CLAUSES.getOrDefault(phrase, 0.0);
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
    private static final Supplier<Optional<float[]>> NO_NUMBERS = Optional::empty;
    /** Leaving words out of the question does not move its meaning. */
    private static final Function<Collection<String>, Optional<float[]>> UNMOVED = words -> Optional.of(QUESTION);
    /** A question without numbers, whose meaning no word moves. */
    private static final QuestionMeaning AS_ASKED = new QuestionMeaning(QUESTION, NO_NUMBERS, UNMOVED);

    /**
     * A question without numbers that comes this close to the corpus's closest note without these words (the fake corpus
     * reads a one-component embedding as its closeness), and as close as asked without any other.
     */
    private static QuestionMeaning movedWithout(List<String> words, double closeness) {
        return new QuestionMeaning(QUESTION, NO_NUMBERS, left -> Optional.of(List.copyOf(left).equals(words) ? new float[] {(float) closeness} : QUESTION));
    }

    private static Concept concept(String text) {
        return new Concept(text, List.of(text.toLowerCase(java.util.Locale.ROOT).split(" ")));
    }

    @Test
    void should_refuse_a_question_no_note_comes_close_to_whatever_words_it_shares() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("tokens", "scale"), 0.39, Map.of()), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("tokens"), concept("scale")), AS_ASKED, Set.of(), false);
        assertInstanceOf(Verdict.Refused.class, verdict);
    }

    @Test
    void should_read_a_units_short_form_as_the_quantity_it_names_wherever_it_stands() {
        // "how many training toks at the optimum?": "toks" holds no number here, yet shortens "tokens", which the corpus uses
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("training", "tokens", "optimum"), 0.7, Map.of()), THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("training toks", "optimum")),
                judge.judge(List.of(concept("training toks"), concept("optimum")), AS_ASKED, Set.of(), false));
        CoverageJudge without = new CoverageJudge(new FakeCorpus(Set.of("training", "optimum"), 0.7, Map.of()), THRESHOLDS);
        assertInstanceOf(Verdict.Partial.class, without.judge(List.of(concept("training toks"), concept("optimum")), AS_ASKED, Set.of(), false),
                "a corpus that names no tokens lacks them");
    }

    @Test
    void should_list_a_concept_named_twice_once() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("tokens"), 0.7, Map.of()), THRESHOLDS);
        assertEquals(new Verdict.Partial(List.of("tokens"), List.of("Exercise")),
                judge.judge(List.of(concept("Exercise"), concept("tokens"), concept("tokens"), concept("exercise")), AS_ASKED, Set.of(), false));
    }

    @Test
    void should_read_a_short_form_as_the_word_it_stands_for() {
        // "with the consts as printed, what's the avg error?": "consts" and "avg" are constants and average
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("constants", "average", "error"), 0.7, Map.of()), THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("consts", "avg error")),
                judge.judge(List.of(concept("consts"), concept("avg error")), AS_ASKED, Set.of(), false));
        CoverageJudge without = new CoverageJudge(new FakeCorpus(Set.of("error"), 0.7, Map.of()), THRESHOLDS);
        assertInstanceOf(Verdict.Partial.class, without.judge(List.of(concept("consts"), concept("avg error")), AS_ASKED, Set.of(), false),
                "a corpus that uses neither word lacks them");
    }

    @Test
    void should_answer_when_every_named_concept_is_in_the_corpus() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("batch", "size", "learning", "rate"), 0.7, Map.of()), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("batch size"), concept("learning rate")), AS_ASKED, Set.of(), false);
        assertEquals(new Verdict.Answered(List.of("batch size", "learning rate")), verdict);
    }

    @Test
    void should_name_an_absent_concept_in_the_users_words_and_keep_the_present_ones() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("batch", "size"), 0.55, Map.of("Cerebras systems", 0.3)), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("batch size"), new Concept("Cerebras systems", List.of("cerebras", "systems"))), AS_ASKED, Set.of(), false);
        assertEquals(new Verdict.Partial(List.of("batch size"), List.of("Cerebras systems")), verdict);
    }

    @Test
    void should_count_a_concept_as_present_when_a_passage_is_close_to_it_in_meaning() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("scaling"), 0.6, Map.of("minibatch noise", 0.65)), THRESHOLDS);
        Verdict verdict = judge.judge(List.of(concept("minibatch noise")), AS_ASKED, Set.of(), false);
        assertEquals(new Verdict.Answered(List.of("minibatch noise")), verdict);
    }

    @Test
    void should_count_a_concept_as_present_when_a_term_of_the_corpus_names_it_in_other_words() {
        FakeCorpus corpus = new FakeCorpus(Set.of("scaling"), 0.6, Map.of("reversal", 0.3, "chess engines", 0.3),
                Map.of("reversal", 0.85, "chess engines", 0.74));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Partial(List.of("reversal"), List.of("chess engines")),
                judge.judge(List.of(concept("reversal"), concept("chess engines")), AS_ASKED, Set.of(), false));
    }

    @Test
    void should_call_a_name_the_corpus_never_writes_missing_however_close_it_comes_in_meaning() {
        // "DeepSeek-V3" comes within 0.85 of "deepseek-v2", a word of the corpus: another model, not a paraphrase
        FakeCorpus corpus = new FakeCorpus(Set.of("deepseek", "models", "qwen3"), 0.6, Map.of("DeepSeek-V3 models", 0.65, "Qwen4", 0.3),
                Map.of("DeepSeek-V3 models", 0.85, "Qwen4", 0.9));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Partial(List.of(), List.of("DeepSeek-V3 models", "Qwen4")),
                judge.judge(List.of(concept("DeepSeek-V3 models"), concept("Qwen4")), AS_ASKED, Set.of(), false));
        assertEquals(new Verdict.Answered(List.of("reversal")), new CoverageJudge(new FakeCorpus(Set.of(), 0.6, Map.of(), Map.of("reversal", 0.85)),
                THRESHOLDS).judge(List.of(concept("reversal")), AS_ASKED, Set.of(), false), "as close, a word in lower case is said in other words");
    }

    @Test
    void should_hold_a_name_with_a_version_only_where_a_passage_writes_it_in_some_spelling() {
        // the corpus uses "phi" (a Greek letter in a law) and "3", never "Phi-3"
        FakeCorpus apart = new FakeCorpus(Set.of("phi", "3", "1", "models", "top", "accuracy"), 0.6, Map.of());
        CoverageJudge judge = new CoverageJudge(apart, THRESHOLDS);
        assertEquals(new Verdict.Partial(List.of(), List.of("Phi-3 models")), judge.judge(List.of(concept("Phi-3 models")), AS_ASKED, Set.of(), false));
        assertEquals(new Verdict.Answered(List.of("top-1 accuracy")), judge.judge(List.of(concept("top-1 accuracy")), AS_ASKED, Set.of(), false),
                "a word in lower case before the number is no name");
        FakeCorpus written = new FakeCorpus(Set.of("phi", "3", "models", "gpt", "4"), 0.6, Map.of(), Map.of(), Map.of("phi 3", 2, "gpt 4", 5));
        CoverageJudge writing = new CoverageJudge(written, THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("Phi-3 models", "GPT4")),
                writing.judge(List.of(concept("Phi-3 models"), concept("GPT4")), AS_ASKED, Set.of(), false), "written \"Phi 3\" and \"GPT-4\"");
    }

    @Test
    void should_not_look_for_terms_when_every_word_of_a_concept_is_used() {
        FakeCorpus corpus = new FakeCorpus(Set.of("batch", "size"), 0.6, Map.of(), Map.of()); // no passage or term close to anything
        assertEquals(new Verdict.Answered(List.of("batch size")), new CoverageJudge(corpus, THRESHOLDS).judge(List.of(concept("batch size")), AS_ASKED, Set.of(), false));
    }

    @Test
    void should_refuse_with_its_own_reason_when_nothing_is_named() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of(), 0.1, Map.of()), THRESHOLDS);
        Verdict.Refused refused = assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(), AS_ASKED, Set.of(), false));
        assertEquals("the question names nothing the corpus could be searched for", refused.reason());
    }

    @Test
    void should_not_refuse_a_question_that_comes_close_once_its_numbers_are_taken_out() {
        FakeCorpus corpus = new FakeCorpus(Set.of("flops", "parameters"), 0.37, Map.of());
        List<Concept> named = List.of(concept("FLOPs"), concept("parameters"));
        assertEquals(new Verdict.Answered(List.of("FLOPs", "parameters")),
                new CoverageJudge(corpus.rewordedAt(0.41), THRESHOLDS).judge(named, new QuestionMeaning(QUESTION, () -> Optional.of(WITHOUT_NUMBERS), UNMOVED), Set.of(), false));
        assertInstanceOf(Verdict.Refused.class,
                new CoverageJudge(corpus.rewordedAt(0.38), THRESHOLDS).judge(named, new QuestionMeaning(QUESTION, () -> Optional.of(WITHOUT_NUMBERS), UNMOVED), Set.of(), false),
                "still too far without its numbers");
        assertInstanceOf(Verdict.Refused.class, new CoverageJudge(corpus.rewordedAt(0.41), THRESHOLDS).judge(named, AS_ASKED, Set.of(), false),
                "no numbers to take out");
    }

    @Test
    void should_not_embed_the_question_without_its_numbers_when_a_law_computes_what_it_asks() {
        // "step law peak lr for 3B params, 600B toks?" is far from every note, and kept for the law that answers it: the
        // other wording would cost an embedding for nothing
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("lr"), 0.2, Map.of()), THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("lr")), judge.judge(List.of(concept("lr")), new QuestionMeaning(QUESTION, () -> {
            throw new AssertionError("the question without its numbers was embedded although a law computes what it asks");
        }, UNMOVED), Set.of(), true));
    }

    @Test
    void should_not_embed_the_question_again_when_it_is_close_enough_as_asked() {
        CoverageJudge judge = new CoverageJudge(new FakeCorpus(Set.of("tokens"), 0.5, Map.of()), THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("tokens")), judge.judge(List.of(concept("tokens")), new QuestionMeaning(QUESTION, () -> {
            throw new AssertionError("the question without its numbers was embedded although the question as asked is close enough");
        }, UNMOVED), Set.of(), false));
    }

    private static Concept name(String text) {
        return new Concept(text, List.of(text.toLowerCase(java.util.Locale.ROOT)), true);
    }

    @Test
    void should_not_refuse_a_question_about_a_name_the_corpus_discusses_however_far_it_is_in_meaning() {
        FakeCorpus corpus = new FakeCorpus(Set.of("hoffmann"), 0.15, Map.of(), Map.of(), Map.of("hoffmann", 5));
        assertEquals(new Verdict.Answered(List.of("Hoffmann")), new CoverageJudge(corpus, THRESHOLDS).judge(List.of(name("Hoffmann")), AS_ASKED, Set.of(), false));
    }

    @Test
    void should_refuse_a_name_the_corpus_mentions_once_or_a_question_that_also_names_what_it_lacks() {
        FakeCorpus corpus = new FakeCorpus(Set.of("hoffmann", "nvidia", "prompt"), 0.15, Map.of(), Map.of(),
                Map.of("hoffmann", 5, "nvidia", 1, "tokens", 90));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(name("NVIDIA")), AS_ASKED, Set.of(), false), "mentioned in passing");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(name("Hoffmann"), concept("system prompt")), AS_ASKED, Set.of(), false),
                "the question also asks about something no passage holds");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("tokens")), AS_ASKED, Set.of(), false), "a common word is not a name");
    }

    @Test
    void should_know_the_names_the_laws_go_by_though_no_passage_writes_them() {
        // abstracts do not name their authors: "Muennighoff" is only the name of a law, and "Kaplan" is also written
        FakeCorpus corpus = new FakeCorpus(Set.of("data", "repeating", "kaplan"), 0.35, Map.of(), Map.of(),
                Map.of("repeating data", 3, "kaplan", 4));
        FakeCorpus close = new FakeCorpus(corpus.vocabulary(), 0.6, Map.of());
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS, List.of(), List.of("muennighoff", "kaplan"), CompoundNouns.NONE);
        assertEquals(new Verdict.Answered(List.of("Muennighoff", "repeating data")),
                judge.judge(List.of(name("Muennighoff"), concept("repeating data")), AS_ASKED, Set.of(), false),
                "below the bar, a law's name is a name the corpus discusses");
        assertEquals(new Verdict.Answered(List.of("Muennighoff's")),
                new CoverageJudge(close, THRESHOLDS, List.of(), List.of("muennighoff"), CompoundNouns.NONE).judge(List.of(name("Muennighoff's")), AS_ASKED, Set.of(), false),
                "above the bar, it is not a missing concept, possessive or not");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(name("Muennighoff"), concept("sourdough bread")), AS_ASKED, Set.of(), false),
                "not beside something no passage holds");
        assertEquals(new Verdict.Answered(List.of("Muennighoff", "PF-days")),
                judge.judge(List.of(name("Muennighoff"), new Concept("PF-days", List.of("pf-days"))), AS_ASKED, Set.of("pf-days"), false),
                "beside the unit of a number the question states (\"after 50 PF-days\"), which no passage need hold");
        assertInstanceOf(Verdict.Partial.class,
                new CoverageJudge(close, THRESHOLDS).judge(List.of(name("Muennighoff")), AS_ASKED, Set.of(), false),
                "without the laws' names, the same name is missing");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("muennighoff")), AS_ASKED, Set.of(), false),
                "only as a proper noun");
        assertEquals(new Verdict.Partial(List.of(), List.of("Kaplan Swahili")),
                new CoverageJudge(close, THRESHOLDS, List.of(), List.of("kaplan"), CompoundNouns.NONE).judge(List.of(new Concept("Kaplan Swahili", List.of("kaplan", "swahili"), true)), AS_ASKED, Set.of(), false),
                "a law's name does not excuse a word the corpus never uses beside it");
    }

    @Test
    void should_not_refuse_a_question_on_a_topic_the_ontology_names_in_two_or_more_words() {
        FakeCorpus corpus = new FakeCorpus(Set.of("data", "quality", "quantity", "text", "test-time", "compute"), 0.36, Map.of(), Map.of(),
                Map.of("data quality", 4, "quantity", 3, "text", 29, "test-time compute", 12));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS, List.of("data quality", "Test-time compute", "text", "epochs"), List.of(), CompoundNouns.NONE);
        assertEquals(new Verdict.Answered(List.of("data quality", "quantity")),
                judge.judge(List.of(concept("data quality"), concept("quantity")), AS_ASKED, Set.of(), false));
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("text")), AS_ASKED, Set.of(), false),
                "a one-word label is too common a word to tell the field by");
        assertInstanceOf(Verdict.Refused.class, judge.judge(List.of(concept("data quality"), concept("poem")), AS_ASKED, Set.of(), false),
                "nor beside something no passage holds");
        assertEquals(new Verdict.Answered(List.of("test-time compute")),
                judge.judge(List.of(concept("test-time compute")), AS_ASKED, Set.of(), false),
                "labels are matched whatever their case and hyphens");
    }

    @Test
    void should_call_a_qualifier_the_corpus_lacks_missing_only_when_the_question_without_it_comes_closer_to_the_corpus() {
        FakeCorpus corpus = new FakeCorpus(Set.of("vocabulary", "neural", "networks", "engines"), 0.6, Map.of());
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        Concept shrunken = new Concept("shrunken vocabulary", List.of("shrunken", "vocabulary"), false, List.of("shrunken"));
        Concept spiking = new Concept("spiking neural networks", List.of("spiking", "neural", "networks"), false, List.of("spiking"));
        assertEquals(new Verdict.Answered(List.of("shrunken vocabulary")),
                judge.judge(List.of(shrunken), movedWithout(List.of("shrunken"), 0.62), Set.of(), false),
                "says what kind of vocabulary, in a question the corpus answers");
        assertEquals(new Verdict.Partial(List.of(), List.of("spiking neural networks")),
                judge.judge(List.of(spiking), movedWithout(List.of("spiking"), 0.65), Set.of(), false),
                "says what kind of network the corpus does not study");
        assertEquals(new Verdict.Partial(List.of(), List.of("chess engines")),
                judge.judge(List.of(concept("chess engines")), AS_ASKED, Set.of(), false),
                "a noun the corpus lacks is missing however little it moves the question");
    }

    @Test
    void should_know_a_hyphenated_word_whose_parts_beside_its_numbers_the_corpus_uses() {
        FakeCorpus corpus = new FakeCorpus(Set.of("sub", "parameter", "lm", "context", "model"), 0.6, Map.of());
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("sub-500M-parameter LM", "128k-context model")),
                judge.judge(List.of(concept("sub-500M-parameter LM"), concept("128k-context model")), AS_ASKED, Set.of(), false));
        assertEquals(new Verdict.Partial(List.of(), List.of("500M-widget LM")),
                judge.judge(List.of(concept("500M-widget LM")), AS_ASKED, Set.of(), false), "a part the corpus lacks beside the number");
        assertEquals(new Verdict.Partial(List.of(), List.of("H100")), judge.judge(List.of(concept("H100")), AS_ASKED, Set.of(), false),
                "no hyphen: a name, not a number");
    }

    @Test
    void should_know_a_hyphenated_word_whose_parts_the_corpus_uses_as_it_knows_the_parts_written_apart() {
        FakeCorpus corpus = new FakeCorpus(Set.of("dlrm", "style", "models", "class"), 0.6, Map.of());
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("DLRM-style models")), judge.judge(List.of(concept("DLRM-style models")), AS_ASKED, Set.of(), false));
        assertEquals(new Verdict.Partial(List.of(), List.of("Gemini-class models")),
                judge.judge(List.of(concept("Gemini-class models")), AS_ASKED, Set.of(), false), "a part the corpus lacks");
    }

    @Test
    void should_count_a_hyphenated_word_known_in_parts_as_held_as_often_as_its_rarest_part() {
        // no passage writes "GPT style" or "Gemini class"; GPT is common, Gemini is named once
        Map<String, Integer> held = Map.of("gpt", 22, "style", 30, "gemini", 1, "class", 12, "decoder", 40);
        FakeCorpus corpus = new FakeCorpus(Set.of("gpt", "style", "gemini", "class", "decoder"), 0.6, Map.of(), Map.of(), held);
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("GPT-style decoder")),
                judge.judge(List.of(concept("GPT-style decoder")), movedWithout(List.of("gpt-style"), 0.66), Set.of(), false),
                "as common as GPT, however much it pulls");
        assertEquals(new Verdict.Partial(List.of(), List.of("Gemini-class decoder")),
                judge.judge(List.of(concept("Gemini-class decoder")), movedWithout(List.of("gemini-class"), 0.66), Set.of(), false),
                "as rare as Gemini, and it pulls");
    }

    @Test
    void should_count_a_name_in_the_possessive_as_held_where_the_name_is() {
        // four passages write "GPT-4"; the index uses "GPT-4's" as its analysis reads the possessive off, but no passage
        // holds the phrase a question about its training run writes
        Map<String, Integer> held = Map.of("gpt-4", 4, "training", 40);
        FakeCorpus corpus = new FakeCorpus(Set.of("gpt-4", "gpt-4's", "training"), 0.6, Map.of(), Map.of(), held);
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        assertEquals(new Verdict.Answered(List.of("GPT-4's training")),
                judge.judge(List.of(concept("GPT-4's training")), movedWithout(List.of("gpt-4's"), 0.66), Set.of(), false),
                "as common as GPT-4, however much it pulls");
    }

    /** WordNet, as far as these tests need it: "search engine" and "civil engineering" are one noun each. */
    private static final CompoundNouns ENGLISH = words -> Set.of("search engine", "civil engineering").contains(String.join(" ", words));

    @Test
    void should_call_a_compound_noun_missing_when_no_passage_writes_its_words_together_and_it_pulls() {
        // "search" and "engine" are common words of the corpus; a search engine is nothing it studies
        Concept engine = concept("search engine");
        FakeCorpus corpus = new FakeCorpus(Set.of("search", "engine", "budget"), 0.6, Map.of(), Map.of(), Map.of("search", 20, "engine", 6, "budget", 30));
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS, List.of(), List.of(), ENGLISH);
        QuestionMeaning pulled = movedWithout(List.of("search", "engine"), 0.65);
        assertEquals(new Verdict.Partial(List.of(), List.of("search engine")), judge.judge(List.of(engine), pulled, Set.of(), false));
        assertEquals(new Verdict.Answered(List.of("search engine")), judge.judge(List.of(engine), movedWithout(List.of("search", "engine"), 0.62), Set.of(), false),
                "a compound that does not pull the question away from the corpus");
        assertEquals(new Verdict.Answered(List.of("search engine")),
                new CoverageJudge(corpus, THRESHOLDS).judge(List.of(engine), pulled, Set.of(), false), "words no lexicon joins are judged one by one");
        assertEquals(new Verdict.Answered(List.of("search budget")), judge.judge(List.of(concept("search budget")), movedWithout(List.of("search", "budget"), 0.65),
                Set.of(), false), "a free combination of the corpus's words");
        FakeCorpus written = new FakeCorpus(corpus.vocabulary(), 0.6, Map.of(), Map.of(), Map.of("search", 20, "engine", 6, "search engine", 1));
        assertEquals(new Verdict.Answered(List.of("search engine")),
                new CoverageJudge(written, THRESHOLDS, List.of(), List.of(), ENGLISH).judge(List.of(engine), pulled, Set.of(), false),
                "a compound one passage writes");
        assertEquals(new Verdict.Answered(List.of("search engine")),
                new CoverageJudge(corpus, THRESHOLDS, List.of("search engine"), List.of(), ENGLISH).judge(List.of(engine), pulled, Set.of(), false),
                "one of the field's own topics, as the ontology words it");
    }

    @Test
    void should_call_a_compound_noun_missing_when_its_qualifier_is_a_word_the_corpus_never_uses() {
        // "civil" qualifies nothing here: "civil engineering" is one noun, a field the corpus does not study, however close
        // its other word ("engineering") comes to the corpus's terms
        Concept field = new Concept("civil engineering", List.of("civil", "engineering"), false, List.of("civil"));
        FakeCorpus corpus = new FakeCorpus(Set.of("engineering"), 0.6, Map.of(), Map.of("civil engineering", 0.8), Map.of("engineering", 12));
        assertEquals(new Verdict.Partial(List.of(), List.of("civil engineering")),
                new CoverageJudge(corpus, THRESHOLDS, List.of(), List.of(), ENGLISH).judge(List.of(field), AS_ASKED, Set.of(), false));
        assertEquals(new Verdict.Answered(List.of("civil engineering")), new CoverageJudge(corpus, THRESHOLDS).judge(List.of(field), AS_ASKED, Set.of(), false),
                "read word by word, a word of the corpus close to the phrase names it in other words");
        FakeCorpus close = new FakeCorpus(Set.of("engineering"), 0.6, Map.of("civil engineering", 0.65), Map.of(), Map.of("engineering", 12));
        assertEquals(new Verdict.Answered(List.of("civil engineering")),
                new CoverageJudge(close, THRESHOLDS, List.of(), List.of(), ENGLISH).judge(List.of(field), AS_ASKED, Set.of(), false),
                "a passage close to the compound in meaning holds it without its words");
    }

    @Test
    void should_call_a_word_one_passage_mentions_in_passing_missing_when_the_question_without_it_comes_closer_to_the_corpus() {
        Concept robotics = concept("robotics control policies");
        Map<String, Integer> held = Map.of("robotics", 1, "control", 14, "policies", 9);
        FakeCorpus corpus = new FakeCorpus(Set.of("robotics", "control", "policies"), 0.6, Map.of(), Map.of(), held);
        CoverageJudge judge = new CoverageJudge(corpus, THRESHOLDS);
        QuestionMeaning pulled = movedWithout(List.of("robotics"), 0.66);
        assertEquals(new Verdict.Partial(List.of(), List.of("robotics control policies")), judge.judge(List.of(robotics), pulled, Set.of(), false));
        assertEquals(new Verdict.Answered(List.of("robotics control policies")),
                judge.judge(List.of(robotics), movedWithout(List.of("robotics"), 0.61), Set.of(), false), "a word that does not pull");
        FakeCorpus twice = new FakeCorpus(corpus.vocabulary(), 0.6, Map.of(), Map.of(), Map.of("robotics", 2, "control", 14, "policies", 9));
        assertEquals(new Verdict.Answered(List.of("robotics control policies")),
                new CoverageJudge(twice, THRESHOLDS).judge(List.of(robotics), pulled, Set.of(), false), "a word two passages hold");
        assertEquals(new Verdict.Answered(List.of("robotics control policies")),
                new CoverageJudge(corpus, THRESHOLDS, List.of("robotics", "control policies"), List.of(), CompoundNouns.NONE).judge(List.of(robotics), pulled, Set.of(), false),
                "a word the ontology's labels write is not mentioned in passing");
        FakeCorpus labelledOnly = new FakeCorpus(Set.of("snapshots", "spiking", "networks"), 0.6, Map.of(), Map.of(), Map.of("networks", 40));
        CoverageJudge byLabels = new CoverageJudge(labelledOnly, THRESHOLDS, List.of("snapshots", "loss spikes"), List.of(), CompoundNouns.NONE);
        assertEquals(new Verdict.Answered(List.of("snapshots")), byLabels.judge(List.of(concept("snapshots")), movedWithout(List.of("snapshots"), 0.7),
                Set.of(), false), "known from the labels alone, held by no passage");
        assertEquals(new Verdict.Partial(List.of(), List.of("spiking networks")),
                byLabels.judge(List.of(concept("spiking networks")), movedWithout(List.of("spiking"), 0.7), Set.of(), false),
                "held by no passage and only inflected by a label: still mentioned in passing when it pulls");
        FakeCorpus knobs = new FakeCorpus(Set.of("knob", "knobs", "scaling", "query"), 0.6, Map.of(), Map.of(), Map.of("scaling", 90));
        CoverageJudge byPlurals = new CoverageJudge(knobs, THRESHOLDS, List.of("knobs", "queries"), List.of(), CompoundNouns.NONE);
        assertEquals(new Verdict.Answered(List.of("scaling knob")), byPlurals.judge(List.of(concept("scaling knob")), movedWithout(List.of("knob"), 0.7),
                Set.of(), false), "the singular of a noun the labels write in the plural");
        assertEquals(new Verdict.Answered(List.of("query")), byPlurals.judge(List.of(concept("query")), movedWithout(List.of("query"), 0.7),
                Set.of(), false), "a plural in -ies");
        Concept rag = concept("retrieval-augmented generation");
        FakeCorpus once = new FakeCorpus(Set.of("retrieval-augmented", "generation"), 0.6, Map.of(), Map.of(),
                Map.of("retrieval-augmented", 1, "generation", 30));
        QuestionMeaning pulledByRag = movedWithout(List.of("retrieval-augmented"), 0.66);
        assertEquals(new Verdict.Partial(List.of(), List.of("retrieval-augmented generation")),
                new CoverageJudge(once, THRESHOLDS).judge(List.of(rag), pulledByRag, Set.of(), false));
        assertEquals(new Verdict.Answered(List.of("retrieval-augmented generation")),
                new CoverageJudge(once, THRESHOLDS, List.of("Retrieval-augmented generation"), List.of(), CompoundNouns.NONE).judge(List.of(rag), pulledByRag, Set.of(), false),
                "one of the field's own topics, as the ontology words it, is never mentioned in passing");
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

    /** How close the closest clause of the cited notes comes to these phrases, in the fake corpus; 0 for any other. */
    private static final Map<String, Double> CLAUSES = Map.of("kernel ridge regression", 0.66, "DNA language models", 0.45, "Phi-3 models", 0.66);

    @Test
    void should_not_call_missing_what_a_clause_of_a_cited_note_says_in_other_words() {
        FakeCorpus corpus = new FakeCorpus(Set.of(), 0.6, Map.of());
        Verdict partial = new Verdict.Partial(List.of("self-distillation"), List.of("kernel ridge regression", "DNA language models"));
        List<String> cited = List.of("In kernel regression with l2 regularisation, every round mixes in the labels.");
        assertEquals(new Verdict.Partial(List.of("self-distillation", "kernel ridge regression"), List.of("DNA language models")),
                new CoverageJudge(corpus, THRESHOLDS).reconcile(partial, cited));
        assertEquals(partial, new CoverageJudge(corpus, new CoverageJudge.Thresholds(0.4, 0.6, 0.75, 0.04, 0.7)).reconcile(partial, cited),
                "below the bar, a clause says something else");
    }

    @Test
    void should_not_let_a_clause_of_a_cited_note_say_a_name_the_corpus_never_writes() {
        FakeCorpus corpus = new FakeCorpus(Set.of("phi", "3", "models"), 0.6, Map.of());
        Verdict partial = new Verdict.Partial(List.of(), List.of("Phi-3 models"));
        assertEquals(partial, new CoverageJudge(corpus, THRESHOLDS).reconcile(partial, List.of("Small models trained on 3T tokens of textbook data.")),
                "a clause about small models is no note on Phi-3, however close");
    }
}
