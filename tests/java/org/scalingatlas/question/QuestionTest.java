package org.scalingatlas.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionTest {

    @Test
    void should_take_out_the_numbers_that_stand_alone_and_keep_those_inside_names() {
        assertEquals(java.util.Optional.of("How should I split FLOPs between parameters and data?"),
                Question.of("How should I split 1e23 FLOPs between parameters and data?").withoutNumbers());
        assertEquals(java.util.Optional.of("What loss for a model on tokens, at FLOPs?"),
                Question.of("What loss for a 70B model on 1.4 trillion tokens, at 10^24 FLOPs?").withoutNumbers());
        assertEquals(java.util.Optional.of("Can GPT-4 or Qwen2.5-32B beat Llama-2-13B by 2.7–4.3% with steps?"),
                Question.of("Can GPT-4 or Qwen2.5-32B beat Llama-2-13B by 2.7–4.3% with 2,000 steps?").withoutNumbers());
        assertEquals(java.util.Optional.empty(), Question.of("Does depth matter more than width?").withoutNumbers(), "no numbers");
        assertEquals(java.util.Optional.empty(), Question.of("1e23").withoutNumbers(), "nothing left");
    }

    @Test
    void should_refuse_empty_long_and_control_character_questions_with_the_reason() {
        assertEquals("the question is empty", assertThrows(InvalidQuestionException.class, () -> Question.of(null)).getMessage());
        assertEquals("the question is empty", assertThrows(InvalidQuestionException.class, () -> Question.of(" \t\n ")).getMessage());
        assertTrue(assertThrows(InvalidQuestionException.class, () -> Question.of("x".repeat(100_000))).getMessage()
                .contains("100000 characters long; ask in at most 500"));
        assertTrue(assertThrows(InvalidQuestionException.class, () -> Question.of("why\u0000 scaling")).getMessage()
                .contains("control character (U+0000) at position 4"));
        for (String invisible : new String[] {"\u202e", " \u200b\u200d ", "\u00a0\u2028", "\ud83d", "\ue000"}) {
            assertEquals("the question has no visible characters, only spaces or formatting marks",
                    assertThrows(InvalidQuestionException.class, () -> Question.of(invisible)).getMessage(), invisible);
        }
        assertEquals("\u202escaling", Question.of("\u202escaling").text(), "a formatting mark beside words is kept");
    }

    @Test
    void should_refuse_a_question_of_only_combining_marks_or_replacement_characters_in_words() {
        // the embedding model's tokenizer drops these: the model was given no token and failed (a 500, issue #13)
        for (String nothing : new String[] {"\u0301", "\uFFFD", " \u0301\u0308 ", "\uFFFD\uFFFD\u200b", "\u20dd", "\u0903"}) {
            String message = assertThrows(InvalidQuestionException.class, () -> Question.of(nothing)).getMessage();
            assertTrue(message.startsWith("the question has no letters, digits or symbols to search for"), message);
        }
        assertEquals("e\u0301tude", Question.of("e\u0301tude").text(), "a mark on a letter is kept");
        assertEquals("\uFFFD scaling", Question.of("\uFFFD scaling").text(), "a replacement character beside words is kept");
    }

    @Test
    void should_refuse_half_of_a_surrogate_pair_beside_words() {
        String message = assertThrows(InvalidQuestionException.class, () -> Question.of("scaling \ud83d laws")).getMessage();
        assertTrue(message.contains("half of a surrogate pair (U+D83D) at position 9"), message);
        assertThrows(InvalidQuestionException.class, () -> Question.of("\ude00 laws"));
        assertEquals("🙂 laws", Question.of("🙂 laws").text(), "a whole pair is an emoji");
    }

    @Test
    void should_let_the_embedding_call_site_refuse_text_the_model_cannot_read() {
        assertThrows(InvalidQuestionException.class, () -> Question.requireSearchable("\u0301\uFFFD"));
        assertThrows(InvalidQuestionException.class, () -> Question.requireSearchable(""));
        Question.requireSearchable("大规模语言模型的缩放定律");
        Question.requireSearchable("?");
    }

    @Test
    void should_accept_questions_in_any_script() {
        for (String question : new String[] {"大规模语言模型的缩放定律是什么？", "ما هي قوانين التوسع؟", "🚀 scaling", "스케일링 법칙", "Σ"}) {
            assertEquals(question, Question.of(question).text());
        }
    }

    @Test
    void should_take_words_out_wherever_and_however_the_question_writes_them() {
        Question question = Question.of("Vietnamese text: can a vietnamese classifier beat non-Vietnamese ones, Vietnamese's?");
        assertEquals("text: can a classifier beat non-Vietnamese ones, Vietnamese's?", question.without(List.of("vietnamese")),
                "whole words only, in any case");
        assertEquals("Vietnamese : can a vietnamese beat non-Vietnamese ones, Vietnamese's?", question.without(List.of("text", "classifier")));
        assertEquals("", Question.of("Robotics").without(List.of("robotics")), "nothing left");
    }

    @Test
    void should_read_no_word_of_the_function_word_list_s_comments_as_a_function_word() {
        // the list's comments say what each line holds ("… which measure compute", "qualifiers that narrow a topic"):
        // their words are no function words, or "compute" would never be a concept
        assertFalse(Topics.isFunctionWord("compute"));
        assertFalse(Topics.isFunctionWord("narrow"));
        assertFalse(Topics.isFunctionWord("describe"));
        assertTrue(Topics.isFunctionWord("weeks"), "a word of a line after its comment");
        assertTrue(Topics.isFunctionWord("number"));
    }

    @Test
    void should_split_a_text_into_its_english_sentences() {
        assertEquals(java.util.List.of("Our tax bot gets a mix of queries, e.g. easy ones.", "Should it search at 1.5x the compute?"),
                EnglishSentences.of("Our tax bot gets a mix of queries, e.g. easy ones.  Should it search at 1.5x the compute?"));
        assertEquals(java.util.List.of("How should I split 1e23 FLOPs?"), EnglishSentences.of("How should I split 1e23 FLOPs?"));
    }

    @Test
    void should_accept_any_script_and_emoji_and_collapse_white_space() {
        assertEquals("Какие законы масштабирования? 🙂", Question.of("  Какие   законы\nмасштабирования?  🙂 ").text());
    }

    @Test
    void should_restate_a_pasted_table_as_its_labelled_rows_before_white_space_is_collapsed() {
        assertEquals("from our sheet: params: 2.8e9, tokens_seen: 1.5e11; params: 2.8e9, tokens_seen: 3.0e11. what loss for each row?",
                Question.of("from our sheet:\n| params | tokens_seen |\n|---|---|\n| 2.8e9 | 1.5e11 |\n| 2.8e9 | 3.0e11 |\nwhat loss for each row?").text());
        assertEquals("nonembed_params: 3.5e8, tokens: 8.0e9; nonembed_params: 3.5e8, tokens: 2.0e10. Kaplan's loss for both rows?",
                Question.of("nonembed_params,tokens\r\n3.5e8,8.0e9\r\n3.5e8,2.0e10\r\nKaplan's loss for both rows?").text());
        assertEquals("a, b and c, then 7B | 13B", Question.of("a, b and c,\nthen 7B | 13B").text(), "no header of labels: prose as it was");
        assertEquals("params | tokens what?", Question.of("params | tokens\nwhat?").text(), "a header with no row under it stays");
        assertEquals("| a | b | |---|---| what?", Question.of("| a | b |\n|---|---|\nwhat?").text(), "with its rule");
    }

    @Test
    void should_restate_mathematics_written_in_latex_as_plain_text() {
        assertEquals("evaluate L at N = 1.2×10^10, D = 2.4×10^11.", Question.of("evaluate $L$ at $N = 1.2\\times10^{10}$, $D = 2.4\\times10^{11}$.").text());
        assertEquals("L(C) = L_inf + (C/C_0)^-alpha_C per domain", Question.of("$L(C) = L_\\infty + (C/C_0)^{-\\alpha_C}$ per domain").text());
        assertEquals("L = ((A×10^9)/(N(k ln P + 1)))^alpha", Question.of("\\(L = \\left(\\frac{A\\cdot10^9}{N(k\\ln P + 1)}\\right)^{\\alpha}\\)").text());
        assertEquals("C_tot = 6ND + 2N D_inf at 5% off", Question.of("$C_{\\text{tot}} = 6ND + 2N D_{inf}$ at 5\\% off").text());
        assertEquals("it costs $2 and $3 an hour", Question.of("it costs $2 and $3 an hour").text(), "dollars, not mathematics");
        // what is read from it: the numbers and the constants a law writes
        assertEquals(2, Quantities.of(Question.of("$N = 1.2\\times10^{10}$, $D = 2.4\\times10^{11}$").text()).size());
    }

    @Test
    void should_find_topic_phrases_without_framing_words_and_split_clauses_at_coordinators() {
        List<Topic> topics = Topics.of(Question.of("What power-law scaling patterns emerge when consistency models are trained at scale?"));
        assertEquals(List.of("power-law scaling", "consistency models", "trained", "scale"), topics.stream().map(Topic::text).toList());
        assertTrue(topics.stream().allMatch(t -> t.clause() == 0));
        List<Topic> two = Topics.of(Question.of("How does distillation scale, and does it help robotics?"));
        assertEquals(List.of("distillation scale", "robotics"), two.stream().map(Topic::text).toList());
        assertEquals(List.of(0, 1), two.stream().map(Topic::clause).toList());
    }

    @Test
    void should_leave_out_numbers_adverbs_and_inflected_framing_verbs() {
        assertEquals(List.of("epochs", "repeated data", "extra epochs"),
                Topics.of(Question.of("How many epochs of repeated data help, theoretically, before extra epochs stop helping at 70B?")).stream()
                        .map(Topic::text).toList());
        assertEquals(List.of(), Topics.of(Question.of("🙂🚀🔥")));
    }
}
