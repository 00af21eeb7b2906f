package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** ./atlas plan through AtlasCli.run: the table, the spread, --json as the API gives it, and bad numbers as one-line errors. */
class PlanCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_print_the_table_the_ranges_and_the_spread() {
        assertEquals(0, run("plan", "--compute", "5.76e23"), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Plan for C = 5.76e23 FLOPs"), text);
        assertTrue(text.contains("chinchilla-parametric-loss           unrounded      4.04e10 -                     2.38e12    58.9 1.9184"), text);
        assertTrue(text.contains("chinchilla-approach-1-allocation     table-3        6.79e10 6.24e10 to 7.02e10    1.41e12    20.8      -  2.28 dec     WARNING"), text);
        assertTrue(text.contains("fitted range not recorded for C_min"), text);
        assertTrue(text.contains("Spread: the largest N_opt (kaplan-compute-efficient-allocation (published))"), text);
        assertTrue(text.contains("count non-embedding parameters"), text);
    }

    @Test
    void should_read_numbers_as_the_law_command_does_and_print_json() throws Exception {
        assertEquals(0, run("plan", "--compute", "5.76x10^23", "--unique-tokens", "500B", "--inference-tokens", "2T", "--precision", "8", "--json"), err.toString());
        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertEquals(5.76e23, plan.get("budget").get("compute").asDouble(), 1e9);
        assertEquals(10, plan.get("rows").size(), out.toString()); // four Chinchilla sets, Approach 1, Kaplan, Henighan, Porian, Muennighoff, Sardana
        assertTrue(plan.get("spread").get("reasons").toString().contains("Training precision (8.00 bits) changes no row"), out.toString());
    }

    @Test
    void should_refuse_bad_numbers_with_one_line_and_exit_1() {
        assertEquals(1, run("plan", "--compute", "lots"));
        assertTrue(err.toString().startsWith("atlas: error: --compute: 'lots' is not a number"), err.toString());
        assertEquals(1, run("plan", "--compute", "-1e24"));
        assertTrue(err.toString().contains("compute must be positive"), err.toString());
        assertEquals(2, run("plan"));
        assertTrue(err.toString().contains("Missing required argument (specify one of these): (--compute=FLOPS | --loss=NATS)"), err.toString());
        assertEquals(2, run("plan", "--compute", "1e24", "--loss", "2"));
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
        assertEquals(1, run("plan", "--loss", "-2"));
        assertTrue(err.toString().contains("targetLoss must be positive"), err.toString());
    }

    @Test
    void should_plan_for_a_target_loss_with_each_rows_compute() {
        assertEquals(0, run("plan", "--loss", "1.947"), err.toString());
        String text = out.toString();
        assertTrue(text.startsWith("Plan for a target loss of 1.95 nats per token"), text);
        // Sardana et al.'s Chinchilla-style model for loss 1.947: 3.408e10 parameters, 1.810e12 tokens (6 N D = 3.70e23 FLOPs)
        assertTrue(text.contains("chinchilla-parametric-loss           sardana-code   3.70e23   3.41e10 -                     1.81e12"), text);
        assertTrue(text.contains("chinchilla-approach-1-allocation predicts no loss, so it cannot size a run for a target loss."), text);
    }
}
