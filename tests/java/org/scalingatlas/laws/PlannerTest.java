package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.scalingatlas.corpus.Corpus;

/** The planner on the real law files: the rows, the reference's check values, extrapolation, the spread, bad budgets. */
class PlannerTest {

    private static Planner planner;

    @BeforeAll
    static void load() {
        Corpus corpus = Corpus.load(Path.of("corpus"));
        planner = new Planner(new LawBook(corpus.laws()), corpus.papersById());
    }

    private static Plan plan(double compute) {
        return planner.plan(Planner.budget(compute, null, null, null, null));
    }

    private static Plan.Row row(Plan plan, String law, String set) {
        return plan.rows().stream().filter(r -> r.law().equals(law) && r.constants().equals(set)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + law + " (" + set + ") in " + plan.rows()));
    }

    private static void near(double expected, Double actual, double tolerance, String what) {
        assertNotNull(actual, what);
        assertTrue(Math.abs(actual / expected - 1) <= tolerance, what + ": expected " + expected + " within " + tolerance + ", got " + actual);
    }

    @Test
    void should_list_every_allocation_law_with_its_paper_and_what_n_counts_at_the_gopher_budget() {
        Plan plan = plan(5.76e23);
        assertTrue(plan.rows().size() >= 6, plan.rows().toString());
        for (String[] expected : new String[][] {{"chinchilla-parametric-loss", "published"}, {"chinchilla-parametric-loss", "unrounded"},
            {"chinchilla-parametric-loss", "epoch-refit"}, {"chinchilla-parametric-loss", "sardana-code"},
            {"chinchilla-approach-1-allocation", "table-3"}, {"kaplan-compute-efficient-allocation", "published"},
            {"henighan-optimal-model-size", "language"}}) {
            row(plan, expected[0], expected[1]);
        }
        for (Plan.Row r : plan.rows()) {
            assertTrue(r.nOpt() > 0, r.toString());
            assertNotNull(r.paper().arxiv(), r.law());
            assertTrue(!r.parameters().isBlank() && !r.constantsLabel().isBlank(), r.toString());
            if (r.dOpt() != null) {
                assertEquals(r.dOpt() / r.nOpt(), r.tokensPerParameter(), 1e-9 * r.tokensPerParameter());
            }
        }
        assertEquals("2404.10102", row(plan, "chinchilla-parametric-loss", "epoch-refit").paper().arxiv());
        assertEquals("non-embedding parameters", row(plan, "kaplan-compute-efficient-allocation", "published").parameters());
        assertTrue(row(plan, "chinchilla-parametric-loss", "published").parameters().contains("including embeddings"));
        // the rows without data or inference inputs leave those laws out
        assertTrue(plan.rows().stream().noneMatch(r -> r.law().equals(Planner.MUENNIGHOFF) || r.law().equals(Planner.SARDANA)));
    }

    /** scaling-laws.md §2 and §3 [V-repro], the tolerances the law file states (5e-3 for 3-figure values). */
    @ParameterizedTest
    @CsvSource({
        "published,   5.76e23, 3.22e10, 2.98e12, 1.9307",
        "unrounded,   5.76e23, 4.04e10, 2.38e12, 1.9184",
        "published,   1e21,    1.82e9,  9.14e10, 2.3289",
        "unrounded,   1e21,    2.22e9,  7.52e10, 2.2955",
        "epoch-refit, 5.88e23, 7.30e10, 1.34e12, NaN",
        "epoch-refit, 1e24,    9.59e10, 1.74e12, NaN"})
    void should_reproduce_the_reference_optima_of_chinchilla_and_the_epoch_refit(String set, double c, double n, double d, double loss) {
        Plan.Row r = row(plan(c), "chinchilla-parametric-loss", set);
        near(n, r.nOpt(), 5e-3, set + " N_opt");
        near(d, r.dOpt(), 5e-3, set + " D_opt");
        if (!Double.isNaN(loss)) {
            near(loss, r.loss(), 5e-3, set + " loss");
        }
    }

    @Test
    void should_give_about_18_tokens_per_parameter_with_the_epoch_refit_and_the_table_3_size_at_the_gopher_budget() {
        near(18.4, row(plan(5.88e23), "chinchilla-parametric-loss", "epoch-refit").tokensPerParameter(), 5e-3, "Epoch D/N");
        near(6.7e10, row(plan(5.76e23), "chinchilla-approach-1-allocation", "table-3").nOpt(), 0.02, "Table 3: 67B");
    }

    /** scaling-laws.md §12 [V-repro]: N*(5.88e23) = 7.69e10; the law gives no D_opt (no C = 6ND recorded for its FLOP count). */
    @Test
    void should_list_porian_corrected_size_without_tokens() {
        Plan.Row porian = row(plan(5.88e23), Planner.PORIAN, "refinedweb");
        near(7.69e10, porian.nOpt(), 1e-3, "Porian N*");
        assertNull(porian.dOpt());
        assertNull(porian.tokensPerParameter());
        assertEquals("2406.19146", porian.paper().arxiv());
    }

    /**
     * 1e21 FLOPs lies inside every recorded range: Chinchilla's N (7e7-1.6e10) and D (5e9-5e11) at all four optima,
     * Approach 1's budgets (6e18-3e21), Muennighoff's N (7e6-9e9) with 2e10 unique tokens (which bind: the
     * optimum repeats them), and Sardana's N and D with 1e11 inference tokens.
     */
    @Test
    void should_warn_of_no_extrapolation_inside_every_fitted_range() {
        Plan plan = planner.plan(Planner.budget(1e21, null, 2e10, 1e11, null));
        assertEquals(10, plan.rows().size(), plan.rows().toString()); // nine, and porian-compute-optimal-size, whose file records no fitted range of C
        for (Plan.Row r : plan.rows()) {
            assertNull(r.extrapolation().warning(), r.law() + " " + r.extrapolation());
            if (r.extrapolation().decades() != null) {
                assertEquals(0, r.extrapolation().decades(), r.law() + " " + r.extrapolation());
            }
        }
    }

    @Test
    void should_warn_past_one_decade_at_1e27_flops() {
        Plan plan = plan(1e27);
        for (String set : List.of("published", "unrounded", "epoch-refit", "sardana-code")) {
            Plan.Extrapolation x = row(plan, "chinchilla-parametric-loss", set).extrapolation();
            assertTrue(x.decades() > 1, set + " " + x);
            assertTrue(x.warning().contains("decades above the range the law was fitted on"), x.warning());
        }
        Plan.Extrapolation approach1 = row(plan, "chinchilla-approach-1-allocation", "table-3").extrapolation();
        assertEquals(Math.log10(1e27 / 3e21), approach1.decades(), 1e-9);
        assertTrue(approach1.warning().startsWith("C = 1.00e27 lies 5.5 decades above"), approach1.warning());
    }

    @Test
    void should_say_the_fitted_range_is_not_recorded_rather_than_invent_one() {
        Plan.Extrapolation kaplan = row(plan(5.76e23), "kaplan-compute-efficient-allocation", "published").extrapolation();
        assertNull(kaplan.decades());
        assertNull(kaplan.warning());
        assertEquals(List.of("C_min"), kaplan.notRecorded());
    }

    @Test
    void should_show_only_the_uncertainty_the_law_files_record() {
        Plan plan = plan(5.76e23);
        assertTrue(row(plan, "chinchilla-parametric-loss", "epoch-refit").uncertainty().contains("bootstrap standard errors (0.020) (0.474 to 0.552)"));
        assertTrue(row(plan, "chinchilla-approach-1-allocation", "table-3").uncertainty().contains("10th-90th percentile of the paper's bootstrap fits (0.488 to 0.502)"));
        assertTrue(row(plan, "chinchilla-parametric-loss", "unrounded").uncertainty().isEmpty() == false);
        assertNull(row(plan, "chinchilla-parametric-loss", "published").band(), "no interval recorded, no band");
        assertEquals("none recorded in the law file", row(plan, "chinchilla-parametric-loss", "published").uncertainty());
        assertEquals("none recorded in the law file", row(plan, "kaplan-compute-efficient-allocation", "published").uncertainty());
    }

    @Test
    void should_measure_the_spread_as_largest_over_smallest_and_say_why_the_rows_differ() {
        Plan plan = plan(5.76e23);
        double max = plan.rows().stream().mapToDouble(Plan.Row::nOpt).max().orElseThrow();
        double min = plan.rows().stream().mapToDouble(Plan.Row::nOpt).min().orElseThrow();
        assertEquals(max / min, plan.spread().ratio(), 1e-12 * max / min);
        assertEquals("chinchilla-parametric-loss (published)", plan.spread().smallest());
        List<String> reasons = plan.spread().reasons();
        assertTrue(reasons.stream().anyMatch(s -> s.contains("count non-embedding parameters") && s.contains("kaplan-compute-efficient-allocation")
                && s.contains("count all parameters, embeddings included")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("chinchilla-parametric-loss (published): The rounded exponents")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.contains("digitised")), reasons.toString());
    }

    @Test
    void should_add_the_data_constrained_and_inference_aware_rows_and_say_what_moves_them() {
        Plan plan = planner.plan(Planner.budget(5.76e23, null, 5e11, 2e12, 8.0));
        Plan.Row sardana = row(plan, Planner.SARDANA, "sardana-code");
        Plan.Row chinchilla = row(plan, "chinchilla-parametric-loss", "sardana-code");
        assertTrue(sardana.nOpt() < chinchilla.nOpt() && sardana.dOpt() > chinchilla.dOpt(), sardana + " vs " + chinchilla);
        assertEquals(chinchilla.loss(), sardana.loss(), 1e-9);
        Plan.Row muennighoff = row(plan, Planner.MUENNIGHOFF, "published");
        assertTrue(muennighoff.dOpt() > 5e11, "repeats the unique data: " + muennighoff);
        List<String> reasons = plan.spread().reasons();
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith(Planner.SARDANA) && s.contains("2.00e12 tokens it will serve")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith(Planner.MUENNIGHOFF) && s.contains("repeats them")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("Training precision (8.00 bits) changes no row")), reasons.toString());
    }

    @Test
    void should_leave_out_the_data_constrained_law_when_the_unique_data_do_not_bind() {
        Plan plan = planner.plan(Planner.budget(1e21, null, 1e13, null, null));
        assertTrue(plan.rows().stream().noneMatch(r -> r.law().equals(Planner.MUENNIGHOFF)), plan.rows().toString());
        assertTrue(plan.spread().reasons().stream().anyMatch(s -> s.startsWith(Planner.MUENNIGHOFF + " is left out")), plan.spread().reasons().toString());
    }

    @ParameterizedTest
    @CsvSource({"-1, compute must be positive", "0, compute must be positive", "NaN, compute must be a finite number",
        "Infinity, compute must be a finite number", "1e31, compute = 1.00e31 FLOPs is beyond", "1e3, compute = 1.00e03 FLOPs is too small"})
    void should_refuse_a_budget_that_is_no_budget(double compute, String message) {
        LawInputException e = assertThrows(LawInputException.class, () -> Planner.budget(compute, null, null, null, null));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void should_name_the_field_that_is_wrong() {
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(null, null, null, null, null)).getMessage().startsWith("compute or targetLoss is required"));
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(1e23, null, -5.0, null, null)).getMessage().startsWith("uniqueTokens must be positive"));
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(1e23, null, null, Double.NaN, null)).getMessage().startsWith("inferenceTokens must be a finite"));
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(1e23, null, null, null, 128.0)).getMessage().startsWith("precision = 128 bits is beyond"));
        assertEquals(0.0, Planner.budget(1e23, null, null, 0.0, null).inferenceTokens());
    }

    /**
     * The band of an exponent interval: the power laws through the set's optimum at the pivot with the interval's
     * exponents, so the ratio of its ends is (C / pivot)^(high - low), it holds the row's own optimum (whose exponent
     * lies inside the interval) and it narrows to nothing at the pivot. Tokens are C / 6 N at its ends.
     */
    @ParameterizedTest
    @CsvSource({"chinchilla-parametric-loss, epoch-refit, 0.474, 0.552", "chinchilla-approach-1-allocation, table-3, 0.488, 0.502"})
    void should_turn_the_recorded_exponent_interval_into_a_band_that_widens_with_distance_from_the_pivot(String law, String set, double low, double high) {
        double pivot = 1.34e20;
        double previous = 1;
        for (double c : new double[] {1e21, 1e23, 5.76e23, 1e25, 1e27}) {
            Plan.Row r = row(plan(c), law, set);
            Plan.Band band = r.band();
            assertNotNull(band, law + " at " + c);
            assertEquals(Math.pow(c / pivot, high - low), band.nHigh() / band.nLow(), 1e-9 * band.nHigh() / band.nLow(), "the band's width at " + c);
            assertTrue(band.nLow() <= r.nOpt() && r.nOpt() <= band.nHigh(), band + " holds " + r.nOpt());
            assertEquals(c / (6 * band.nHigh()), band.dLow(), 1e-9 * band.dLow());
            assertEquals(c / (6 * band.nLow()), band.dHigh(), 1e-9 * band.dHigh());
            assertTrue(band.nHigh() / band.nLow() > previous, "wider further from the pivot");
            previous = band.nHigh() / band.nLow();
        }
        Plan.Band atPivot = row(plan(pivot), law, set).band();
        assertEquals(atPivot.nLow(), atPivot.nHigh(), 1e-9 * atPivot.nLow(), "no width at the pivot: the prefactor's uncertainty is not in it");
    }

    /** The Epoch refit's band at the Gopher budget, computed by hand: N_opt(pivot) (C / pivot)^a for a = 0.474 and 0.552. */
    @Test
    void should_band_the_epoch_refit_at_the_gopher_budget() {
        Plan.Band band = row(plan(5.76e23), "chinchilla-parametric-loss", "epoch-refit").band();
        double atPivot = row(plan(1.34e20), "chinchilla-parametric-loss", "epoch-refit").nOpt();
        near(atPivot * Math.pow(5.76e23 / 1.34e20, 0.474), band.nLow(), 1e-9, "low end");
        near(atPivot * Math.pow(5.76e23 / 1.34e20, 0.552), band.nHigh(), 1e-9, "high end");
        near(5.24e10, band.nLow(), 5e-3, "low end, 3 figures");
        near(1.01e11, band.nHigh(), 5e-3, "high end, 3 figures");
        assertEquals("V-code", band.provenance());
    }

    private static Plan planForLoss(double loss, Double inferenceTokens) {
        return planner.plan(Planner.budget(null, loss, null, inferenceTokens, null));
    }

    /**
     * Sardana et al.'s code (scaling-laws.md §5 [V-code]): the Chinchilla-style model for loss 1.947 with their constants
     * has 3.408e10 parameters and 1.810e12 tokens; the planner finds it as the least compute whose optimum reaches
     * that loss.
     */
    @Test
    void should_find_the_chinchilla_style_model_for_a_target_loss_that_sardanas_code_prints() {
        Plan plan = planForLoss(1.947, null);
        Plan.Row r = row(plan, "chinchilla-parametric-loss", "sardana-code");
        near(3.408e10, r.nOpt(), 2e-3, "N for loss 1.947");
        near(1.810e12, r.dOpt(), 2e-3, "D for loss 1.947");
        near(6 * 3.408e10 * 1.810e12, r.compute(), 4e-3, "C = 6 N D");
        assertEquals(1.947, r.loss(), 1e-9);
        assertTrue(plan.budget().forLoss());
    }

    /** Planning for the loss a budget reaches gives that budget back, for every row that predicts a loss. */
    @ParameterizedTest
    @CsvSource({"1e21", "5.76e23", "1e25"})
    void should_invert_each_law_from_a_target_loss_back_to_the_budget_that_reaches_it(double compute) {
        Plan forward = plan(compute);
        for (Plan.Row r : forward.rows()) {
            if (r.loss() == null) {
                continue;
            }
            Plan.Row back = row(planForLoss(r.loss(), null), r.law(), r.constants());
            near(compute, back.compute(), 1e-6, r.law() + " (" + r.constants() + ") compute for loss " + r.loss());
            near(r.nOpt(), back.nOpt(), 1e-5, r.law() + " N_opt");
        }
    }

    @Test
    void should_say_which_laws_cannot_plan_for_a_loss_and_which_never_reach_it() {
        Plan plan = planForLoss(1.6, null); // below Chinchilla's irreducible E = 1.69 (1.82 refit), above nothing for Kaplan
        assertTrue(plan.rows().stream().noneMatch(r -> r.law().equals(Planner.CHINCHILLA)), plan.rows().toString());
        assertTrue(plan.rows().stream().noneMatch(r -> r.law().equals(Planner.APPROACH_1) || r.law().equals(Planner.PORIAN)));
        row(plan, Planner.KAPLAN, "published");
        List<String> reasons = plan.spread().reasons();
        assertTrue(reasons.contains("chinchilla-approach-1-allocation predicts no loss, so it cannot size a run for a target loss."), reasons.toString());
        assertTrue(reasons.stream().anyMatch(s -> s.startsWith("chinchilla-parametric-loss (published) never reaches loss 1.6: even 1.00e30 FLOPs give 1.7165")),
                reasons.toString());
    }

    /** The inference-aware row takes the target loss itself; Sardana's README: loss 1.947 with 2e12 inference tokens. */
    @Test
    void should_plan_the_inference_aware_row_for_the_target_loss_itself() {
        Plan.Row r = row(planForLoss(1.947, 2e12), Planner.SARDANA, "sardana-code");
        near(2.418e10, r.nOpt(), 2e-3, "N_opt");
        near(2.657e12, r.dOpt(), 2e-3, "D_opt");
        near(6 * r.nOpt() * r.dOpt(), r.compute(), 1e-9, "its training compute");
    }

    /** Kaplan's allocation predicts no loss; its paper's L(C_min) does (check value 1.6771 at 1e4 PF-days). */
    @Test
    void should_give_kaplans_row_the_loss_of_the_same_papers_loss_versus_compute_law() {
        Plan plan = plan(1e4 * 8.64e19);
        Plan.Row kaplan = row(plan, Planner.KAPLAN, "published");
        assertEquals(1.6771, kaplan.loss(), 1e-4);
        assertTrue(kaplan.notes().contains("the loss is kaplan-loss-vs-compute's, the same paper's loss at this compute"), kaplan.notes().toString());
        assertTrue(plan.spread().reasons().stream().anyMatch(s -> s.startsWith("Losses compare only between rows of one law") && s.contains("WebText2")
                && s.contains("MassiveText")), plan.spread().reasons().toString());
    }

    @Test
    void should_take_compute_or_a_target_loss_but_not_both() {
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(1e23, 2.0, null, null, null)).getMessage().startsWith("give compute or targetLoss, not both"));
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(null, -2.0, null, null, null)).getMessage().startsWith("targetLoss must be positive"));
        assertTrue(assertThrows(LawInputException.class, () -> Planner.budget(null, 1e3, null, null, null)).getMessage().startsWith("targetLoss = 1.00e03 nats per token is beyond"));
        assertTrue(Planner.searchesNumerically(Planner.budget(null, 2.0, null, null, null)));
    }
}
