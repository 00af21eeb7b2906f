package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./atlas law: list, show, eval, optimal and fit, and bad input as a one-line error with exit 1. */
class LawCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_list_the_laws_and_show_one() {
        assertEquals(0, run("law", "list"));
        assertTrue(out.toString().contains("chinchilla-parametric-loss"), out.toString());
        assertEquals(0, run("law", "show", "muennighoff-data-constrained-loss"));
        assertTrue(out.toString().contains("U_D: unique training data, in tokens"), out.toString());
    }

    @Test
    void should_evaluate_with_numbers_such_as_70B_and_find_an_optimum() {
        assertEquals(0, run("law", "eval", "chinchilla-parametric-loss", "N=70B", "D=1.4T", "--constants", "unrounded"), err.toString());
        assertTrue(out.toString().contains("loss = 1.9208"), out.toString());
        assertEquals(0, run("law", "optimal", "sardana-inference-aware-optimum", "loss=1.947", "D_inf=2e12"), err.toString());
        assertTrue(out.toString().contains("N_opt = 2.418"), out.toString());
    }

    @Test
    void should_refuse_bad_input_with_one_line_and_exit_1() {
        assertEquals(1, run("law", "eval", "chinchilla-parametric-loss", "N=lots", "D=1e12"));
        assertTrue(err.toString().startsWith("atlas: error: N: 'lots' is not a number"), err.toString());
        assertEquals(1, run("law", "eval", "no-such-law", "N=1"));
        assertTrue(err.toString().contains("no law 'no-such-law'"), err.toString());
        assertEquals(1, run("law", "eval", "chinchilla-parametric-loss", "N"));
        assertTrue(err.toString().contains("is not NAME=VALUE"), err.toString());
        assertEquals(1, run("law", "fit", dir.resolve("missing.csv").toString()));
        assertFalse(err.toString().contains("Exception"), err.toString());
    }

    @Test
    void should_fit_a_csv_and_compare_with_the_published_laws() throws IOException {
        StringBuilder csv = new StringBuilder("# points made with the unrounded Chinchilla constants\nN,D,loss\n");
        for (double n : new double[] {1e8, 4e8, 1.6e9, 6.4e9}) {
            for (double d : new double[] {5e9, 2e10, 8e10}) {
                csv.append(n).append(',').append(d).append(',').append(1.69337 + 406.401 / Math.pow(n, 0.33917084) + 410.723 / Math.pow(d, 0.2849083)).append('\n');
            }
        }
        Path file = Files.writeString(dir.resolve("points.csv"), csv);
        assertEquals(0, run("law", "fit", file.toString(), "--resamples", "10"), err.toString());
        assertTrue(out.toString().contains("Fitted E + A / N^alpha + B / D^beta to 12 points"), out.toString());
        assertTrue(out.toString().contains("Published laws on the same points"), out.toString());
        Files.writeString(file, "N,D,loss\n1,2\n");
        assertEquals(1, run("law", "fit", file.toString()));
        assertTrue(err.toString().contains("line 2: expected 3 values"), err.toString());
    }
}
