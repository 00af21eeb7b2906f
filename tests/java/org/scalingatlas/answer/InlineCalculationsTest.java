package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.laws.Calculation;

/** Answers run the laws their cited notes carry: with the question's numbers when it gives them, else a worked example. */
class InlineCalculationsTest {

    private static List<Calculation> calculations(Answer answer) {
        return answer.calculations().stream().map(Calculation.class::cast).toList();
    }

    @Test
    void should_predict_the_chinchilla_loss_for_the_numbers_the_question_gives() {
        Answer answer = TestAtlas.real().assistant().ask("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?");
        Calculation published = calculations(answer).stream()
                .filter(c -> c.law().equals("chinchilla-parametric-loss") && c.result().constants().equals("published")).findFirst().orElseThrow();
        assertEquals(Calculation.FROM_QUESTION, published.inputsFrom());
        assertEquals(7e10, published.result().inputs().get("N"));
        assertEquals(1.4e12, published.result().inputs().get("D"));
        assertEquals(1.9366, published.result().outputs().get("loss"), 1e-4);
        assertTrue(answer.notes().stream().anyMatch(n -> n.id().equals(published.note())), "the calculation's note is cited");
        assertEquals("2203.15556", published.paper().arxiv());
        assertTrue(answer.answer().contains("Worked out with your numbers") && answer.answer().contains("loss = 1.937"), answer.answer());
    }

    @Test
    void should_find_the_tokens_a_given_model_size_should_see() {
        Answer answer = TestAtlas.real().assistant().ask("How many tokens should a 7B model see?");
        Calculation allocation = calculations(answer).stream().filter(c -> c.result().mode().equals("optimal")).findFirst().orElseThrow();
        assertEquals(7e9, allocation.result().outputs().get("N_opt"), 7e9 * 1e-6);
        assertTrue(allocation.result().outputs().get("D_opt") > 7e10, allocation.result().outputs().toString());
    }

    @Test
    void should_understand_a_compute_budget_in_flops() {
        Answer answer = TestAtlas.real().assistant().ask("What is the compute-optimal model size for 1e24 FLOPs?");
        List<Calculation> runs = calculations(answer);
        assertFalse(runs.isEmpty());
        for (Calculation run : runs) {
            assertEquals(Calculation.FROM_QUESTION, run.inputsFrom(), run.law());
            assertTrue(run.result().outputs().containsKey("N_opt"), run.law() + " " + run.result().outputs());
        }
    }

    @Test
    void should_give_a_worked_example_when_the_question_has_no_numbers() {
        Answer answer = TestAtlas.real().assistant().ask("How does repeating data for several epochs change the returns of training?");
        List<Calculation> runs = calculations(answer);
        assertFalse(runs.isEmpty(), "a cited note carries a law");
        runs.forEach(run -> assertEquals(Calculation.EXAMPLE, run.inputsFrom()));
        assertTrue(answer.answer().contains("A worked example"), answer.answer());
    }

    @Test
    void should_run_no_worked_example_when_the_question_asks_for_no_quantity_a_cited_law_computes() {
        Answer answer = TestAtlas.real().assistant().ask("Why should scaling laws be understood as properties of data distribution rather than training in general?");
        assertTrue(answer.notes().stream().anyMatch(n -> !TestAtlas.real().corpus().note(n.id()).orElseThrow().laws().isEmpty()),
                "a cited note carries a law, so only the question's wording keeps it from running");
        assertTrue(answer.calculations().isEmpty(), answer.answer());
    }

    @Test
    void should_run_no_law_for_a_refused_question() {
        Answer answer = TestAtlas.real().assistant().ask("What is the best recipe for sourdough bread with 70B grams of flour?");
        assertEquals("refused", answer.verdict());
        assertTrue(answer.calculations().isEmpty());
    }
}
