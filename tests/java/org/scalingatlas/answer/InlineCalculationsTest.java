package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.eval.AnswerChecks;
import org.scalingatlas.laws.Calculation;
import org.scalingatlas.laws.English;
import org.scalingatlas.laws.InlineCalculations;

/** Answers run the laws their cited notes carry: with the question's numbers when it gives them, else a worked example. */
class InlineCalculationsTest {

    private static List<Calculation> calculations(Answer answer) {
        return answer.calculations();
    }

    /** The answer's first calculation, which must be by this law and on the question's own numbers. */
    private static Calculation firstRunBy(Answer answer, String law) {
        Calculation first = answer.calculations().get(0);
        assertEquals(law, first.law(), answer.calculations().toString());
        assertEquals(Calculation.FROM_QUESTION, first.inputsFrom());
        return first;
    }

    private static org.scalingatlas.laws.Calculator calculator(String law) {
        return TestAtlas.real().laws().calculator(law).orElseThrow();
    }

    @Test
    void should_predict_the_chinchilla_loss_for_the_numbers_the_question_gives() {
        Answer answer = TestAtlas.real().pipeline().ask("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?");
        Calculation published = calculations(answer).stream()
                .filter(c -> c.law().equals("chinchilla-parametric-loss") && c.result().constants().equals("published")).findFirst().orElseThrow();
        assertEquals(Calculation.FROM_QUESTION, published.inputsFrom());
        assertEquals(7e10, published.result().inputs().get("N"));
        assertEquals(1.4e12, published.result().inputs().get("D"));
        assertEquals(1.9366, published.result().outputs().get("loss"), 1e-4);
        assertTrue(answer.notes().stream().anyMatch(n -> n.id().equals(published.note())), "the calculation's note is cited");
        assertEquals("2203.15556", published.paper().arxiv());
        assertTrue(answer.answer().contains("Worked out with your numbers") && answer.answer().contains("loss = 1.937"), answer.answer());
        // the question asks for the loss and gives every input, and the note that leads carries the law: the loss opens the answer
        assertTrue(answer.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 7.00e10 parameters, D = 1.40e12 tokens), "
                + "the laws the cited notes carry give loss = "), answer.sections().straightAnswer());
        assertEquals(calculations(answer).get(0).note(), answer.notes().get(0).id());
    }

    @Test
    void should_run_a_named_law_first_as_its_own_paper_published_it() {
        // closest in meaning is the note on inference-aware sizing, which carries the same law with Sardana's refit: the
        // law named runs first with its published constants, from the note on its own paper, which then leads
        Answer answer = TestAtlas.real().pipeline().ask("Chinchilla loss for 7B params on 140B tokens?");
        Calculation first = firstRunBy(answer, "chinchilla-parametric-loss");
        assertEquals("published", first.result().constants());
        assertEquals("how-should-a-fixed-training-budget-be-split-between-model-size", first.note());
        assertEquals(first.note(), answer.notes().get(0).id());
        assertTrue(calculations(answer).stream().anyMatch(c -> "sardana-code".equals(c.result().constants())), "the refit still runs, after it");
    }

    @Test
    void should_know_a_law_by_its_name_written_in_lower_case_unless_the_name_is_an_english_word() {
        // "kaplan's" in lower case is no proper noun to the tagger; it is no English word either (WordNet), so it names
        // Kaplan's law as "Kaplan's" would: Henighan's language fit, which the closer note carries, ran in its place
        Answer answer = TestAtlas.real().pipeline().ask("what loss does kaplan's L(N) give for a 300M non-embedding param model?");
        assertEquals(2.603, firstRunBy(answer, "kaplan-loss-vs-parameters").result().outputs().get("loss"), 5e-4);
        InlineCalculations laws = new InlineCalculations(TestAtlas.real().laws(), Map.of(),
                new English(word -> word.equals("step") || word.equals("large"), word -> word));
        assertEquals(Set.of("kaplan"), laws.names("what loss does kaplan’s L(N) give?", Set.of()));
        assertEquals(Set.of(), laws.names("what step size should a 1B model use?", Set.of()), "\"step\" is a word");
        assertEquals(Set.of("step"), laws.names("step law lr for 3B on 600B toks", Set.of()), "a word called a law is its name");
        assertEquals(Set.of("large"), laws.names("large language monkeys coverage at k = 100?", Set.of()), "the proper name a law's name opens with");
        assertEquals(Set.of(), laws.names("large language models at 7B params?", Set.of()), "not its first word alone");
        assertEquals(Set.of("large"), laws.names("monkeys c(k) at 50?", Set.of()), "a function no other law's name writes names the law");
        assertEquals(Set.of(), laws.names("what is L(N) at 1e9?", Set.of()), "Kaplan's and Henighan's names both write L(N)");
        assertEquals(Set.of("kaplan"), laws.names("L(N) = (N_c/N)^α_N at N = 1e9?", Set.of()), "a constant only Kaplan's laws hold names them");
        assertEquals(Set.of("henighan"), laws.names("L(N) = L_inf + (N_0/N)^α_N at N = 1e9?", Set.of()), "and Henighan's his");
        assertEquals(Set.of(), laws.names("what is (1/N)^α_N at N = 1e9?", Set.of()), "\"alpha_N\" is Kaplan's and Henighan's both");
        // "the formula" is the law the question names: what it gives from the question's numbers is what is asked
        Answer formula = TestAtlas.real().pipeline().ask("Under Kaplan's size-only power law, a model has 1.2 billion non-embedding parameters. What does the formula give?");
        assertEquals(Math.pow(8.8e13 / 1.2e9, 0.076), firstRunBy(formula, "kaplan-loss-vs-parameters").result().outputs().get("loss"), 1e-9);
        // "compute-efficient" reads as an allocation, but the function written is that of a law that allocates nothing
        Answer frontier = TestAtlas.real().pipeline().ask("Kaplan's compute-efficient frontier: what does L(C_min) come out to at 100 PF-days?");
        assertEquals(Math.pow(3.1e8 / 100, 0.05), firstRunBy(frontier, "kaplan-loss-vs-compute").result().outputs().get("loss"), 1e-9);
        Answer byConstants = TestAtlas.real().pipeline().ask("L(N) = (N_c/N)^α_N at N = 8.5e7 — value?");
        assertEquals(Math.pow(8.8e13 / 8.5e7, 0.076), firstRunBy(byConstants, "kaplan-loss-vs-parameters").result().outputs().get("loss"), 1e-9,
                "the formula written out names the law whose constants it writes");
        assertTrue(TestAtlas.real().pipeline().ask("Per Kumar, how many 16-bit-equivalent FLOPs does it take to train a 3B model on 60B tokens in 8-bit?")
                .answer().contains("gives compute = 5.40e20 16-bit-equivalent FLOPs"), "a unit's words as a hyphenated word writes them");
        Answer ratio = TestAtlas.real().pipeline().ask("Using Epoch AI's replication of the Chinchilla fit, how many tokens per parameter is compute-optimal at 1e22 FLOPs?");
        assertTrue(ratio.answer().contains("tokens_per_parameter = 20.32 tokens per parameter"), "the ratio asked for, from the refit's optimum: " + ratio.answer());
        Answer byFunction = TestAtlas.real().pipeline().ask("monkeys c(k) at 50?");
        assertEquals("answered", byFunction.verdict(), "no note comes close in words, the law named answers");
        assertEquals(Math.exp(-1.8388510767619055 * Math.pow(50, -0.2090354604688152)),
                firstRunBy(byFunction, "monkeys-repeated-sampling-coverage").result().outputs().get("coverage"), 1e-9);
        assertEquals(Set.of("hoffmann", "chinchilla"), laws.names("What loss does Hoffmann's formula give for 5B on 300B tokens?", Set.of("hoffmann")),
                "the author the law's own constants are credited to names it");
        assertEquals(Set.of("chinchilla"), laws.names("what loss does hoffmann's formula give for 5B on 300B tokens?", Set.of()), "in lower case too");
        assertEquals(Set.of("besiroglu"), laws.names("What does Besiroglu's refit give?", Set.of("besiroglu")), "a refit's author names no law");
        // no note comes close to so terse a question in words, yet the law it names answers it: the note carrying it is brought in
        Answer farFromEveryNote = TestAtlas.real().pipeline().ask("gadre err(L) at 3.1");
        assertEquals("answered", farFromEveryNote.verdict());
        assertEquals(0.6162, firstRunBy(farFromEveryNote, "gadre-downstream-error").result().outputs().get("error"), 5e-4);
        assertEquals("refused", TestAtlas.real().pipeline().ask("what is f(x) at 3.1?").verdict(), "no law named: still refused");
        assertEquals(Set.of("step"), laws.names("what does the Step Law give?", Set.of("step")), "a proper noun is a name");
        // a law named with a number it reads is a question the law answers, however few words it has for the embedding
        Answer terse = TestAtlas.real().pipeline().ask("henighan L(C) for language, 10 pf-days");
        assertEquals("answered", farFromEveryNote.verdict());
        assertEquals(2.301, firstRunBy(terse, "henighan-loss-vs-compute").result().outputs().get("loss"), 5e-4);
        assertEquals("refused", TestAtlas.real().pipeline().ask("How many points does Kaplan test prep add to a GRE score in 3 months?").verdict(),
                "a name with a number no law reads");
    }

    @Test
    void should_run_the_laws_of_the_one_author_whose_laws_were_measured_on_the_data_the_question_names() {
        // no law is named, but only Kaplan's laws say their losses are on WebText2: the note carrying them is brought in
        // (Chinchilla's L(N, D) ran before, for a loss on other data)
        Answer answer = TestAtlas.real().pipeline().ask("A 1.2B non-embedding model early-stopped on 800M tokens: expected WebText2 loss?");
        assertEquals(2.8445, firstRunBy(answer, "kaplan-loss-vs-parameters-and-data").result().outputs().get("loss"), 5e-4,
                "Kaplan eq. 1.5: [(6.4e13 / N)^(0.076 / 0.103) + 1.8e13 / D]^0.103");
        assertEquals("answered", answer.verdict(), "WebText2 is what Kaplan's laws are measured on: " + answer.missing());
        InlineCalculations laws = new InlineCalculations(TestAtlas.real().laws(), Map.of());
        assertEquals(Set.of("kaplan"), laws.names("expected webtext2 loss at 1B params?", Set.of()));
        assertEquals(Set.of("gadre"), laws.names("a model trained on RedPajama: error at a loss of 2.8?", Set.of()));
        assertEquals(Set.of(), laws.names("what C4 loss at 1B params?", Set.of()), "C4 is Gadre's and Muennighoff's");
        assertEquals(Set.of(), laws.names("what loss for a MobileNet V2 at 3M params?", Set.of()), "\"V2\" (ParScale's Stack-V2) is too short a name");
        assertEquals(Set.of("chinchilla"), laws.names("Chinchilla loss on WebText2?", Set.of("chinchilla")), "a law named: no other is implied");
    }

    @Test
    void should_run_the_law_whose_function_the_question_writes_among_an_authors_laws() {
        // Kaplan's allocation N_opt(C_min) and his loss L(C_min) both read a compute budget; the question writes the loss,
        // which no closely cited note carries: the note that does is brought in, runs, and leads
        Answer answer = TestAtlas.real().pipeline().ask("kaplan L(C_min) at 3e20 flops");
        Calculation loss = firstRunBy(answer, "kaplan-loss-vs-compute");
        assertEquals(2.498, loss.result().outputs().get("loss"), 5e-4, "(C_min / 3.1e8 PF-days)^-0.050 at 3.472 PF-days");
        assertEquals(loss.note(), answer.notes().get(0).id());
        assertTrue(answer.sections().straightAnswer().contains("loss = 2.498 nats per token"), answer.sections().straightAnswer());
        assertTrue(calculations(answer).stream().noneMatch(c -> c.law().equals("kaplan-compute-efficient-allocation")), "not the allocation");
    }

    @Test
    void should_open_with_the_coverage_for_a_question_asking_a_fraction_solved_or_pass_at_k() {
        // the coverage law's output goes by the names people ask it by ("pass@k", "what fraction ... solved"), as its
        // conventions say: the answer opens with it, where it used to open with the note and leave the value to the end
        for (double k : new double[] {20, 40}) {
            String question = k == 20 ? "What fraction of SWE-bench Lite issues would 20 attempts per issue solve?" : "pass@k at k = 40 on SWE-bench Lite?";
            Answer answer = TestAtlas.real().pipeline().ask(question);
            Calculation run = firstRunBy(answer, "monkeys-repeated-sampling-coverage");
            double expected = calculator("monkeys-repeated-sampling-coverage").evaluate(Map.of("k", k), "swe-bench-lite-two-point", Map.of())
                    .outputs().get("coverage");
            assertEquals(expected, run.result().outputs().get("coverage"), 1e-12);
            assertTrue(answer.sections().straightAnswer().startsWith("Straight answer: With your numbers (k = " + (int) k + " samples), the law the cited "
                    + "notes carry gives coverage = " + String.format(java.util.Locale.ROOT, "%.4f", expected) + " fraction of problems solved"),
                    answer.sections().straightAnswer());
        }
    }

    @Test
    void should_answer_with_the_law_that_reads_every_number_the_question_gives() {
        // the closest notes carry Chinchilla's L(N, D), which takes every token as new; the note carrying Muennighoff's
        // L(N, D, U_D) is brought in for the unique tokens, and its law alone answers
        Atlas atlas = TestAtlas.real();
        Answer answer = atlas.pipeline().ask("What loss would an 8B model reach on 400B tokens if only 100B of them are unique?");
        assertEquals(List.of("muennighoff-data-constrained-loss"), answer.calculations().stream().map(Calculation::law).distinct().toList());
        Calculation run = answer.calculations().get(0);
        assertEquals(Map.of("N", 8e9, "D", 4e11, "U_D", 1e11), run.result().inputs());
        double expected = atlas.laws().calculator("muennighoff-data-constrained-loss").orElseThrow()
                .evaluate(Map.of("N", 8e9, "D", 4e11, "U_D", 1e11), "published", Map.of()).outputs().get("loss");
        assertEquals(expected, run.result().outputs().get("loss"), 1e-12);
        assertTrue(answer.notes().stream().anyMatch(n -> n.id().equals(run.note())), "the note carrying the law is cited");
        assertTrue(answer.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 8.00e09 parameters, D = 4.00e11 tokens, "
                + "U_D = 1.00e11 tokens), the law the cited notes carry gives loss = " + String.format(java.util.Locale.ROOT, "%.3f", expected)
                + " nats per token; the calculation follows the answer."), answer.sections().straightAnswer());
        // an output asked for by name that the optimum for the stated budget gives opens the answer
        Answer epochs = atlas.pipeline().ask("How many epochs should I train for with 1e22 FLOPs and 25B unique tokens?");
        double optimal = atlas.laws().calculator("muennighoff-data-constrained-loss").orElseThrow()
                .optimal(Map.of("C", 1e22, "U_D", 2.5e10), "published", Map.of()).outputs().get("epochs");
        assertEquals(9.49, optimal, 0.02, "the datablations grid's 9.49 epochs");
        assertTrue(epochs.sections().straightAnswer().startsWith("Straight answer: With your numbers (U_D = 2.50e10 tokens, C = 1.00e22 FLOPs), the law "
                + "the cited notes carry gives " + String.format(java.util.Locale.ROOT, "%.3f", optimal) + " epochs; "), epochs.sections().straightAnswer());
        // a model size fixed beside the budget: the epochs of that model's run (D = C / 6N over the unique tokens), not the optimum's
        Answer fixed = atlas.pipeline().ask("How many epochs can I train a 2B model on 50B unique tokens with 1e21 FLOPs?");
        assertTrue(fixed.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 2.00e09 parameters, C = 1.00e21 FLOPs, "
                + "D = 8.33e10 tokens, U_D = 5.00e10 tokens), the law the cited notes carry gives " + String.format(java.util.Locale.ROOT, "%.3f", 1e21 / (6 * 2e9) / 5e10)
                + " epochs; "), fixed.sections().straightAnswer());
        // epochs over a dataset: the run sees the epochs times the data, of which the data is unique (Muennighoff's D and
        // U_D), where it used to run Chinchilla's L(N, D) on the dataset alone and leave the 4 epochs aside
        for (String repeated : List.of("What loss does a 2B model reach if I train it on 30B tokens for 4 epochs?",
                "What loss would a 2B model reach on 4 epochs of 30B tokens each, i.e. 120B tokens?")) {
            Answer answer4 = atlas.pipeline().ask(repeated);
            Calculation first = answer4.calculations().get(0);
            assertEquals("muennighoff-data-constrained-loss", first.law(), repeated);
            assertEquals(Map.of("N", 2e9, "D", 1.2e11, "U_D", 3e10), first.result().inputs(), repeated);
            assertFalse(answer4.sections().straightAnswer().contains("leaving aside"), answer4.sections().straightAnswer());
        }
        // settings compared: each law that answers runs at each, and the straight answer gives both
        Answer compared = atlas.pipeline().ask("Which reaches lower loss: a 7B model on 2T tokens or a 13B model on 1T tokens?");
        List<Map<String, Double>> settings = compared.calculations().stream().map(c -> c.result().inputs()).toList();
        assertTrue(settings.contains(Map.of("N", 7e9, "D", 2e12)) && settings.contains(Map.of("N", 1.3e10, "D", 1e12)), settings.toString());
        Calculation bigger = compared.calculations().stream().filter(c -> c.result().inputs().get("N") == 1.3e10).findFirst().orElseThrow();
        double expectedBigger = atlas.laws().calculator(bigger.law()).orElseThrow()
                .evaluate(Map.of("N", 1.3e10, "D", 1e12), bigger.result().constants(), Map.of()).outputs().get("loss");
        assertEquals(expectedBigger, bigger.result().outputs().get("loss"), 1e-12);
        assertTrue(compared.sections().straightAnswer().contains(" at N = 7.00e09 parameters, D = 2.00e12 tokens; and loss = "
                + String.format(java.util.Locale.ROOT, "%.3f", expectedBigger) + " nats per token at N = 1.30e10 parameters, D = 1.00e12 tokens"),
                compared.sections().straightAnswer());
        // a choice between training runs asks which does better by the law's measure, though it names none
        Answer choice = atlas.pipeline().ask("Should I train a 3B model on 300B tokens or a 1B model on 900B tokens?");
        assertTrue(choice.sections().straightAnswer().startsWith("Straight answer: With your numbers, the law")
                && choice.sections().straightAnswer().contains(" at N = 3.00e09 parameters, D = 3.00e11 tokens; and loss = "), choice.sections().straightAnswer());
        // a choice about another measure (accuracy per unit of inference compute) gets no loss in its straight answer
        Answer other = atlas.pipeline().ask("Would a 7B model with tree search give better accuracy per unit of compute than a single pass of a 34B model?");
        assertFalse(other.sections().straightAnswer().contains("loss ="), other.sections().straightAnswer());
        // numbers that pair with no setting are said to be left aside
        Answer unpaired = atlas.pipeline().ask("What loss do a 1B, a 3B and a 7B model reach on 1T or 2T tokens?");
        assertTrue(unpaired.sections().straightAnswer().contains("leaving aside the 3.00e09 parameters, the 7.00e09 parameters and the 2.00e12 tokens "
                + "you also gave"), unpaired.sections().straightAnswer());
        // budgets compared: each budget's plan rows, setting by setting
        Answer budgets = atlas.pipeline().ask("What is the compute-optimal model size at 1e22 and at 1e24 FLOPs?");
        assertTrue(budgets.sections().straightAnswer().contains(" tokens at C = 1.00e22 FLOPs; and N_opt = ")
                && budgets.sections().straightAnswer().contains(" tokens at C = 1.00e24 FLOPs; "), budgets.sections().straightAnswer());
        List<String> rows = budgets.calculations().stream().map(c -> c.law() + "/" + c.result().constants()).toList();
        assertEquals(rows.subList(0, rows.size() / 2), rows.subList(rows.size() / 2, rows.size()), "the same rows at each budget");
        // no note carries a law that reads a training precision and gives a loss: the loss says it leaves the bits aside
        Answer bits = atlas.pipeline().ask("What loss would a 1B model trained in 4 bits reach on 20B tokens?");
        assertTrue(bits.sections().straightAnswer().contains(", leaving aside the 4 bits you gave (no law the cited notes carry reads it); "),
                bits.sections().straightAnswer());
        // a budget with inference tokens to serve: the row of the law that reads them leads the plan and the answer
        Answer served = atlas.pipeline().ask("How big should my model be for 1e23 FLOPs if I will serve 2 trillion inference tokens?");
        assertEquals("sardana-inference-aware-optimum", served.calculations().get(0).law(), served.calculations().toString());
        assertEquals(served.calculations().get(0).note(), served.notes().get(0).id(), "the note whose law reads the inference tokens leads");
        assertTrue(served.sections().straightAnswer().startsWith("Straight answer: For your budget of C = 1.00e23 FLOPs, the law the cited notes carry "
                + "that reads every number you gave puts the compute-optimal model at "), served.sections().straightAnswer());
        // laws that read different numbers of the question answer different questions: the straight answer gives the value
        // of the first (ParScale's L(N, P)), not one range over it and Chinchilla's L(N, D), fitted on other data
        Answer streams = atlas.pipeline().ask("What loss does a 1.6B model with 8 parallel streams reach on 100B tokens?");
        assertEquals("parscale-loss", streams.calculations().get(0).law());
        double parscale = streams.calculations().get(0).result().outputs().get("loss");
        assertTrue(streams.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 1.60e09 non-embedding parameters, P = 8 streams), "
                + "the law the cited notes carry gives loss = " + String.format(java.util.Locale.ROOT, "%.3f", parscale) + " nats per token; each calculation"),
                streams.sections().straightAnswer());
        // a model size and a budget: the loss of that model trained on the tokens the budget buys it (D = C / 6N), from a
        // law that reads both (the notes closest carry only Kaplan's L(N), L(C) and allocation, each reading one), not the
        // loss of the optimum for the budget, which is another model
        Answer budget = atlas.pipeline().ask("What loss would a 70B model reach with a budget of 1e22 FLOPs?");
        Calculation trained = budget.calculations().get(0);
        assertEquals("chinchilla-parametric-loss", trained.law(), budget.calculations().toString());
        double tokens = 1e22 / (6 * 7e10);
        assertEquals(tokens, trained.result().inputs().get("D"), tokens * 1e-12);
        double atBudget = atlas.laws().calculator("chinchilla-parametric-loss").orElseThrow()
                .evaluate(Map.of("N", 7e10, "D", tokens), trained.result().constants(), Map.of()).outputs().get("loss");
        assertEquals(atBudget, trained.result().outputs().get("loss"), 1e-12);
        assertTrue(budget.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 7.00e10 parameters, C = 1.00e22 FLOPs, "
                + "D = 2.38e10 tokens), the law the cited notes carry gives loss = "), budget.sections().straightAnswer());
        // two values asked for in one list: both open the answer
        String both = atlas.pipeline().ask("What learning rate and batch size should a 1B model trained on 50B tokens use?").sections().straightAnswer();
        assertTrue(both.contains(" gives lr = ") && both.contains(" learning rate and batch size = "), both);
        // every number read: nothing left aside, nothing brought in
        Answer plain = atlas.pipeline().ask("What loss would a 7B model reach on 140B tokens?");
        assertFalse(plain.sections().straightAnswer().contains("leaving aside"), plain.sections().straightAnswer());
        assertTrue(plain.calculations().stream().noneMatch(c -> c.law().startsWith("kaplan-loss-vs-parameters")
                && !c.law().contains("and-data")), "L(N) leaves the tokens aside: " + plain.calculations());
    }

    @Test
    void should_run_only_the_laws_a_question_names_by_their_eponyms() {
        Answer kaplan = TestAtlas.real().pipeline().ask("What is the optimal model size for a 1e24 FLOP budget according to Kaplan?");
        assertFalse(kaplan.calculations().isEmpty());
        assertTrue(kaplan.calculations().stream().allMatch(c -> c.law().startsWith("kaplan-")), "only Kaplan's: "
                + kaplan.calculations().stream().map(Calculation::law).toList());
        Answer both = TestAtlas.real().pipeline().ask("Compare the allocations of Kaplan and Chinchilla at 1e23 FLOPs");
        List<String> laws = both.calculations().stream().map(Calculation::law).distinct().toList();
        assertTrue(laws.stream().anyMatch(l -> l.startsWith("kaplan-")) && laws.stream().anyMatch(l -> l.startsWith("chinchilla-")), laws.toString());
        assertTrue(laws.stream().allMatch(l -> l.startsWith("kaplan-") || l.startsWith("chinchilla-")), laws.toString());
    }

    @Test
    void should_not_open_with_a_law_that_only_took_the_questions_numbers() {
        // "1.5B parameters" gives the law a size, from which it derives an optimum, but the question asks how to fold
        // diversity into a loss formula, not for a loss
        Answer answer = TestAtlas.real().pipeline().ask("For models under 1.5B parameters, how can text diversity and synthetic-ness be folded into the token count of a fitted loss formula?");
        assertFalse(answer.sections().straightAnswer().startsWith("Straight answer: With your numbers"), answer.sections().straightAnswer());
        Answer worth = TestAtlas.real().pipeline().ask("Is it worth training a 1B model on 1T tokens?");
        assertFalse(worth.calculations().isEmpty(), "the law runs on the question's numbers");
        assertFalse(worth.sections().straightAnswer().startsWith("Straight answer: With your numbers"), "but the question asks for no loss: " + worth.sections().straightAnswer());
    }

    @Test
    void should_not_open_with_a_calculation_the_question_does_not_ask_for() {
        for (String question : List.of(
                "If I add a billion frozen random weights to a 300M model, or replace dense layers with cheap structured transforms, does its loss-versus-compute curve improve?",
                "For a 125M-parameter language model, should I stack more thin layers or use fewer wide ones?",
                "Can experiments using 300x less compute predict the held-out loss of a 1.4B model trained far beyond Chinchilla's 20 tokens per parameter?")) {
            String straight = TestAtlas.real().pipeline().ask(question).sections().straightAnswer();
            assertFalse(straight.startsWith("Straight answer: With your numbers") || straight.startsWith("Straight answer: For your budget"), question + "\n" + straight);
        }
    }

    @Test
    void should_bring_in_the_notes_whose_laws_plan_a_stated_budget_when_no_closer_note_carries_one() {
        // closest in meaning are notes on compute-optimal theory that carry no law; the answer brings in the two
        // best-ranked notes whose laws plan the budget, so that no single law's split stands alone
        Atlas atlas = TestAtlas.real();
        Answer answer = atlas.pipeline().ask("For 5e21 FLOPs, should I go for more parameters or more data?");
        List<String> laws = answer.calculations().stream().map(Calculation::law).distinct().toList();
        assertTrue(laws.size() >= 2, "rows of more than one law: " + laws);
        assertEquals(List.of(), AnswerChecks.uncitedLaws(answer, id -> atlas.corpus().note(id).map(Note::laws).orElse(List.of())));
        assertEquals(answer.calculations().get(0).note(), answer.notes().get(0).id(), "the plan's note leads");
        assertTrue(answer.sections().straightAnswer().startsWith("Straight answer: For your budget of C = 5.00e21 FLOPs, the laws the cited notes carry put "),
                answer.sections().straightAnswer());
        assertTrue(answer.answer().contains("Spread:") && !answer.sections().calculationSpread().isEmpty(), "and why the laws differ: " + answer.answer());
    }

    @Test
    void should_open_with_what_a_law_named_by_its_eponym_predicts() {
        Answer answer = TestAtlas.real().pipeline().ask("What does the Kaplan law predict for 1e22 FLOPs?");
        assertFalse(answer.calculations().isEmpty());
        assertTrue(answer.calculations().stream().allMatch(c -> c.law().startsWith("kaplan-")), "only Kaplan's: " + answer.calculations());
        String straight = answer.sections().straightAnswer();
        assertTrue(straight.startsWith("Straight answer: With your numbers (C_min = 115.7 PF-days), the law the cited notes carry gives N_opt = "), straight);
        // "Chinchilla" is also a word of some laws' outputs (Sardana's N_chinchilla), but the question asks what the law gives
        String chinchilla = TestAtlas.real().pipeline().ask("What does the Chinchilla law give for a 30B model on 600B tokens?").sections().straightAnswer();
        assertTrue(chinchilla.startsWith("Straight answer: With your numbers (N = 3.00e10 parameters, D = 6.00e11 tokens), the laws the cited notes carry give loss = "), chinchilla);
        // whether the note that leads carries the law decides if the answer says it rests on it
        boolean byLead = answer.notes().get(0).id().equals(answer.calculations().get(0).note());
        assertTrue(straight.contains(byLead ? " It rests on: " : " The note closest to the question: "), straight);
    }

    @Test
    void should_bring_in_the_note_carrying_a_law_named_by_its_eponym_that_no_passage_connects_to_the_question() {
        // abstracts do not name their authors, so no retrieved note carries Kaplan's loss law; the note that does is
        // brought in for it: (8.8e13 / 1e10)^0.076 = 1.994
        Answer answer = TestAtlas.real().pipeline().ask("What is the loss at 10B parameters according to Kaplan?");
        Calculation kaplan = answer.calculations().get(0);
        assertEquals("kaplan-loss-vs-parameters", kaplan.law());
        assertEquals(1.994, kaplan.result().outputs().get("loss"), 5e-4);
        assertTrue(answer.notes().stream().anyMatch(n -> n.id().equals(kaplan.note())), "the note carrying it is cited");
        assertTrue(answer.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 1.00e10 non-embedding parameters), "
                + "the law the cited notes carry gives loss = 1.994 nats per token"), answer.sections().straightAnswer());
    }

    @Test
    void should_open_with_the_law_of_the_quantity_the_question_asks_for() {
        // "should ... use" reads like a choice of size, but the question asks for a learning rate: the Step Law's
        Answer answer = TestAtlas.real().pipeline().ask("What learning rate should a 3B model trained on 100B tokens use?");
        assertEquals("step-law-hyperparameters", answer.calculations().get(0).law(), answer.calculations().toString());
        assertTrue(answer.sections().straightAnswer().contains("gives lr = "), answer.sections().straightAnswer());
    }

    @Test
    void should_compare_settings_by_the_quantity_the_question_asks_for() {
        // the settings are training runs, and the closest laws give a loss; but the question names a learning rate, so the
        // note whose law gives one is brought in and each setting gets its learning rate
        Answer answer = TestAtlas.real().pipeline().ask("Peak lr for 2B vs 8B params, both trained on 300B tokens?");
        List<Calculation> runs = answer.calculations().stream().filter(c -> c.law().equals("step-law-hyperparameters")).toList();
        assertEquals(List.of(2e9, 8e9), runs.stream().map(c -> c.result().inputs().get("N")).toList(), answer.calculations().toString());
        assertTrue(answer.sections().straightAnswer().contains("gives lr = ") && !answer.sections().straightAnswer().contains("loss ="),
                answer.sections().straightAnswer());
    }

    @Test
    void should_open_with_the_law_that_answers_when_the_first_cited_law_only_derives_an_optimum_from_the_size() {
        // the note that ranks first carries Chinchilla's law, which derives an optimum for the size given and gives no
        // loss for it; Kaplan's L(N), carried by a later note, gives the loss asked for, runs first and alone sets the value
        Answer answer = TestAtlas.real().pipeline().ask("What quality (test loss) would we get from a 200-million-parameter language model "
                + "trained to convergence, according to the original OpenAI scaling law for model size?");
        firstRunBy(answer, "kaplan-loss-vs-parameters");
        double expected = calculator("kaplan-loss-vs-parameters").evaluate(Map.of("N", 2e8), "published", Map.of()).outputs().get("loss");
        assertTrue(answer.sections().straightAnswer().startsWith("Straight answer: With your numbers (N = 2.00e08 non-embedding parameters), "
                + "the law the cited notes carry gives loss = " + String.format(java.util.Locale.ROOT, "%.3f", expected) + " nats per token"),
                answer.sections().straightAnswer());
        assertTrue(answer.calculations().stream().anyMatch(c -> c.law().equals("chinchilla-parametric-loss")), "the other law still runs, after it");
    }

    @Test
    void should_give_the_least_cost_model_for_a_target_loss_and_an_inference_demand_the_question_states() {
        // "total" qualifies the compute asked for from later in the sentence; the inference-aware law's optimum is for the
        // loss the question states (its target), which it reads, so nothing is left aside
        Answer answer = TestAtlas.real().pipeline().ask("How much compute would it take, in total across training and serving, to get a model "
                + "to a loss of 2.3 if we expect it to process about 500 billion tokens in production, assuming we size and train it in the cheapest way?");
        Calculation first = firstRunBy(answer, "sardana-inference-aware-optimum");
        double total = calculator("sardana-inference-aware-optimum").optimal(Map.of("loss", 2.3, "D_inf", 5e11), "sardana-code", Map.of())
                .outputs().get("total_flops");
        assertEquals(total, first.result().outputs().get("total_flops"), total * 1e-9);
        String straight = answer.sections().straightAnswer();
        assertTrue(straight.startsWith("Straight answer: With your numbers (D_inf = 5.00e11 tokens, loss = 2.300 nats per token)")
                && straight.contains("total flops = " + String.format(java.util.Locale.ROOT, "%.2e", total).replace("e+", "e")), straight);
        assertFalse(straight.contains("leaving aside"), "the target loss is read: " + straight);
    }

    @Test
    void should_catch_an_answer_running_a_law_that_no_cited_note_carries() {
        Atlas atlas = TestAtlas.real();
        Answer answer = atlas.pipeline().ask("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?");
        Function<String, List<String>> laws = id -> atlas.corpus().note(id).map(Note::laws).orElse(List.of());
        assertFalse(answer.calculations().isEmpty());
        assertEquals(List.of(), AnswerChecks.uncitedLaws(answer, laws), "every law it runs is carried by a note it cites");

        Answer uncited = new Answer(answer.question(), answer.verdict(), answer.missing(), answer.answer(), List.of(), answer.calculations(),
                answer.next(), answer.researchPrompt(), answer.covered(), answer.reason(), answer.sections(), answer.composer());
        assertTrue(AnswerChecks.uncitedLaws(uncited, laws).contains("chinchilla-parametric-loss (" + answer.calculations().get(0).note() + ")"),
                "the same runs without the notes that carry them");
        assertFalse(AnswerChecks.uncitedLaws(answer, id -> List.of()).isEmpty(), "a cited note that does not carry the law it is run for");
    }

    @Test
    void should_find_the_tokens_a_given_model_size_should_see() {
        Answer answer = TestAtlas.real().pipeline().ask("How many tokens should a 7B model see?");
        Calculation allocation = calculations(answer).stream().filter(c -> c.result().mode().equals("optimal")).findFirst().orElseThrow();
        assertEquals(7e9, allocation.result().outputs().get("N_opt"), 7e9 * 1e-6);
        assertTrue(allocation.result().outputs().get("D_opt") > 7e10, allocation.result().outputs().toString());
        // the allocation the law derives from the size given answers the question: it opens the straight answer, without
        // repeating the size given back as N_opt
        String straight = answer.sections().straightAnswer();
        assertTrue(straight.startsWith("Straight answer: With your numbers (N = 7.00e09 parameters), the laws the cited notes carry give C = "), straight);
        assertTrue(straight.contains(" FLOPs and D_opt = ") && !straight.contains("N_opt ="), straight);
    }

    @Test
    void should_understand_a_compute_budget_in_flops() {
        Answer answer = TestAtlas.real().pipeline().ask("What is the compute-optimal model size for 1e24 FLOPs?");
        List<Calculation> runs = calculations(answer);
        assertFalse(runs.isEmpty());
        for (Calculation run : runs) {
            assertEquals(Calculation.FROM_QUESTION, run.inputsFrom(), run.law());
            assertTrue(run.result().outputs().containsKey("N_opt"), run.law() + " " + run.result().outputs());
        }
    }

    @Test
    void should_give_a_worked_example_when_the_question_has_no_numbers() {
        Answer answer = TestAtlas.real().pipeline().ask("How does repeating data for several epochs change the returns of training?");
        List<Calculation> runs = calculations(answer);
        assertFalse(runs.isEmpty(), "a cited note carries a law");
        runs.forEach(run -> assertEquals(Calculation.EXAMPLE, run.inputsFrom()));
        assertTrue(answer.answer().contains("A worked example"), answer.answer());
    }

    @Test
    void should_run_no_worked_example_when_the_question_asks_for_no_quantity_a_cited_law_computes() {
        Answer answer = TestAtlas.real().pipeline().ask("Why should scaling laws be understood as properties of data distribution rather than training in general?");
        assertTrue(answer.notes().stream().anyMatch(n -> !TestAtlas.real().corpus().note(n.id()).orElseThrow().laws().isEmpty()),
                "a cited note carries a law, so only the question's wording keeps it from running");
        assertTrue(answer.calculations().isEmpty(), answer.answer());
    }

    @Test
    void should_run_no_law_for_a_refused_question() {
        Answer answer = TestAtlas.real().pipeline().ask("What is the best recipe for sourdough bread with 70B grams of flour?");
        assertEquals("refused", answer.verdict());
        assertTrue(answer.calculations().isEmpty());
    }

    /**
     * Issue 16 item 2: a budget and an allocation question get the plan, the planner's rows for the allocating laws the
     * cited notes carry (every constant set), each row's law carried by a cited note (#14), with tokens per parameter
     * and the spread between those rows.
     */
    @Test
    void should_answer_an_allocation_question_with_a_budget_with_the_plan_of_its_cited_laws() {
        Answer answer = TestAtlas.real().pipeline().ask("How should I split 5.76e23 FLOPs between parameters and tokens?");
        List<Calculation> runs = calculations(answer);
        org.scalingatlas.laws.Plan plan = new org.scalingatlas.laws.Planner(new org.scalingatlas.laws.LawBook(TestAtlas.real().corpus().laws()), TestAtlas.real().corpus().papersById())
                .plan(org.scalingatlas.laws.Planner.budget(5.76e23));
        java.util.Set<String> carried = new java.util.HashSet<>();
        answer.notes().forEach(n -> carried.addAll(TestAtlas.real().corpus().note(n.id()).orElseThrow().laws()));
        List<String> expected = plan.rows().stream().filter(r -> carried.contains(r.law())).map(r -> r.law() + "/" + r.constants()).toList();
        assertTrue(expected.size() >= 2, "the cited notes carry at least two of the plan's rows: " + expected);
        assertEquals(expected, runs.stream().map(c -> c.law() + "/" + c.result().constants()).toList(), "the plan's rows of the cited laws, in its order");
        for (Calculation run : runs) {
            assertEquals(Calculation.FROM_QUESTION, run.inputsFrom(), run.law());
            assertTrue(answer.notes().stream().anyMatch(n -> n.id().equals(run.note())
                    && TestAtlas.real().corpus().note(n.id()).orElseThrow().laws().contains(run.law())), run.law() + " rests on a cited note that carries it");
            org.scalingatlas.laws.Plan.Row row = plan.rows().stream()
                    .filter(r -> r.law().equals(run.law()) && r.constants().equals(run.result().constants())).findFirst().orElseThrow();
            assertEquals(row.nOpt(), run.result().outputs().get("N_opt"), 1e-9 * row.nOpt());
        }
        String text = answer.answer();
        assertTrue(text.contains("Planned for your budget of C = 5.76e23 FLOPs"), text);
        assertTrue(text.contains("tokens per parameter") && text.contains("With constants epoch-refit: N_opt = 7.24e10 parameters (5.24e10 to 1.01e11 within the "
                + "exponent interval its source reports), D_opt = 1.33e12 tokens, 18.3 tokens per parameter"), text);
        assertTrue(text.contains("Spread: the largest N_opt ("), text);
        assertFalse(text.contains("Worked out with your numbers") || text.contains("These allocations disagree"), text);
    }

    @Test
    void should_plan_an_allocation_question_with_no_numbers_at_the_budget_of_a_cited_laws_example() {
        Atlas atlas = TestAtlas.real();
        Answer answer = atlas.pipeline().ask("How many tokens per parameter is compute-optimal?");
        List<Calculation> runs = calculations(answer);
        assertTrue(runs.size() >= 2, "the plan's rows for the cited allocating laws: " + runs);
        // the budget is the worked example of a cited allocating law that states one (Chinchilla's Approach 1: 1e24 FLOPs)
        double budget = runs.stream().map(Calculation::law).distinct()
                .map(id -> atlas.corpus().laws().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow())
                .filter(l -> l.example().containsKey("C")).map(l -> l.example().get("C")).findFirst().orElseThrow();
        org.scalingatlas.laws.Plan plan = new org.scalingatlas.laws.Planner(new org.scalingatlas.laws.LawBook(atlas.corpus().laws()), atlas.corpus().papersById())
                .plan(org.scalingatlas.laws.Planner.budget(budget));
        for (Calculation run : runs) {
            assertEquals(Calculation.EXAMPLE, run.inputsFrom(), run.law());
            assertTrue(run.result().outputs().containsKey("N_opt") && run.result().outputs().containsKey("D_opt"), "an allocation, not a loss: " + run);
            org.scalingatlas.laws.Plan.Row row = plan.rows().stream()
                    .filter(r -> r.law().equals(run.law()) && r.constants().equals(run.result().constants())).findFirst().orElseThrow();
            assertEquals(row.nOpt(), run.result().outputs().get("N_opt"), 1e-9 * row.nOpt());
        }
        String text = answer.answer();
        assertTrue(text.contains("Planned at a representative budget of C = " + CalculationProse.number(budget) + " FLOPs, a worked example"), text);
        assertTrue(text.contains("tokens per parameter") && text.contains("Spread: the largest N_opt ("), text);
        assertFalse(text.contains("A worked example, at a representative point") || text.contains("Planned for your budget"), text);
    }

    @Test
    void should_not_plan_an_allocation_question_without_a_budget() {
        Answer answer = TestAtlas.real().pipeline().ask("How many tokens should a 7B model see?");
        assertFalse(answer.answer().contains("Planned for your budget"), answer.answer());
        assertTrue(answer.answer().contains("Worked out with your numbers"), answer.answer());
    }

    @Test
    void should_run_a_law_that_carries_its_form_only_with_the_constants_the_question_takes() {
        // Kumar et al.'s effective parameters carry no fitted γ: the asker's own values run it, and the answer says whose
        // they are; each precision is read by what it quantises
        Answer answer = TestAtlas.real().pipeline().ask("With γ_w = 2.7, gamma_a = 2.2 and γ_kv=1.9, what is the effective parameter count of a "
                + "2e8-parameter model trained with 6-bit weights, 8-bit activations and a 4-bit KV cache?");
        Calculation run = firstRunBy(answer, "kumar-precision-effective-parameters");
        assertEquals(Map.of("gamma_w", 2.7, "gamma_a", 2.2, "gamma_kv", 1.9), run.result().constantValues());
        assertEquals(Map.of("N", 2e8, "P_w", 6.0, "P_a", 8.0, "P_kv", 4.0), run.result().inputs());
        double expected = 2e8 * (1 - Math.exp(-6 / 2.7)) * (1 - Math.exp(-8 / 2.2)) * (1 - Math.exp(-4 / 1.9));
        assertEquals(expected, run.result().outputs().get("effective_parameters"), expected * 1e-9);
        assertTrue(answer.answer().contains("(constants: yours: gamma_w = 2.700, gamma_a = 2.200, gamma_kv = 1.900)"), answer.answer());
    }

    @Test
    void should_read_a_pasted_table_row_by_row_and_an_output_by_its_symbol() {
        Answer table = TestAtlas.real().pipeline().ask("From our sheet:\n| params | tokens_seen | unique_tokens_available |\n|---|---|---|\n"
                + "| 2.8e9 | 1.5e11 | 3.0e10 |\n| 2.8e9 | 3.0e11 | 3.0e10 |\nwhat final loss does the Muennighoff repeated-data law predict for each row?");
        List<Map<String, Double>> rows = table.calculations().stream().filter(c -> c.law().equals("muennighoff-data-constrained-loss"))
                .map(c -> c.result().inputs()).toList();
        assertEquals(List.of(Map.of("N", 2.8e9, "D", 1.5e11, "U_D", 3.0e10), Map.of("N", 2.8e9, "D", 3.0e11, "U_D", 3.0e10)), rows);
        Calculation batch = firstRunBy(TestAtlas.real().pipeline().ask("B_opt, N = 3e9, D = 6e11 (Step Law)"), "step-law-hyperparameters");
        assertTrue(TestAtlas.real().pipeline().ask("B_opt, N = 3e9, D = 6e11 (Step Law)").sections().straightAnswer()
                .contains(org.scalingatlas.answer.CalculationProse.number(batch.result().outputs().get("batch_size"))), "the batch size, named by its symbol");
    }
}
