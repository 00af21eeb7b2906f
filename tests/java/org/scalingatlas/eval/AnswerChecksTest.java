package org.scalingatlas.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.answer.Answer;

/** The invariants every evaluated answer is held to, checked independently of the judge that should keep them. */
class AnswerChecksTest {

    private static Answer partial(List<String> missing, Answer.SourceNote... notes) {
        return new Answer("A question?", "partial", missing, "Text.", List.of(notes), List.of(), List.of(), "", List.of(), null, null,
                Answer.Authorship.DETERMINISTIC);
    }

    private static Answer.SourceNote note(String id, String title, String claim) {
        return new Answer.SourceNote(id, title, claim, List.of());
    }

    @Test
    void should_find_a_missing_topic_that_a_cited_note_holds_in_any_form_of_its_words() {
        Answer.SourceNote distillation = note("d", "Does distillation scale?", "Distilling models into smaller students pays up to a point.");
        assertEquals(List.of("\u201cdistilled models\u201d (d)"), AnswerChecks.contradictions(partial(List.of("distilled models", "robotics"), distillation)));
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("robotics"), distillation)));
    }

    @Test
    void should_keep_a_short_name_of_a_letter_and_digits_when_it_compares_a_missing_topic() {
        Answer.SourceNote models = note("m", "Should extra parameters go to the encoder?", "Encoder-decoder models split parameters unevenly.");
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("T5 models"), models)), "\"T5\" is not just \"models\"");
        assertEquals(List.of("\u201cT5 models\u201d (t)"),
                AnswerChecks.contradictions(partial(List.of("T5 models"), note("t", "Do T5 models scale?", "T5 models scale."))));
    }

    @Test
    void should_keep_a_letter_joined_to_a_word_by_a_hyphen_when_it_compares_a_missing_topic() {
        Answer.SourceNote networks = note("n", "Can MoE layers help deep RL?", "Bigger value-based networks do worse without them.");
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("Q-network"), networks)), "\"Q-network\" is not just \"network\"");
        assertEquals(List.of("\u201ck-means clustering\u201d (k)"), AnswerChecks.contradictions(partial(List.of("k-means clustering"),
                note("k", "Does k-means clustering scale?", "K-means clustering of embeddings scales."))));
    }

    @Test
    void should_keep_a_names_version_when_it_compares_a_missing_topic() {
        Answer.SourceNote llama = note("l", "Do Llama-2 models over-train?", "DeepSeek-V2 and Llama-2 see far more tokens than Chinchilla's rule.");
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("Llama-4"), llama)), "\"Llama-4\" is not just \"Llama\"");
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("DeepSeek-V3"), llama)), "nor \"DeepSeek-V3\" \"DeepSeek-V2\"");
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("GPT-4o"), note("g", "Does GPT-4 over-train?", "GPT-4 saw more tokens."))),
                "nor \"GPT-4o\" \"GPT-4\"");
        assertEquals(List.of(), AnswerChecks.contradictions(partial(List.of("VR headsets"), note("h", "Do headsets need bigger models?", "Headsets run small models."))),
                "an acronym of two letters is a word of the topic");
        assertEquals(List.of("\u201cLlama-2 models\u201d (l)"), AnswerChecks.contradictions(partial(List.of("Llama-2 models"), llama)));
    }
}
