package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.CorpusException;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.LawFile;

class CalculatorTest {

    private static final LawBook BOOK = new LawBook(Corpus.load(Path.of("corpus")).laws());

    @Test
    void should_know_each_law_by_the_first_word_of_its_name() {
        assertTrue(BOOK.eponyms().containsAll(List.of("kaplan", "chinchilla", "muennighoff", "henighan")), BOOK.eponyms().toString());
        assertEquals(BOOK.laws().stream().map(LawBook::eponym).distinct().count(), BOOK.eponyms().size());
        assertEquals("kaplan", LawBook.asEponym("Kaplan's"));
        assertEquals("hoffmann", LawBook.asEponym("Hoffmann’s"));
    }

    @Test
    void should_read_a_run_shorter_than_its_unique_data_as_repeating_nothing() {
        Calculator muennighoff = BOOK.require("muennighoff-data-constrained-loss");
        // 20B tokens of 50B unique ones: nothing repeats, so the loss is that of a run whose every token is unique
        double shorter = muennighoff.evaluate(Map.of("N", 1e9, "D", 2e10, "U_D", 5e10), null, Map.of()).outputs().get("loss");
        double fresh = muennighoff.evaluate(Map.of("N", 1e9, "D", 2e10, "U_D", 2e10), null, Map.of()).outputs().get("loss");
        assertEquals(fresh, shorter, 1e-12);
        assertTrue(shorter > muennighoff.evaluate(Map.of("N", 1e9, "D", 5e10, "U_D", 5e10), null, Map.of()).outputs().get("loss"),
                "more fresh tokens lower the loss");
        // a budget the unique data do not constrain has the unconstrained optimum, not a vast model on a few tokens
        // (counting all of U_D as seen, the optimum at 1e20 FLOPs was 4.9e11 parameters on 3.4e7 tokens)
        Result small = muennighoff.optimal(Map.of("C", 1e20, "U_D", 5e10), null, Map.of());
        Result unconstrained = muennighoff.optimal(Map.of("C", 1e20, "U_D", 1e15), null, Map.of());
        assertEquals(unconstrained.outputs().get("N_opt"), small.outputs().get("N_opt"), unconstrained.outputs().get("N_opt") * 1e-3);
        assertTrue(small.outputs().get("D_opt") < 5e10 && small.outputs().get("D_opt") / small.outputs().get("N_opt") > 5, small.outputs().toString());
    }

    @Test
    void should_agree_with_the_numerical_optimiser_where_the_paper_gives_a_closed_form() {
        Law chinchilla = BOOK.require("chinchilla-parametric-loss").law();
        Law numeric = new Law("numeric-chinchilla", "same law without its closed form", chinchilla.paperId(), chinchilla.inputs(),
                chinchilla.outputs(), chinchilla.constantSets(), List.of(), List.of(), List.of(),
                new Law.Optimal(Law.Optimal.COMPUTE_BUDGET, "loss", null, List.of(), List.of()), Map.of(), List.of(), "");
        for (double c : new double[] {1e19, 1e21, 5.76e23, 1e26}) {
            Result closed = BOOK.require(chinchilla.id()).optimal(Map.of("C", c), "unrounded", Map.of());
            Result found = new Calculator(numeric).optimal(Map.of("C", c), "unrounded", Map.of());
            assertEquals(closed.outputs().get("N_opt"), found.outputs().get("N_opt"), closed.outputs().get("N_opt") * 1e-6, "C = " + c);
        }
    }

    @Test
    void should_halve_loss_ratios_as_kaplan_says_doubling_size_does() {
        Calculator kaplan = BOOK.require("kaplan-loss-vs-parameters");
        double ratio = kaplan.evaluate(Map.of("N", 2e9), null, Map.of()).outputs().get("loss") / kaplan.evaluate(Map.of("N", 1e9), null, Map.of()).outputs().get("loss");
        assertEquals(0.95, ratio, 0.005, "Kaplan §1.2: doubling N multiplies the loss by 2^-0.076 = 0.95");
    }

    @Test
    void should_refuse_a_formula_with_an_unknown_name_or_function() {
        String law = """
                ---
                id: broken
                name: broken law
                paper: some-paper
                inputs:
                  - {symbol: N, name: size, unit: parameters}
                outputs:
                  - {name: loss, formula: "%s", unit: nats per token}
                constants:
                  - {id: published, label: test, provenance: V-paper, values: {A: 1}}
                ---
                """;
        Law unknownName = LawFile.parse(Path.of("broken.md"), law.formatted("A / N^alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Calculator(unknownName)).getMessage().contains("alpha"));
        Law unknownFunction = LawFile.parse(Path.of("broken.md"), law.formatted("system(N)"));
        assertThrows(IllegalArgumentException.class, () -> new Calculator(unknownFunction));
        Law implicit = LawFile.parse(Path.of("broken.md"), law.formatted("2N"));
        assertThrows(IllegalArgumentException.class, () -> new Calculator(implicit));
    }

    @Test
    void should_refuse_a_law_file_with_an_unknown_field_or_an_unverified_provenance() {
        assertTrue(assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("x.md"), "---\nid: x\nname: x\npaper: p\nmagic: 1\n---\n"))
                .getMessage().contains("unknown field 'magic'"));
        String secondHand = """
                ---
                id: x
                name: x
                paper: p
                inputs: [{symbol: N, name: size, unit: parameters}]
                outputs: [{name: loss, formula: "A / N", unit: nats}]
                constants: [{id: fig, label: from a figure, provenance: V-2nd, values: {A: 1}}]
                ---
                """;
        assertTrue(assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("x.md"), secondHand)).getMessage().contains("V-2nd"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{of: N_opt, low: 0.6, high: 0.5, level: pct, pivot: 1e20, provenance: V-paper, source: s}| needs 0 < low < high < 1",
        "{of: N_opt, low: 0.4, high: 0.5, level: pct, pivot: -1, provenance: V-paper, source: s}| needs a positive pivot",
        "{of: N_opt, low: 0.4, high: 0.5, level: pct, pivot: 1e20, provenance: V-2nd, source: s}| provenance 'V-2nd' is not one of",
        "{of: N_opt, low: 0.4, level: pct, pivot: 1e20, provenance: V-paper, source: s}| an interval needs its high end",
        "{of: N_opt, low: 0.4, high: 0.5, level: pct, pivot: 1e20, provenance: V-paper, source: s, width: 2}| unknown field 'width'"})
    void should_refuse_an_exponent_interval_that_is_no_interval(String interval, String message) {
        String law = """
                ---
                id: x
                name: x
                paper: p
                inputs: [{symbol: C, name: compute, unit: FLOPs}]
                outputs: [{name: N_opt, formula: "A * C^a", unit: parameters}]
                constants: [{id: fit, label: a fit, provenance: V-paper, values: {A: 1, a: 0.5}, interval: %s}]
                ---
                """.formatted(interval);
        CorpusException e = assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("x.md"), law));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void should_read_the_exponent_interval_a_law_file_records() {
        Law.ExponentInterval interval = Corpus.load(Path.of("corpus")).laws().stream().filter(l -> l.id().equals("chinchilla-approach-1-allocation"))
                .findFirst().orElseThrow().constantSets().get(0).interval();
        assertEquals(new Law.ExponentInterval("N_opt", 0.488, 0.502, "10th-90th percentile of the paper's bootstrap fits", 1.34e20, "V-paper",
                interval.source()), interval);
        assertTrue(interval.source().startsWith("Hoffmann et al. 2022, Table 2"), interval.source());
    }
}
