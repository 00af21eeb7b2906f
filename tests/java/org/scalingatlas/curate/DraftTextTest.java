package org.scalingatlas.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The text rules of a draft: sentences as they stand, quotes verbatim, copied runs, question titles. */
class DraftTextTest {

    @Test
    void should_split_an_abstract_into_its_exact_sentences() {
        String text = "Loss falls with size, e.g. from 1.2 to 0.9 nats. Kaplan et al. disagree!  We find (Fig. 2) a 3× gain. \"Quoted.\" Last one";
        List<String> sentences = Sentences.of(text);
        assertEquals(List.of("Loss falls with size, e.g. from 1.2 to 0.9 nats.", "Kaplan et al. disagree!", "We find (Fig. 2) a 3× gain.",
                "\"Quoted.\"", "Last one"), sentences);
        sentences.forEach(s -> assertTrue(text.contains(s), s));
    }

    @Test
    void should_find_a_quote_whatever_its_white_space_and_return_the_text_as_written() {
        String text = "First sentence.  We find a  power law. End.";
        assertEquals(Optional.of("We find a  power law."), Sentences.verbatim(text, "We find a\npower  law."));
        assertEquals(Optional.empty(), Sentences.verbatim(text, "We find a power-law."));
        assertEquals(Optional.empty(), Sentences.verbatim(text, "   "));
    }

    @Test
    void should_find_the_first_shared_run_of_words_ignoring_case_and_punctuation() {
        String source = "We find that loss falls as a power law in width.";
        assertEquals(Optional.of("loss falls as a power law in width"), Sentences.sharedRun("So, Loss falls as a power law in width!", source, 8));
        assertEquals(Optional.empty(), Sentences.sharedRun("Loss falls as a power law in depth.", source, 8));
    }

    @Test
    void should_keep_result_sentences_and_leave_the_background() {
        List<String> picked = ResultSentences.of(Sentences.of(DraftCorpus.ABSTRACT));
        assertTrue(picked.contains(FakeChat.GOOD_QUOTE), picked.toString());
        assertFalse(picked.stream().anyMatch(s -> s.startsWith("Scaling laws guide") || s.startsWith("We study")), picked.toString());
        assertEquals(List.of(), ResultSentences.of(List.of("We study attention.", "This paper is about heads.")));
    }

    @Test
    void should_make_a_question_from_the_titles_words() {
        assertEquals("What scaling laws hold for neural language models?", QuestionTitles.of("Scaling Laws for Neural Language Models"));
        assertEquals("Are Emergent Abilities of Large Language Models a Mirage?", QuestionTitles.of("Are Emergent Abilities of Large Language Models a Mirage?"));
        assertEquals("Is model collapse a change of scaling laws?", QuestionTitles.of("A Tale of Tails: Model Collapse as a Change of Scaling Laws"));
        assertEquals("Is attention all you need?", QuestionTitles.of("Attention Is All You Need"));
        assertEquals("What is learned from training compute-optimal large language models?", QuestionTitles.of("Training Compute-Optimal Large Language Models"));
        assertEquals("What does this paper find about compute-optimal training?", QuestionTitles.of("A Fixture Study of Compute-Optimal Training"));
        assertEquals("What does this paper find about MobileLLM?", QuestionTitles.of("MobileLLM"));
        assertEquals("What do data-constrained scaling laws show?", QuestionTitles.of("Data-Constrained Scaling Laws"));
        for (String title : List.of("Scaling Laws for Neural Language Models", "A Tale of Tails: Model Collapse as a Change of Scaling Laws", "MobileLLM")) {
            assertTrue(QuestionTitles.isQuestion(QuestionTitles.of(title)), title);
        }
    }

    @Test
    void should_accept_only_one_question_as_a_title() {
        assertTrue(QuestionTitles.isQuestion("At what scale do emergent abilities appear?"));
        assertFalse(QuestionTitles.isQuestion("Attention heads and loss"));
        assertFalse(QuestionTitles.isQuestion("Heads matter?"));
        assertFalse(QuestionTitles.isQuestion("Does it scale? Does it help?"));
        assertFalse(QuestionTitles.isQuestion("Loss is lower with more heads, right?"));
        assertFalse(QuestionTitles.isQuestion(null));
    }
}
