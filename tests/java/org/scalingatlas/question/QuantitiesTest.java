package org.scalingatlas.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuantitiesTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {"7e10|7e10", "70B|7e10", "1.4T|1.4e12", "1.4 trillion|1.4e12", "5.76x10^23|5.76e23",
        "5.76×10^23|5.76e23", "10^24|1e24", "2,000|2000", "0.5|0.5", "350M|3.5e8", "25 billion|2.5e10"})
    void should_read_numbers_as_people_write_them(String text, double value) {
        assertEquals(value, Numbers.parse(text), Math.abs(value) * 1e-12);
    }

    @Test
    void should_refuse_what_is_not_a_number() {
        for (String text : new String[] {"", "abc", "70 parameters", "1e", "NaN", "Infinity", "7B7"}) {
            assertThrows(IllegalArgumentException.class, () -> Numbers.parse(text), text);
            assertFalse(Numbers.isNumber(text), text);
        }
        for (String text : new String[] {"8", "500M", "500m", "1.5t", "1e23", "128k"}) {
            assertTrue(Numbers.isNumber(text), text);
        }
    }

    @Test
    void should_find_each_number_with_the_kind_of_quantity_it_counts() {
        assertEquals(List.of(new Quantities.Quantity("parameters", 7e10, "70B parameters"), new Quantities.Quantity("tokens", 1.4e12, "1.4T tokens")),
                Quantities.of("What loss does Chinchilla predict for 70B parameters on 1.4T tokens?"));
        assertEquals(List.of(new Quantities.Quantity("parameters", 7e9, "7B model")), Quantities.of("How many tokens should a 7B model see?"));
        assertEquals("flops", Quantities.of("compute-optimal size for 1e24 FLOPs?").get(0).kind());
        assertEquals(1e24, Quantities.of("a budget of 10^24 FLOPs").get(0).value());
        assertEquals("tokens", Quantities.of("a 1.4 trillion token run").get(0).kind());
        assertEquals("unique-tokens", Quantities.of("with only 25B unique tokens").get(0).kind());
        assertEquals(List.of(new Quantities.Quantity("tokens", 4e11, "400B tokens"), new Quantities.Quantity("unique-tokens", 1e11, "100B of them are unique")),
                Quantities.of("What loss on 400B tokens if only 100B of them are unique?"));
        assertEquals("unique-tokens", Quantities.of("400B tokens, of which 100B are unique").get(1).kind());
        assertEquals("unique-tokens", Quantities.of("only 100B tokens are unique, so what then").get(0).kind());
        assertEquals("unique-tokens", Quantities.of("a 7B model on 1T tokens, 200B unique and the rest repeats").get(2).kind());
        assertTrue(Quantities.of("coverage over 100 unique prompts").isEmpty(), "unique said of another thing counts no tokens");
        assertEquals("samples", Quantities.of("coverage after 100 samples").get(0).kind());
        assertEquals("bits", Quantities.of("a 4-bit model").get(0).kind());
        // a number format named by its width states that many bits
        assertEquals(List.of(4.0, 16.0, 8.0), Quantities.of("trained in fp4, in bf16 or with INT8 weights").stream().map(Quantities.Quantity::value).toList());
        assertTrue(Quantities.of("trained in fp4").stream().allMatch(q -> q.kind().equals("bits")));
        // the compute of training named as such
        assertEquals(List.of("flops", "flops"), Quantities.of("8×10^20 training FLOPs, or 1e21 pretraining compute").stream().map(Quantities.Quantity::kind).toList());
        assertTrue(Quantities.of("1e22 inference FLOPs").isEmpty(), "inference compute is no training budget");
        // a label set to a number, as a config file or a pasted table writes it: the unit its words name
        assertEquals(List.of("parameters:1.3E9", "tokens:2.6E11"),
                described(Quantities.of("model.n_params_nonembed = 1.3e9 ; data.total_tokens = 2.6e+11 ; warmup_steps = 2000")));
        assertEquals(List.of("flops:4.32E21", "unique-tokens:3.0E10", "tokens-per-parameter:320.0"),
                described(Quantities.of("budget_pf_days: 50 | unique_tokens_available: 3.0e10 | tokens_per_param: 320")));
        assertEquals(List.of("parameters:7.0E9", "bits:4.0"), described(Quantities.of(Question.of("N (params) | P (bits)\n7.0e9 | 4").text())));
        assertEquals(List.of("flops:3.0E21"), described(Quantities.of("budget_flops = 3.0 e21")), "a space before the exponent");
        assertTrue(Quantities.of("Note: 50 runs, seed: 3").isEmpty(), "labels that name no unit");
        // what a precision quantises, and a law's constant set to the asker's value
        assertEquals(List.of("bits:6.0", "activation-bits:8.0", "kv-cache-bits:4.0"), described(Quantities.of("6-bit weights, 8-bit activations and a 4-bit KV cache")));
        assertEquals(List.of("constant:gamma_w:2.7", "constant:gamma_kv:1.9", "constant:alpha:0.34"), described(Quantities.of("take γ_w = 2.7, gamma_kv=1.9 and α = 0.34")));
        assertTrue(Quantities.of("Does depth matter more than width for tiny language models?").isEmpty());
        assertTrue(Quantities.of("What happened in 2024?").isEmpty(), "a year counts nothing");
    }

    @Test
    void should_read_epochs_with_a_token_count_as_the_tokens_seen_and_the_unique_tokens() {
        assertEquals(List.of(new Quantities.Quantity("parameters", 2e9, "2B model"), new Quantities.Quantity("tokens", 1.2e11, "4 epochs of 30B tokens", true),
                        new Quantities.Quantity("unique-tokens", 3e10, "30B tokens")),
                Quantities.of("What loss does a 2B model reach if I train it on 30B tokens for 4 epochs?"));
        assertEquals(List.of(1.2e11, 3e10), values(Quantities.of("a 2B model after 4 epochs over 30B unique tokens"), "tokens", "unique-tokens"));
        assertEquals(List.of(1.2e11, 3e10), values(Quantities.of("a 2B model on 4 epochs of 30B tokens each, i.e. 120B tokens"), "tokens", "unique-tokens"));
        assertEquals(List.of(1.2e11, 3e10), values(Quantities.of("4 epochs, 120B tokens in total, for a 2B model"), "tokens", "unique-tokens"));
        assertEquals(List.of(1.2e11, 3e10), values(Quantities.of("a 2B model given 4 full passes over 30B tokens"), "tokens", "unique-tokens"));
        assertEquals(List.of(1.2e11, 3e10), values(Quantities.of("120B tokens, 30B unique, 4 epochs"), "tokens", "unique-tokens"));
        assertTrue(Quantities.of("30B tokens for 4 epochs").stream().noneMatch(q -> q.kind().equals("epochs")), "the epochs are read through D and U_D");
        // numbers that disagree are left as stated, epochs and all
        List<Quantities.Quantity> disagreeing = Quantities.of("4 epochs of 30B tokens, 200B tokens in all");
        assertEquals(List.of("epochs", "tokens", "tokens"), disagreeing.stream().map(Quantities.Quantity::kind).toList());
        assertEquals(List.of("tokens", "unique-tokens", "epochs"), Quantities.of("400B tokens, 100B unique, 3 epochs").stream().map(Quantities.Quantity::kind).toList());
        assertEquals(List.of("epochs"), Quantities.of("Is it fine to train for 4 epochs?").stream().map(Quantities.Quantity::kind).toList());
    }

    @Test
    void should_read_several_epochs_as_the_runs_they_make_or_drop_them_when_they_restate_the_token_counts() {
        assertEquals(List.of("parameters:2.0E9", "unique-tokens:2.5E10", "tokens:5.0E10", "tokens:1.0E11", "tokens:4.0E11"),
                described(Quantities.of("A 2B model with 25B unique tokens for 2, 4 or 16 epochs: effective tokens?")));
        assertEquals(List.of("parameters:2.0E9", "unique-tokens:3.0E10", "tokens:6.0E10", "tokens:1.2E11"),
                described(Quantities.of("A 2B model on 30B tokens of data for 2 or 4 epochs: what loss?")), "the dataset's tokens are its unique tokens");
        assertEquals(List.of("unique-tokens:2.5E10", "parameters:2.0E9", "tokens:5.0E10", "tokens:1.0E11", "tokens:4.0E11"),
                described(Quantities.of("I've got 25B unique tokens and a 2B model. What if I train on 50B, 100B or 400B tokens in total (so 2, 4 and 16 epochs)?")),
                "every token count kept, the epochs that restate them dropped");
        assertEquals(List.of("unique-tokens", "tokens", "epochs", "epochs"),
                Quantities.of("25B unique tokens, 60B tokens, 2 or 5 epochs").stream().map(Quantities.Quantity::kind).toList(), "disagreeing: left as stated");
    }

    @Test
    void should_give_a_bare_number_the_unit_of_the_one_before_when_it_repeats_its_frame() {
        assertEquals(List.of("parameters:3.0E7", "parameters:3.0E8"),
                described(Quantities.of("What is the loss when the model has 3×10^7 non-embedding parameters, and when it has 3×10^8?")));
        assertEquals(List.of("parameters:1.0E9", "tokens:2.0E10"), described(Quantities.of("A 1B model trained on 20B tokens, or only on 5?")),
                "a plain number after one with its magnitude may mean another magnitude");
        assertEquals(List.of("parameters:3.0E7"), described(Quantities.of("When the model has 3×10^7 parameters, what is 3×10^8 in scientific notation?")),
                "no repeated frame");
    }

    @Test
    void should_read_no_amount_of_compute_or_data_in_a_rate() {
        assertEquals(List.of("parameters:7.0E9", "tokens:3.0E11", "inference-tokens:1.0E12"), described(Quantities.of(
                "A 7e9-parameter model trained on 3e11 tokens serves 1e12 tokens in deployment. At 2-FLOPs-per-parameter-per-token, what does inference cost?")));
        assertEquals(List.of("parameters:1.0E9", "tokens:2.0E10"),
                described(Quantities.of("Training costs 6 FLOPs per parameter per token; what loss does a 1B model on 20B tokens reach?")));
        assertEquals(List.of("flops:1.0E21"), described(Quantities.of("At 4M tokens per batch and 50 tokens/s, what is the optimum for 1e21 FLOPs?")));
        assertEquals(List.of("samples:100.0"), described(Quantities.of("What coverage do 100 samples per problem give?")), "samples are counted per problem");
        assertEquals(List.of("flops:8.64E19", "flops:1.0E21"), described(Quantities.of("The optimum at 1 PF-day per the Henighan paper, and at 1e21 FLOPs per Kaplan?")),
                "\"per\" as \"according to\"");
        assertEquals(List.of("tokens-per-parameter:20.0"), described(Quantities.of("Does the 20-tokens-per-parameter split still apply?")), "a ratio written with hyphens");
    }

    @Test
    void should_read_a_token_multiplier_named_before_its_number_as_tokens_per_parameter() {
        assertEquals(List.of("parameters:4.1E8", "tokens-per-parameter:20.0", "tokens-per-parameter:320.0"),
                described(Quantities.of("For a 410-million-parameter model, how does the C4 loss differ between a token multiplier of 20 and one of 320 tokens per parameter?")));
        assertEquals(List.of("parameters:1.0E9", "tokens-per-parameter:100.0"), described(Quantities.of("a 1B model at a tokens-per-parameter ratio of 100: C4 loss?")));
    }

    @Test
    void should_read_a_number_a_laws_symbol_is_set_to_as_the_quantity_the_symbol_names() {
        assertEquals(List.of("parameters:4.0E8", "tokens-per-parameter:80.0"), described(Quantities.of("400M params at M = 80, predicted loss per Gadre?")));
        assertEquals(List.of("parameters:1.0E9", "tokens:2.0E10"), described(Quantities.of("chinchilla loss at N=1e9, D = 2e10?")));
        assertEquals(List.of("parameters:2.0E9", "tokens:2.0E11", "unique-tokens:5.0E10"), described(Quantities.of("L(N, D, U_D) for N = 2B, D = 200B, U_D = 50B")));
        assertEquals(List.of("loss:2.8"), described(Quantities.of("Err(L) at L = 2.8")));
        assertTrue(Quantities.of("what does model M = 80 mean?").stream().allMatch(q -> q.kind().equals("tokens-per-parameter")), "a symbol is read whatever the sentence");
        assertTrue(Quantities.of("a GPT = 3 joke, or X = 5").isEmpty(), "only the laws' symbols");
        // a law's function of one symbol, then the number: the symbol's value
        assertEquals(List.of("loss:3.1"), described(Quantities.of("gadre err(L) at 3.1")));
        assertEquals(List.of("parameters:3.0E8"), described(Quantities.of("kaplan L(N) at 3e8?")));
        assertEquals(List.of("flops:1.0E21"), described(Quantities.of("porian N*(C) at 1e21?")));
        assertEquals(List.of("samples:50.0"), described(Quantities.of("c(k) at 50?")));
        assertEquals(List.of("parameters:1.0E8"), described(Quantities.of("henighan L(N) for video at 1e8")));
        assertTrue(Quantities.of("what is f(x) at 3?").isEmpty(), "no law's symbol");
        assertTrue(Quantities.of("L(C) at 3?").isEmpty(), "a budget of 3 FLOPs is none");
        assertEquals(Optional.of("tokens-per-parameter"), Quantities.kindOfSymbol("M"));
        assertEquals(Optional.empty(), Quantities.kindOfSymbol("X"));
    }

    @Test
    void should_read_parallel_copies_of_an_input_as_streams() {
        assertEquals(List.of("parameters:3.0E9", "streams:4.0"), described(Quantities.of("a 3B model run with 4 parallel copies of its input")));
        assertEquals(List.of("streams:8.0"), described(Quantities.of("with 8 parallel computations per token")));
        assertEquals(List.of("parameters:1.0E9", "streams:1.0", "streams:8.0"), described(Quantities.of("a 1B model with a single stream versus 8 parallel streams")),
                "one stream said in words");
        assertEquals(List.of("samples:1.0", "samples:100.0"), described(Quantities.of("coverage with one sample, and with 100 samples?")));
        assertEquals(List.of("samples:21.0", "samples:1.0"), described(Quantities.of("coverage with twenty-one samples vs one sample?")),
                "a number of several words first");
        assertEquals(List.of("parameters:7.0E9"), described(Quantities.of("one model of 7B parameters, a single run")), "one model, one run: no count a law reads");
    }

    @Test
    void should_read_the_tokens_of_a_corpus_as_the_unique_data_beside_the_tokens_a_run_sees() {
        assertEquals(List.of("unique-tokens:2.0E10", "parameters:1.0E9", "tokens:1.6E11"),
                described(Quantities.of("We only have a 20B-token corpus but plan to train a 1B model for 160B tokens total.")));
        assertEquals(List.of("parameters:1.0E9", "tokens:3.0E11"), described(Quantities.of("a 1B model trained on a 300B-token dataset")),
                "alone, the corpus is what the run is trained on");
    }

    @Test
    void should_read_tokens_said_to_go_to_inference_as_inference_tokens() {
        assertEquals(List.of("parameters:1.3E10", "tokens:2.6E11", "inference-tokens:0.0", "inference-tokens:1.0E12", "inference-tokens:1.0E13"),
                described(Quantities.of("13B on 260B toks, lifetime inference 0 vs 1T vs 10T toks: total flops?")));
        assertEquals(List.of("inference-tokens:2.0E12", "parameters:7.0E9"), described(Quantities.of("an inference budget of 2T tokens for a 7B model")));
        assertEquals(List.of("parameters:7.0E9", "tokens:2.0E12"), described(Quantities.of("Is inference-aware scaling for 7B on 2T tokens worth it?")));
        assertEquals(List.of("loss:2.1", "inference-tokens:1.0E13"), described(Quantities.of("target loss 2.1, 1e13 lifetime inference tokens")));
        assertEquals(List.of("parameters:7.0E9", "tokens:2.0E12"), described(Quantities.of("To save on inference, should we train a 7B model on 2T tokens?")));
    }

    @Test
    void should_give_a_number_listed_without_its_unit_the_unit_of_its_list() {
        assertEquals(List.of("parameters:1.0E9", "parameters:3.0E9", "parameters:7.0E9"), described(Quantities.of("What loss do a 1B, a 3B and a 7B model reach?")));
        assertEquals(List.of("flops:1.0E22", "flops:1.0E24"), described(Quantities.of("What is the compute-optimal size at 1e22 and at 1e24 FLOPs?")));
        assertEquals(List.of("parameters:7.0E9", "tokens:1.0E12", "tokens:2.0E12"), described(Quantities.of("a 7B model on 1T tokens versus 2T?")));
        assertEquals(List.of("parameters:7.0E9", "tokens:1.4E11", "tokens:1.0E12"), described(Quantities.of("a 7B model trained on 140B or 1T tokens")));
        assertEquals(List.of("flops:1.0E22", "flops:2.0E22"), described(Quantities.of("If I double my compute from 1e22 to 2e22 FLOPs, what loss?")));
        assertEquals(List.of("tokens:1.0E13"), described(Quantities.of("a run of 1 to 10 trillion tokens")), "a range without 'from' is not a list");
        assertEquals(List.of("parameters:1.2E8", "tokens:6.0E9"), described(Quantities.of("a model with a hundred and twenty million parameters trained on six billion tokens")));
        assertEquals(List.of("samples:25.0"), described(Quantities.of("with twenty-five attempts per problem")));
        assertEquals(List.of("flops:1.728E23"), described(Quantities.of("two thousand PF-days of compute")), "a budget in PF-days is one in FLOPs");
        assertEquals(List.of("parameters:8.5E7", "parameters:1.3E9"), described(Quantities.of("an 85M non-embedding-parameter model or 1.3B non-embedding parameters")));
        assertEquals(List.of("loss:3.0", "loss:2.6"), described(Quantities.of("How much does error change going from a C4 loss of 3.0 to 2.6?")));
        assertEquals(List.of("loss:2.05", "inference-tokens:1.0E11"), described(Quantities.of("Target loss 2.05 with 1e11 inference tokens")));
        // a list's first number counts what the list names, though the words before it name another quantity, when it is
        // of the same order as the member that names it
        assertEquals(List.of("streams:1.0", "streams:2.0", "streams:4.0", "streams:8.0"),
                described(Quantities.of("what loss would we get with 1, 2, 4 or 8 streams?")));
        assertEquals(List.of("loss:2.05", "inference-tokens:1.0E11", "inference-tokens:1.0E13"),
                described(Quantities.of("Target loss 2.05, 1e11 and 1e13 inference tokens: optimal size?")), "a loss listed before token counts");
        assertEquals(List.of("parameters:1.0E9", "tokens:5.0E10", "bits:8.0"),
                described(Quantities.of("compute in 16-bit-equivalent FLOPs for a 1B model on 50B tokens in 8-bit precision")), "a unit's name is no precision");
        assertTrue(Quantities.of("Can one model do it, or two models?").isEmpty(), "one model, two models: no sizes");
        // a list member takes the unit of its list, PF-days as FLOPs too
        assertEquals(List.of("flops:8.64E20", "flops:8.64E21"), described(Quantities.of("What loss at 10 and 100 PF-days?")));
        // a plain number compared with the one before, its thing only named again, is in the same unit
        assertEquals(List.of("flops:8.64E20", "flops:8.64E22"),
                described(Quantities.of("What loss would a model trained with 10 petaflop/s-days of compute reach, versus one trained with a thousand?")));
        // a ratio of tokens to parameters measured against is no setting of the question's
        assertEquals(List.of("parameters:1.4E9"),
                described(Quantities.of("Can runs predict the loss of a 1.4B model trained far beyond Chinchilla's 20 tokens per parameter?")));
        assertEquals(List.of("parameters:1.0E9"), described(Quantities.of("What if a 1B model is trained well past 20 tokens per parameter?")));
        assertEquals(List.of("parameters:1.0E9", "tokens-per-parameter:100.0"),
                described(Quantities.of("It's a 1B model; it's 100 tokens per parameter. What loss?")), "a contraction is no possessive");
        // "one" after a number stands for what the number before it counted, within its sentence
        assertEquals(List.of("parameters:1.2E9", "parameters:1.5E8"),
                described(Quantities.of("How much lower is the loss of a 1.2 billion (non-embedding) parameter model compared with a 150 million one?")));
        assertEquals(List.of("parameters:7.0E9", "tokens:1.0E12", "tokens:2.0E12"), described(Quantities.of("A 7B model trained on 1T tokens, and a 2T one?")));
        assertEquals(List.of("parameters:7.0E9"), described(Quantities.of("We trained a 7B model. Is 3 one too many?")), "not over a sentence's end");
        assertEquals(List.of("unique-tokens:5.0E9", "flops:1.0E21"),
                described(Quantities.of("We only have about 5 billion tokens of unique text and roughly 1e21 FLOPs. What model size?")));
        assertEquals(List.of("parameters:1.0E8", "parameters:1.0E9"),
                described(Quantities.of("How much does loss improve going from a 100-million to a 1-billion-parameter model?")), "from … to a …");
        assertEquals(List.of("loss:3.0", "loss:2.6"),
                described(Quantities.of("Our model has a loss of 3.0 on C4. If we can bring that down to 2.6, how much lower is its error?")),
                "a target over the end of a sentence");
        // a list named by its first member, by a law's symbol
        assertEquals(List.of("parameters:1.0E9", "streams:2.0", "streams:4.0", "streams:8.0"),
                described(Quantities.of("For a 1 billion parameter model, what is the effective parameter multiplier at P = 2, 4 and 8?")));
        assertEquals(List.of("samples:1.0", "samples:10.0", "samples:100.0"), described(Quantities.of("pass@k for k = 1, 10 or 100?")));
        // data there is to train on is unique data
        assertEquals(List.of("unique-tokens:1.0E10", "flops:3.0E21"),
                described(Quantities.of("We only have about 10 billion tokens of usable text, but can afford 3e21 FLOPs. How big a model?")));
        assertEquals(List.of("unique-tokens:5.0E10"), described(Quantities.of("What if we have 50B available tokens?")));
        assertEquals(List.of("loss:2.9", "loss:2.6"),
                described(Quantities.of("We sit at a C4 loss of 2.9, and the next model should get down to 2.6. What error should we expect?")),
                "where the first should go is of its kind too");
        assertEquals(List.of("tokens:2.0E12"), described(Quantities.of("A model trained on 2T tokens or a run on 4?")),
                "after a number with its magnitude, a bare one may mean 4T: not read");
        // sizes and token counts as chat writes them
        assertEquals(List.of("parameters:6.7E9", "tokens:1.35E11"), described(Quantities.of("chinchilla loss 6.7b 135B tokens?")), "a bare 6.7b is a model");
        assertEquals(List.of("parameters:7.0E9", "tokens:3.0E11", "inference-tokens:3.0E12"),
                described(Quantities.of("We'd train a 7B on 300B tokens and then serve it for 3 trillion tokens.")), "tokens served are inference tokens");
        assertEquals(List.of("parameters:2.7E9", "tokens:3.5E11"), described(Quantities.of("or 2.7 billion on 350 billion?")), "N on D");
        assertEquals(List.of("inference-tokens:5.0E11"), described(Quantities.of("about half a trillion tokens of inference demand")));
        assertEquals(List.of("flops:4.32E19"), described(Quantities.of("What loss at half a PF-day of compute?")), "half a unit of compute");
        assertEquals(List.of("samples:5.0"), described(Quantities.of("pass@k for k=5 on swe-bench lite")));
        assertEquals(List.of("samples:100.0"), described(Quantities.of("What share does best-of-100 sampling solve?")));
        assertEquals(List.of("samples:16.0"), described(Quantities.of("Best of 16 with a reward model")));
        assertEquals(List.of("samples:64.0"), described(Quantities.of("pass@64 on HumanEval")));
        assertEquals(List.of("loss:2.71"), described(Quantities.of("Our run finished at 2.71 nats on the C4 validation set.")));
        assertEquals(List.of("loss:2.65"), described(Quantities.of("my eval loss on C4 is sitting at 2.65. any idea?")), "a number may end a sentence");
        assertEquals(List.of("loss:2.9", "loss:2.6"), described(Quantities.of("if we push our C4 loss from 2.9 down to 2.6, what then?")));
        assertEquals(List.of("parameters:3.5E8", "parameters:7.0E8"), described(Quantities.of("what if I doubled our 350M-param model to 700M?")));
        assertEquals(List.of("parameters:3.0E9", "tokens:3.0E11", "unique-tokens:6.0E10"),
                described(Quantities.of("3B model, 300B tokens drawn from a 60B-token unique corpus")));
        assertTrue(Quantities.of("version 1.4.2 of the library").isEmpty(), "a version is no number");

        // a number outside a list, or a list's last number followed by another noun, counts nothing
        assertEquals(List.of("parameters:7.0E9"), described(Quantities.of("a 7B model and 8 GPUs")));
        assertEquals(List.of("parameters:7.0E9"), described(Quantities.of("What did 2 papers say about a 7B model?")));
    }

    @Test
    void should_pair_the_settings_a_question_compares() {
        Settings pairs = Settings.of(Quantities.of("Which reaches lower loss: a 7B model on 2T tokens or a 13B model on 1T tokens?"));
        assertEquals(List.of(List.of("parameters:7.0E9", "tokens:2.0E12"), List.of("parameters:1.3E10", "tokens:1.0E12")),
                pairs.settings().stream().map(QuantitiesTest::described).toList());
        assertTrue(pairs.unplaced().isEmpty());
        Settings shared = Settings.of(Quantities.of("How much lower is the loss of a 13B model than a 7B model, both on 1T tokens?"));
        assertEquals(List.of(List.of("parameters:1.3E10", "tokens:1.0E12"), List.of("parameters:7.0E9", "tokens:1.0E12")),
                shared.settings().stream().map(QuantitiesTest::described).toList(), "a number stated once holds in every setting");
        Settings one = Settings.of(Quantities.of("What loss would a 70B model reach on 1.4T tokens?"));
        assertEquals(1, one.settings().size());
        // kinds stated a different number of times: which goes with which is not said, so the first of each kind is the one setting
        Settings unpaired = Settings.of(Quantities.of("What loss do a 1B, a 3B and a 7B model reach on 1T or 2T tokens?"));
        assertEquals(List.of(List.of("parameters:1.0E9", "tokens:1.0E12")), unpaired.settings().stream().map(QuantitiesTest::described).toList());
        assertEquals(List.of("parameters:3.0E9", "parameters:7.0E9", "tokens:2.0E12"), described(unpaired.unplaced()));
        Settings many = Settings.of(Quantities.of("Loss of 1B, 2B, 3B, 4B and 5B models on 1T tokens?"));
        assertEquals(1, many.settings().size(), "more than " + Settings.MAX + " settings read as one");
        assertEquals(4, many.unplaced().size());
        assertEquals(List.of(List.of()), Settings.of(List.of()).settings(), "a question without numbers is one empty setting");
    }

    @Test
    void should_read_a_multiple_of_a_number_stated_before_as_a_setting_to_compare() {
        Settings samples = Settings.of(Quantities.of("With 100 samples per problem coverage is 40%. What coverage should I expect with ten times as many samples?"));
        assertEquals(List.of(List.of("samples:100.0"), List.of("samples:1000.0")), samples.settings().stream().map(QuantitiesTest::described).toList());
        Settings tokens = Settings.of(Quantities.of("A 1B model on 20B tokens: what loss, and what loss on 10x more tokens?"));
        assertEquals(List.of(List.of("parameters:1.0E9", "tokens:2.0E10"), List.of("parameters:1.0E9", "tokens:2.0E11")),
                tokens.settings().stream().map(QuantitiesTest::described).toList(), "a multiplier sign, and the model size held in both");
        assertEquals(List.of("flops:1.0E21", "flops:4.0E21"), described(Quantities.of("Going from 1e21 FLOPs to 4× the compute, how does the optimal size change?")));
        assertEquals(List.of("flops:1.0E21", "flops:4.0E21"), described(Quantities.of("From 1e21 FLOPs, what would 4 times more PF-days give?")),
                "a multiple in another unit of the same kind multiplies what was stated");
        assertEquals(List.of("flops:1.0E21"), described(Quantities.of("What if I use 4x the compute of 1e21 FLOPs?")),
                "nothing of its kind stated before: the factor says nothing");
        assertEquals(List.of("tokens:1.0E10"), described(Quantities.of("We train 3 times a week on 10B tokens.")), "a factor with no unit is no quantity");
        assertEquals(List.of("parameters:7.74E8", "tokens:1.0E9", "tokens:1.0E10"),
                described(Quantities.of("A 774M model on 1B tokens: what loss, and with 10x more data?")), "data after the factor: tokens");
        // how many times each problem is attempted is how many samples are drawn
        assertEquals(List.of("samples:10.0"), described(Quantities.of("If our model attempts each issue ten times and keeps whichever passes, what fraction gets solved?")));
        assertEquals(List.of("samples:64.0"), described(Quantities.of("Sample each prompt 64 times: what coverage?")));
        // a comparative that ends its clause multiplies the last number stated, of whatever kind
        assertEquals(List.of("samples:100.0", "samples:500.0"),
                described(Quantities.of("We sample 100 times per problem and cover 40%. What if we sample 5 times more?")));
        assertEquals(List.of("tokens:2.0E10", "tokens:6.0E10"), described(Quantities.of("A 20B-token run, and one with 3 times as many, which wins?")));
        assertEquals(List.of("tokens:2.0E10"), described(Quantities.of("After 20B tokens, what would 4 times the model give?")),
                "a comparative before a word it does not know as a unit multiplies nothing");
    }

    @Test
    void should_read_a_token_multiplier_named_right_before_its_number_though_a_loss_is_asked_of_it() {
        assertEquals(List.of("parameters", "tokens-per-parameter", "tokens-per-parameter"),
                Quantities.of("For a 1.0e9-parameter model, the predicted validation loss at a token multiplier of 20 and also at a multiplier of 160?")
                        .stream().map(Quantities.Quantity::kind).toList());
        assertEquals(List.of(), Quantities.of("What does a multiplier of 160 do?"), "a multiplier of nothing named before counts nothing");
    }

    @Test
    void should_read_a_number_a_function_is_applied_to_as_the_symbol_the_text_writes_it_with() {
        assertEquals(List.of("samples", "samples"), Quantities.of("c(k) = exp(a k^b) on SWE-bench Lite: c(10) vs c(100)?").stream().map(Quantities.Quantity::kind).toList());
        assertEquals(List.of(), Quantities.of("what is c(10)?"), "a function the text never writes with its symbol says nothing of the number");
    }

    @Test
    void should_read_the_symbols_with_a_subscript_a_text_writes() {
        assertEquals(Set.of("n_c", "alpha_n"), Quantities.subscripted("L(N) = (N_c/N)^α_N at N = 8.5e7"));
        assertEquals(Set.of("c_0", "p_lr_n"), Quantities.subscripted("C_{0} and p_lr_N, not N_c2x_"));
        assertEquals(Set.of(), Quantities.subscripted("a 7B model on 2T tokens, _x"), "none written");
    }

    @Test
    void should_tell_the_kind_a_short_unit_stands_for() {
        assertEquals(Optional.of("tokens"), Quantities.shortFor("toks"));
        assertEquals(Optional.of("parameters"), Quantities.shortFor("Params"));
        assertEquals(Optional.empty(), Quantities.shortFor("tokens"), "the kind's own name is no short form");
        assertEquals(Optional.empty(), Quantities.shortFor("models"), "a unit of parameters, but another word");
        assertEquals(Optional.empty(), Quantities.shortFor("compute"));
    }

    private static List<String> described(List<Quantities.Quantity> quantities) {
        return quantities.stream().map(q -> q.kind() + ":" + q.value()).toList();
    }

    @Test
    void should_name_the_unit_words_of_the_numbers_a_question_states() {
        assertEquals(java.util.Set.of("non-emb", "params", "toks"), Quantities.unitWords(Quantities.of("step law peak lr for 3B non-emb params, 600B toks?")));
        assertTrue(Quantities.unitWords(Quantities.of("Does depth matter more than width?")).isEmpty());
    }

    private static List<Double> values(List<Quantities.Quantity> quantities, String... kinds) {
        return List.of(kinds).stream().map(kind -> quantities.stream().filter(q -> q.kind().equals(kind)).findFirst().orElseThrow().value()).toList();
    }

}
