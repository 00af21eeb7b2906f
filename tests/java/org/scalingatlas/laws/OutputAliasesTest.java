package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.CorpusException;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.LawFile;

/** What people call a law's outputs, as the law file declares it, and the questions that then ask for them. */
class OutputAliasesTest {

    private static final InlineCalculations CALCULATIONS = new InlineCalculations(new LawBook(Corpus.load(Path.of("corpus")).laws()), Map.of());

    private static final String LAW = """
            ---
            id: x
            name: x
            paper: p
            inputs: [{symbol: N, name: size, unit: parameters}]
            outputs: [{name: lr, formula: "A / N", unit: "learning rate", aliases: %s}]
            constants: [{id: published, label: test, provenance: V-paper, values: {A: 1}}]
            ---
            """;

    @Test
    void should_read_an_outputs_aliases_and_refuse_an_empty_one() {
        Law law = LawFile.parse(Path.of("x.md"), LAW.formatted("[\"lr\", \"peak step size\"]"));
        assertEquals(List.of("lr", "peak step size"), law.outputs().get(0).aliases());
        assertTrue(law.prose().contains("peak step size"), "what the law says in words names its outputs as they are called");
        assertEquals(List.of(), LawFile.parse(Path.of("x.md"), LAW.replace(", aliases: %s", "")).outputs().get(0).aliases(), "optional");
        assertTrue(assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("x.md"), LAW.formatted("[\" \"]"))).getMessage()
                .contains("output lr has an empty alias"));
        assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("x.md"), LAW.formatted("{lr: 1}")), "a list of plain values");
    }

    @Test
    void should_compute_what_a_question_asks_for_by_an_alias_the_law_file_declares() {
        assertTrue(CALCULATIONS.computes(Asked.of("How much total compute do a 7B model on 1T tokens and 2T inference tokens take?", Set.of())),
                "\"total compute\" is Sardana's total_flops");
        assertTrue(CALCULATIONS.computes(Asked.of("lr for 7,000M params on 2T tokens?", Set.of())), "\"lr\" is the Step Law's");
        assertTrue(CALCULATIONS.computes(Asked.of("What bs for 3B params on 600B tokens?", Set.of())), "\"bs\" is its batch_size");
        assertTrue(CALCULATIONS.computes(Asked.of("What batch for 3B params on 600B tokens?", Set.of())), "so is \"batch\"");
        assertFalse(CALCULATIONS.computes(Asked.of("What colour for 3B params on 600B tokens?", Set.of())), "no law computes a colour");
        assertTrue(CALCULATIONS.computes(Asked.of("How many times its parameter count does a 3B model act like with 4 parallel streams?", Set.of())),
                "\"times parameter count\" is ParScale's effective_parameter_multiplier");
    }

    @Test
    void should_compute_what_a_question_asks_for_by_an_outputs_symbol() {
        assertTrue(CALCULATIONS.computes(Asked.of("N_opt(C), C = 3 PF-days, video row", Set.of())), "Henighan's N_opt, written as the law file writes it");
        assertFalse(CALCULATIONS.computes(Asked.of("N(C), C = 3 PF-days, video row", Set.of())), "a symbol with no subscript names no output");
    }

    @Test
    void should_compute_what_a_question_asks_for_by_the_symbol_an_outputs_description_gives() {
        assertTrue(CALCULATIONS.computes(Asked.of("D' for N = 5e8, D = 1e11, U_D = 1e10 (datablations)", Set.of())),
                "Muennighoff's effective_tokens, described as \"D': repeated tokens are worth less\"");
        assertTrue(CALCULATIONS.computes(Asked.of("What is N' for a 9B model trained for 4 epochs of 50B unique tokens?", Set.of())), "and N'");
        assertFalse(CALCULATIONS.computes(Asked.of("What is D for N = 5e8 and U_D = 1e10?", Set.of())), "D without its prime is an input");
        assertEquals(Set.of("d'", "n'"), Asked.primed("Compare D' and N′ for it, and the model's size"), "a possessive is no prime");
    }
}
