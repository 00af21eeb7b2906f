package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;

/** Which of a question's numbers each law reads, on the bundled laws. */
class NumbersReadTest {

    private static final LawBook BOOK = new LawBook(Corpus.load(Path.of("corpus")).laws());
    /** "an 8B model on 400B tokens, 100B of them unique" */
    private static final List<Calculation.Given> REPEATED = List.of(new Calculation.Given("parameters", 8e9), new Calculation.Given("tokens", 4e11),
            new Calculation.Given("unique-tokens", 1e11));

    private static Calculation run(String law, Map<String, Double> inputs) {
        Result result = BOOK.require(law).evaluate(inputs, null, Map.of());
        return new Calculation(law, law, "", "note", "Note?", null, Calculation.FROM_QUESTION, result);
    }

    @Test
    void should_read_the_kinds_a_laws_inputs_declare_and_a_budget_it_optimises_over() {
        NumbersRead read = new NumbersRead(BOOK, REPEATED);
        assertEquals(Set.of("parameters", "tokens", "unique-tokens"), read.by(BOOK.require("muennighoff-data-constrained-loss").law()));
        assertEquals(Set.of("parameters", "tokens"), read.by(BOOK.require("chinchilla-parametric-loss").law()));
        NumbersRead budget = new NumbersRead(BOOK, List.of(new Calculation.Given("parameters", 7e10), new Calculation.Given("flops", 1e22)));
        assertEquals(Set.of("parameters", "flops"), budget.by(BOOK.require("chinchilla-parametric-loss").law()), "its optimum reads the budget");
        assertEquals(Set.of("parameters"), budget.by(BOOK.require("kaplan-loss-vs-parameters").law()));
        assertEquals(2, budget.inPlan("kaplan-loss-vs-parameters"), "a plan row reads the budget it is for");
    }

    @Test
    void should_read_one_precision_for_every_tensor_unless_one_is_stated_apart_and_the_askers_constants() {
        org.scalingatlas.corpus.Law kumar = BOOK.require("kumar-precision-effective-parameters").law();
        List<Calculation.Given> oneWidth = List.of(new Calculation.Given("parameters", 2e8), new Calculation.Given("bits", 6.0),
                new Calculation.Given("constant:gamma_w", 2.5));
        assertEquals(Optional.of(6.0), NumbersRead.value("kv-cache-bits", oneWidth), "\"all quantised to 6 bits\"");
        assertEquals(Set.of("parameters", "bits", "constant:gamma_w"), new NumbersRead(BOOK, oneWidth).by(kumar), "the asker's constant is read too");
        List<Calculation.Given> apart = List.of(new Calculation.Given("bits", 6.0), new Calculation.Given("activation-bits", 8.0));
        assertEquals(Optional.of(8.0), NumbersRead.value("activation-bits", apart), "\"6-bit weights, 8-bit activations\"");
    }

    @Test
    void should_read_a_kind_from_its_parts_and_prefer_the_law_that_reads_what_was_stated() {
        List<Calculation.Given> tokens = List.of(new Calculation.Given("parameters", 1e9), new Calculation.Given("tokens", 1e11));
        List<Calculation.Given> perParameter = List.of(new Calculation.Given("parameters", 1e9), new Calculation.Given("tokens-per-parameter", 500));
        assertEquals(Optional.of(100.0), NumbersRead.value("tokens-per-parameter", tokens), "100B tokens for 1B parameters");
        assertEquals(Optional.of(5e11), NumbersRead.value("tokens", perParameter), "500 tokens per parameter for 1B parameters");
        assertEquals(Optional.of(1e11), NumbersRead.value("tokens", tokens), "as stated");
        assertEquals(Optional.empty(), NumbersRead.value("tokens-per-parameter", List.of(new Calculation.Given("tokens", 1e11))), "one part alone");
        assertEquals(Optional.empty(), NumbersRead.value("tokens-per-parameter", List.of(new Calculation.Given("tokens", 1e11), new Calculation.Given("parameters", 0))));
        Calculation gadre = run("gadre-over-training-loss", Map.of("N", 1e9, "M", 100.0));
        Calculation chinchilla = run("chinchilla-parametric-loss", Map.of("N", 1e9, "D", 1e11));
        NumbersRead statedTokens = new NumbersRead(BOOK, tokens);
        assertEquals(Set.of("parameters", "tokens"), statedTokens.by(BOOK.require("gadre-over-training-loss").law()), "M read from its parts");
        assertEquals(List.of(chinchilla), statedTokens.most(List.of(gadre, chinchilla)), "D as stated beats M from its parts");
        assertEquals(1, statedTokens.alike(List.of(chinchilla, gadre)));
        Calculation gadreAt500 = run("gadre-over-training-loss", Map.of("N", 1e9, "M", 500.0));
        Calculation chinchillaAt500 = run("chinchilla-parametric-loss", Map.of("N", 1e9, "D", 5e11));
        assertEquals(Set.of("parameters", "tokens-per-parameter"), new NumbersRead(BOOK, perParameter).by(BOOK.require("chinchilla-parametric-loss").law()),
                "D read from its parts");
        assertEquals(List.of(gadreAt500), new NumbersRead(BOOK, perParameter).most(List.of(chinchillaAt500, gadreAt500)), "M as stated beats D from its parts");
    }

    @Test
    void should_keep_the_runs_that_read_the_most_and_say_what_the_answer_leaves_aside() {
        NumbersRead read = new NumbersRead(BOOK, REPEATED);
        Calculation muennighoff = run("muennighoff-data-constrained-loss", Map.of("N", 8e9, "D", 4e11, "U_D", 1e11));
        Calculation chinchilla = run("chinchilla-parametric-loss", Map.of("N", 8e9, "D", 4e11));
        assertEquals(List.of(muennighoff), read.most(List.of(chinchilla, muennighoff)));
        assertEquals(Set.of("unique-tokens"), read.unreadByAnswer(List.of(chinchilla, muennighoff), false), "the first, answering, law leaves it aside");
        assertEquals(Set.of(), read.unreadBy(List.of(chinchilla, muennighoff), false), "but some calculation reads it");
        assertEquals(List.of(new Calculation.Given("unique-tokens", 1e11)), read.of(read.unreadBy(List.of(chinchilla), false)));
        assertEquals(1, read.alike(List.of(muennighoff, chinchilla)), "laws reading other numbers are not alike");
        assertEquals(2, read.alike(List.of(chinchilla, chinchilla)));
        assertTrue(read.couldRead(new Calculation.CitedNote("n", "N?", List.of(), List.of("muennighoff-data-constrained-loss")), Set.of("unique-tokens")));
        assertFalse(read.couldRead(new Calculation.CitedNote("n", "N?", List.of(), List.of("chinchilla-parametric-loss")), Set.of("unique-tokens")));
    }
}
