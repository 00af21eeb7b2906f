package org.scalingatlas.ask;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.question.Question;

/** Which sentences of a question far from the corpus are weighed one by one: a bounded few, never one alone. */
class SentencesWeighedTest {

    @Test
    void should_weigh_the_sentences_of_a_question_of_a_few() {
        assertEquals(List.of("Our tax bot gets hard queries.", "Should it search or revise?"),
                AskPipeline.sentencesWeighed(Question.of("Our tax bot gets hard queries. Should it search or revise?")));
    }

    @Test
    void should_weigh_none_of_a_question_of_one_sentence() {
        assertEquals(List.of(), AskPipeline.sentencesWeighed(Question.of("Should our tax bot search or revise?")));
    }

    @Test
    void should_weigh_none_of_a_text_of_more_sentences_than_a_question_has() {
        String many = "Scale. ".repeat(AskPipeline.SENTENCES_WEIGHED + 1).strip();
        assertEquals(AskPipeline.SENTENCES_WEIGHED + 1, Question.of(many).sentences().size());
        assertEquals(List.of(), AskPipeline.sentencesWeighed(Question.of(many)), "one embedding a sentence would be unbounded work");
        assertEquals(AskPipeline.SENTENCES_WEIGHED, AskPipeline.sentencesWeighed(Question.of("Scale. ".repeat(AskPipeline.SENTENCES_WEIGHED).strip())).size());
    }
}
