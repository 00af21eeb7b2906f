package org.scalingatlas.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a question asks for: the value it asks, and whether it asks for an allocation. */
class AskedForTest {

    @Test
    void should_tell_an_allocation_question_from_a_prediction() {
        assertTrue(AskedFor.allocation("How many training tokens should we plan for with a 3.6e23 FLOP budget?"), "a count's kind before it");
        assertFalse(AskedFor.allocation("gadre over-training law: 6.9B params with M=40, how many training tokens is that"), "a conversion of what was stated");
        assertTrue(AskedFor.allocation("With 1e22 FLOPs, what size should we plan for?"));
        assertTrue(AskedFor.allocation("How many tokens should a 7B model see?"));
        assertTrue(AskedFor.allocation("What is the compute-optimal model size for 1e24 FLOPs?"));
        assertTrue(AskedFor.allocation("How should I split 5.76e23 FLOPs between parameters and tokens?"));
        assertTrue(AskedFor.allocation("With 2e23 FLOPs, what model size and token count should I pick?"));
        assertTrue(AskedFor.allocation("Which model size should I choose for a 1e22 FLOP budget?"));
        assertTrue(AskedFor.allocation("Plan a training run for 3e22 FLOPs with 500B unique tokens"));
        assertTrue(AskedFor.allocation("How much compute do I need to train a 13B model compute-optimally?"));
        assertTrue(AskedFor.allocation("Help me plan my next pretraining run at 1e23 FLOPs"));
        assertTrue(AskedFor.allocation("Should I spend 2e22 FLOPs on a bigger model or on more tokens?"));
        assertTrue(AskedFor.allocation("More training data vs. more parameters: what is better at 1e21 FLOPs?"));
        assertTrue(AskedFor.allocation("Is it better to train a larger model or use more data with my budget?"));
        assertFalse(AskedFor.allocation("Does a bigger model need more data to generalise?"));
        assertFalse(AskedFor.allocation("Do planning tasks scale with model size?"));
        assertFalse(AskedFor.allocation("How does model size change the loss Chinchilla predicts?"));
        assertFalse(AskedFor.allocation("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?"));
        assertTrue(AskedFor.allocation("With 1e22 FLOPs, how much training text, in tokens, should we plan on?"));
        assertTrue(AskedFor.allocation("If our budget grows from 10 PF-days to 100, how much bigger should the model get?"));
    }

    @Test
    void should_read_a_request_to_compute_a_value_but_not_compute_as_a_noun() {
        assertTrue(AskedFor.words("Please compute the optimal batch size (in tokens) from the step law for 7e8 parameters and 2e11 tokens.").contains("batch"));
        assertTrue(AskedFor.words("Can you compute the loss of a 1B model on 20B tokens?").contains("loss"));
        assertFalse(AskedFor.words("How does compute the same way affect loss?").contains("same"), "compute as a noun asks nothing");
    }

    @Test
    void should_not_count_of_among_the_words_of_what_is_asked() {
        assertTrue(AskedFor.words("I want to know the ratio of tokens per parameter at the compute-optimal point for 3e21 FLOPs.")
                .containsAll(Set.of("ratio", "tokens", "per", "parameter")));
        assertFalse(AskedFor.words("What loss would a 3B model reach after 60B tokens?").contains("model"), "four words still, the first a predicate's");
    }

    @Test
    void should_read_an_optimum_as_notation_writes_it() {
        assertTrue(AskedFor.words("Minimising 6ND + 2N·D_inf subject to the loss reaching 2.2, what's N*?").contains("n_opt"));
        assertTrue(AskedFor.allocation("What is D^* for 1e21 FLOPs?"));
        assertTrue(AskedFor.words("what are N^{*} and D_{\\rm opt} at 3e21 FLOPs?").containsAll(Set.of("n_opt", "d_opt")));
        assertEquals("c = 6*n*d, and n_opt, d_opt", AskedFor.optimaAsWritten("c = 6*n*d, and n*, d_{opt}"), "a product is no optimum");
        assertFalse(AskedFor.allocation("What loss for N * D = 1e20?"));
    }

    @Test
    void should_find_what_a_question_asks_a_value_of() {
        assertEquals(Set.of("loss"), AskedFor.words("What loss would a 3B model reach after 60B tokens?"));
        assertTrue(AskedFor.words("step law lr and batch for 3B on 600B toks").containsAll(Set.of("lr", "batch")),
                "a list of what is asked runs on past a coordinator, as after an interrogative");
        assertEquals(Set.of("webtext2", "loss"), AskedFor.words("1.2B params on only 800M toks, early stopping — expected webtext2 loss?"),
                "\"expected\" as \"predicted\"");
        // what is asked ends where the sentence says something of it
        assertEquals(Set.of("model", "size"), AskedFor.words("What model size minimizes loss at 5e21 FLOPs?"));
        assertEquals(Set.of("kaplan", "law"), AskedFor.words("What does the Kaplan law give?"));
        // a question that opens with what it asks for, as typed into a search box
        assertEquals(Set.of("lr", "for"), AskedFor.words("lr for 7B params on 2T tokens?"), "up to the first number");
        assertFalse(AskedFor.words("Target loss 2.05: what is the optimal size?").contains("loss"), "a label before the question is no value asked for");
        assertTrue(AskedFor.words("Video VQ: optimal model size at 1e19 FLOPs?").containsAll(Set.of("optimal", "model", "size")));
        assertEquals(Set.of("loss"), AskedFor.words("1.6B non-emb params, 4 parallel streams, trained on the pile — expected loss?"),
                "after a dash, \"expected\" asks as \"predicted\" does");
        assertFalse(AskedFor.words("We trained a 1B model – it plateaued. Why?").contains("plateaued"), "a sentence after a dash asks for nothing");
        assertTrue(AskedFor.words("Is it worth training a 1B model on 2T tokens?").isEmpty(), "a sentence, not a name of what is asked");
        assertTrue(AskedFor.words("Which learning rate should I pick for a 1B model?").containsAll(Set.of("learning", "rate")));
        assertTrue(AskedFor.words("How many tokens should a 7B model see?").contains("tokens"));
        // a list of what is asked runs on past "and" / "or", a few words
        assertTrue(AskedFor.words("What learning rate and batch size should a 1B model use?").containsAll(Set.of("learning", "rate", "batch", "size")));
        assertTrue(AskedFor.words("What loss or tokens per parameter does it give?").containsAll(Set.of("loss", "tokens", "per", "parameter")));
        Set<String> both = AskedFor.words("What loss and error would a 3B model reach after distillation?");
        assertTrue(both.contains("error") && !both.contains("reach") && !both.contains("distillation"), "three words past the coordinator at most: " + both);
        assertTrue(AskedFor.words("What does the Kaplan law predict for 1e22 FLOPs?").contains("kaplan"));
        assertTrue(AskedFor.words("Can small runs predict the held-out loss of a 1.4B model?").contains("loss"), "a verb of estimating asks too");
        // a verb of converting one value into another asks for what it converts into
        assertTrue(AskedFor.words("Our loss is 2.4; what would that translate into in benchmark error?").containsAll(Set.of("benchmark", "error")));
        assertTrue(AskedFor.words("How does a 1e22 FLOPs budget map to tokens per parameter?").containsAll(Set.of("tokens", "per", "parameter")));
        assertTrue(AskedFor.words("Is a 2.2 loss good in terms of downstream accuracy?").containsAll(Set.of("downstream", "accuracy")));
        assertTrue(AskedFor.words("With 4 parallel streams, what's that equivalent to as a multiplier on parameter count?").contains("multiplier"));
        // a verb of placing a value asks for it
        assertTrue(AskedFor.words("Roughly where would Kaplan's compute frontier put our loss after 50 PF-days?").contains("loss"));
        assertTrue(AskedFor.words("Where does 10x more data leave my error?").contains("error"));
        assertEquals(Set.of(), AskedFor.words("Should I put the 7B model on 1T tokens?"), "not before a determiner");
        // a request to compare asks for what it compares, when it opens a sentence
        assertTrue(AskedFor.words("Compare Gadre's over-training loss for a 400M model on RedPajama versus RefinedWeb.").contains("loss"));
        assertTrue(AskedFor.words("Henighan's math fit: compare the loss at 1 and 10 PF-days.").contains("loss"), "after a colon");
        assertFalse(AskedFor.words("How do the loss curves compare across data mixtures?").contains("data"), "a verb of the sentence asks for nothing");
        Set<String> compared = AskedFor.words("With 20 PF-days, how does the best achievable loss for a plain text model compare with a video model?");
        assertTrue(compared.contains("loss") && !compared.contains("text"), "a question of change, its value up to whose it is: " + compared);
        assertTrue(AskedFor.words("How do the over-training law's loss predictions compare between the two fits?").contains("loss"), "past a possessive");
        // "how much to drop it" asks of what the question opened with
        assertTrue(AskedFor.words("peak lr for 1B params on 200B tokens? how much to drop it at 7B?").contains("lr"));
        // no interrogative of amount and no verb of estimating: a yes-no question, a how-to, or a choice between two
        assertEquals(Set.of(), AskedFor.words("If I add frozen random weights to a 300M model, does its loss-versus-compute curve improve?"));
        assertEquals(Set.of(), AskedFor.words("For models under 1.5B parameters, how can diversity be folded into a fitted loss formula?"));
        assertEquals(Set.of(), AskedFor.words("For a 125M-parameter model, should I stack thin layers or use fewer wide ones?"));
        assertEquals(Set.of(), AskedFor.words("Any caveats when extrapolating a loss curve from 10M-param pilots to a 1B run?"), "asks whether there are any");
        assertEquals(Set.of(), AskedFor.words("Some tips for fitting a law on 5 runs?"));
        assertTrue(AskedFor.words("Any idea what loss a 1B model reaches on 20B tokens?").contains("loss"), "what is asked, after the opener");
        assertTrue(AskedFor.words("Could you tabulate the loss along the frontier at 10 and 100 PF-days?").contains("loss"), "a verb of laying values out");
        // how a value changes between the settings a question states asks for that value
        assertEquals(Set.of("optimal", "peak", "lr"),
                AskedFor.words("How should the optimal peak LR differ for a 1B model trained on 100B tokens vs the same model on 1T tokens?"));
        assertEquals(Set.of("loss"), AskedFor.words("How does the loss change from a 1B to a 7B model on 1T tokens?"));
        assertEquals(Set.of(), AskedFor.words("How does depth help a 125M model?"), "no verb of change");
        assertEquals(Set.of(), AskedFor.words("How should we change the schedule for a 1B model on 100B tokens?"), "what to do, not a value");
    }

    @Test
    void should_read_what_a_fragment_asks_for_after_a_comma_or_an_arrow() {
        assertEquals(Set.of("loss"), AskedFor.words("1.3b params on 26b tokens, loss?"));
        assertEquals(Set.of("flops"), AskedFor.words("1b params 50b tokens trained in fp4 -> flops? kumar precision cost model"),
                "what is asked ends with its sentence");
        assertEquals(Set.of(), AskedFor.words("We train a 7B model, and it works?"), "a clause after a comma asks for nothing");
    }

    @Test
    void should_read_what_a_sentence_of_one_noun_phrase_asks_for() {
        assertEquals(Set.of("total", "train", "inference", "flops"),
                AskedFor.words("N=1.3e10, D=2.6e11, D_inf=5e12. total train+inference FLOPs per the Sardana accounting?"));
        assertEquals(Set.of(), AskedFor.words("We train a 7B model. It works."), "a sentence that asks nothing");
    }

    @Test
    void should_not_read_a_quoted_title_as_asking_for_an_allocation() {
        assertFalse(AskedFor.allocation("Counting training and inference the way Sardana et al. do in 'Beyond Chinchilla-Optimal', what is the total FLOP count?"));
        assertFalse(AskedFor.allocation("Per “Training Compute-Optimal Large Language Models”, what loss for 70B on 1.4T tokens?"));
        assertTrue(AskedFor.allocation("We're at 1e22 FLOPs: what's the Chinchilla-optimal size?"), "an apostrophe opens no quotation");
    }

    @Test
    void should_not_take_a_gloss_of_a_stated_number_for_what_is_asked() {
        assertEquals(Set.of("total", "flops"), AskedFor.words("N=1.3e10, D=2.6e11, D_inf=5e12 (expected lifetime serving tokens). total FLOPs?"));
        assertEquals(Set.of("loss"), AskedFor.words("A 7B model serving 1e12 tokens (predicted lifetime demand): what loss?"));
        assertTrue(AskedFor.words("Serving (expected loss, please) for a 7B model").contains("loss"), "a parenthesis after no number still asks");
        assertEquals(Set.of("flops"), AskedFor.words("A 7B model, now expected to serve 1e12 tokens. How many FLOPs does inference cost?"),
                "\"expected to\" is a verb, it asks nothing");
    }

    @Test
    void should_not_take_labels_set_to_numbers_for_what_is_asked() {
        assertEquals(Set.of("b_opt"), AskedFor.words("B_opt, N = 3e9, D = 6e11 (Step Law)"));
        assertEquals(Set.of("peak", "lr"), AskedFor.words("model.n_params_nonembed = 1.3e9 ; data.total_tokens = 2.6e+11 -> what peak LR does it suggest?"));
        assertTrue(AskedFor.words("precision-aware compute: 7B params, 1.4T toks. effective FLOPs?").contains("compute"),
                "one word before a colon still names what is asked");
        assertTrue(AskedFor.words("params: 7e9, tokens: 2e12, bits: 8; fill in the compute column").contains("compute"), "\"fill in\" asks");
    }

    @Test
    void should_read_what_is_asked_as_hurried_writers_spell_it() {
        assertTrue(AskedFor.words("L=2.6 vs L=2.4 whats the error").contains("error"), "\"whats\" as \"what's\"");
        assertTrue(AskedFor.words("gadre err at loss 2.6?").contains("error"), "a short form asks for its word");
    }

    @Test
    void should_read_a_fit_named_against_its_input_as_asking_for_what_it_gives() {
        Set<String> words = AskedFor.words("What does their loss-versus-model-size fit actually give?");
        assertTrue(words.contains("loss") && !words.contains("size"), words.toString());
    }

    @Test
    void should_read_an_estimate_named_by_what_it_estimates() {
        assertTrue(AskedFor.words("Lifetime compute estimate, please: a 13B model on 260B tokens.").containsAll(Set.of("lifetime", "compute")));
        assertTrue(AskedFor.words("Give me a loss estimate for a 7B model.").contains("loss"));
        assertFalse(AskedFor.words("Can you estimate it for a 7B model?").contains("you"), "a verb, not a noun");
    }
}
