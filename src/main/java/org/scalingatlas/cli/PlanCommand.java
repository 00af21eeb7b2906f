package org.scalingatlas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalingatlas.app.LawService;
import org.scalingatlas.laws.Plan;
import org.scalingatlas.question.Numbers;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "plan",
        mixinStandardHelpOptions = true,
        description = {"Size a training run: every law that gives an allocation for the budget (or the least budget that reaches a "
            + "target loss), side by side, with how far each extrapolates beyond the range it was fitted on, the uncertainty its "
            + "source reports, and why they disagree."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas plan --compute 5.76e23",
            "  ./atlas plan --compute 1e24 --unique-tokens 500B --inference-tokens 2T",
            "  ./atlas plan --loss 2.0",
            "  ./atlas plan --compute 5.76e23 --json"})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Goal goal;

    /** What the plan is for: a compute budget to spend, or a loss to reach at the least compute. */
    static final class Goal {
        @Option(names = "--compute", required = true, paramLabel = "FLOPS", description = "Training compute in FLOPs (5.76e23, 5.76x10^23).")
        String compute;

        @Option(names = "--loss", required = true, paramLabel = "NATS",
                description = "Instead of a compute: a target loss in nats per token, and each law's least compute that reaches it.")
        String loss;
    }

    @Option(names = "--unique-tokens", paramLabel = "TOKENS", description = "Unique training tokens available (500B, 1.4T): adds the data-constrained row.")
    String uniqueTokens;

    @Option(names = "--inference-tokens", paramLabel = "TOKENS", description = "Tokens the model will serve over its life (2T): adds the inference-aware row.")
    String inferenceTokens;

    @Option(names = "--precision", paramLabel = "BITS", description = "Training precision in bits (checked and echoed; no law with verified constants uses it yet).")
    String precision;

    @Option(names = "--json", description = "Print the plan as JSON (the same as POST /api/plan).")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        Plan.Budget budget = LawService.budget(number("--compute", goal.compute), number("--loss", goal.loss), number("--unique-tokens", uniqueTokens),
                number("--inference-tokens", inferenceTokens), number("--precision", precision));
        Plan plan = LawService.load(AtlasCli.config().corpusDir()).plan(budget);
        if (json) {
            JsonOutput.print(out, plan);
            return 0;
        }
        PlanTable.print(out, plan);
        return 0;
    }

    private static Double number(String option, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Numbers.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    /** The plan as a table, then each row's conditions and the spread. */
    static final class PlanTable {
        private PlanTable() {
        }

        static void print(PrintWriter out, Plan plan) {
            Plan.Budget b = plan.budget();
            out.printf(Locale.ROOT, "Plan for %s%s%s%s%n%n", b.forLoss() ? "a target loss of " + g(b.targetLoss()) + " nats per token"
                    : "C = " + g(b.compute()) + " FLOPs",
                    b.uniqueTokens() == null ? "" : ", " + g(b.uniqueTokens()) + " unique tokens",
                    b.inferenceTokens() == null ? "" : ", " + g(b.inferenceTokens()) + " inference tokens",
                    b.precision() == null ? "" : ", " + g(b.precision()) + "-bit training");
            String format = "%-36s %-12s " + (b.forLoss() ? "%9s " : "%s") + "%9s %-19s %9s %7s %6s  %-12s %s";
            out.println(String.format(Locale.ROOT, format, "law", "constants", b.forLoss() ? "C" : "", "N_opt", "N_opt band", "D_opt", "tok/par", "loss",
                    "extrapolation", "").stripTrailing());
            for (Plan.Row r : plan.rows()) {
                Plan.Extrapolation x = r.extrapolation();
                out.println(String.format(Locale.ROOT, format, r.law(), r.constants(), b.forLoss() ? g(r.compute()) : "", g(r.nOpt()),
                        r.band() == null ? "-" : g(r.band().nLow()) + " to " + g(r.band().nHigh()), r.dOpt() == null ? "-" : g(r.dOpt()),
                        r.tokensPerParameter() == null ? "-" : String.format(Locale.ROOT, r.tokensPerParameter() < 1 ? "%.2g" : "%.1f", r.tokensPerParameter()),
                        r.loss() == null ? "-" : String.format(Locale.ROOT, "%.4f", r.loss()),
                        x.decades() == null ? "not recorded" : String.format(Locale.ROOT, "%.2f dec", x.decades()),
                        x.warning() == null ? "" : "WARNING").stripTrailing());
            }
            out.println();
            for (Plan.Row r : plan.rows()) {
                out.println(r.law() + " (" + r.constants() + "): " + r.constantsLabel() + " [" + r.provenance() + "; "
                        + r.paper().id() + (r.paper().arxiv() == null ? "" : ", arXiv:" + r.paper().arxiv()) + "]");
                out.println("  N counts: " + r.parameters());
                Plan.Extrapolation x = r.extrapolation();
                x.distances().forEach(d -> out.printf(Locale.ROOT, "  fitted range of %s: %s to %s %s; here %s (%.2f decades beyond)%n", d.variable(),
                        d.min() == null ? "?" : g(d.min()), d.max() == null ? "?" : g(d.max()), d.unit(), g(d.value()), d.decades()));
                if (!x.notRecorded().isEmpty()) {
                    out.println("  fitted range not recorded for " + String.join(", ", x.notRecorded()));
                }
                if (x.warning() != null) {
                    out.println("  warning: " + x.warning());
                }
                out.println("  uncertainty: " + r.uncertainty());
                r.notes().forEach(n -> out.println("  note: " + n));
            }
            out.println();
            Plan.Spread s = plan.spread();
            out.printf(Locale.ROOT, "Spread: the largest N_opt (%s) is %.2f times the smallest (%s).%n", s.largest(), s.ratio(), s.smallest());
            s.reasons().forEach(reason -> out.println("- " + reason));
        }

        private static String g(double value) {
            return String.format(Locale.ROOT, "%.3g", value).replace("e+", "e");
        }
    }
}
