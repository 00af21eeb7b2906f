package org.scalingatlas.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.scalingatlas.app.LawService;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.laws.CurveFit;
import org.scalingatlas.laws.Deadline;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.PointsCsv;
import org.scalingatlas.laws.Result;
import org.scalingatlas.question.Numbers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "law",
        mixinStandardHelpOptions = true,
        description = "Published scaling laws as calculators: list them, show one, evaluate it, find its optimal allocation, or fit a law family to your own points.",
        subcommands = {LawCommand.ListLaws.class, LawCommand.Show.class, LawCommand.Evaluate.class, LawCommand.Optimal.class, LawCommand.Fit.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  ./atlas law list",
            "  ./atlas law show chinchilla-parametric-loss",
            "  ./atlas law eval chinchilla-parametric-loss N=70B D=1.4T",
            "  ./atlas law optimal chinchilla-parametric-loss C=5.76e23 --constants unrounded",
            "  ./atlas law fit points.csv --family chinchilla"})
final class LawCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    static LawService laws() {
        return LawService.load(AtlasCli.config().corpusDir());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the laws: id, name and formula.")
    static final class ListLaws implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            List<Law> laws = laws().laws();
            if (json) {
                JsonOutput.print(out, laws.stream().map(l -> Map.of("id", l.id(), "name", l.name(), "formula", l.formula())).toList());
                return 0;
            }
            for (Law law : laws) {
                out.printf("%-40s %s%n%-40s   %s%n", law.id(), law.name(), "", law.formula());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a law: inputs with units and fitted ranges, constant sets, conventions.",
            footerHeading = "%nExample:%n", footer = "  ./atlas law show muennighoff-data-constrained-loss")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The law's id (./atlas law list).")
        String id;

        @Option(names = "--json", description = "Print the law record as JSON.")
        boolean json;

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            Law law = laws().require(id);
            if (json) {
                JsonOutput.print(out, law);
                return 0;
            }
            out.println(law.name() + "  [" + law.id() + "]");
            out.println("  paper: " + law.paperId());
            law.outputs().forEach(o -> out.println("  " + o.name() + " = " + o.formula() + "   (" + o.unit() + ")"));
            out.println("Inputs");
            law.inputs().forEach(v -> out.println("  " + v.symbol() + ": " + v.name() + ", in " + v.unit()
                    + (v.min() == null && v.max() == null ? "" : "; fitted on " + str(v.min()) + " to " + str(v.max()))));
            out.println("Constant sets");
            law.constantSets().forEach(s -> out.println("  " + s.id() + " (" + s.provenance() + "): " + s.label() + "\n    " + s.values()));
            if (law.constantSets().isEmpty()) {
                out.println("  none verified: pass " + String.join(", ", law.constantNames()) + " with --constant NAME=VALUE");
            }
            law.conventions().forEach(c -> out.println("  note: " + c));
            if (law.optimal() != null) {
                out.println("Optimal allocation: " + law.optimal().kind() + " (./atlas law optimal " + law.id() + " ...)");
            }
            return 0;
        }

        private static String str(Double value) {
            return value == null ? "?" : String.format(Locale.ROOT, "%.3g", value);
        }
    }

    /** What eval and optimal share: NAME=VALUE inputs, a constant set, the caller's constants, JSON or text output. */
    abstract static class Calculation implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The law's id (./atlas law list).")
        String id;

        @Parameters(index = "1..*", arity = "0..*", paramLabel = "NAME=VALUE", description = "Inputs, e.g. N=70B D=1.4e12 (70B, 1.4T, 1e24, 5.76x10^23 are understood).")
        List<String> assignments = List.of();

        @Option(names = "--constants", paramLabel = "SET", description = "The constant set to use (default: the law's first).")
        String set;

        @Option(names = "--constant", paramLabel = "NAME=VALUE", description = "Your own value for a constant (repeatable).")
        List<String> constants = List.of();

        @Option(names = "--json", description = "Print the result as JSON (the same as the HTTP API).")
        boolean json;

        abstract Result calculate(LawService laws, Map<String, Double> inputs, Map<String, Double> custom);

        @Override
        public Integer call() throws JsonProcessingException {
            PrintWriter out = spec.commandLine().getOut();
            LawService laws = laws();
            laws.require(id);
            Result result = calculate(laws, values(assignments), values(constants));
            if (json) {
                JsonOutput.print(out, result);
                return 0;
            }
            out.println(result.law() + " (" + result.mode() + ", constants: " + result.constants() + ")");
            result.inputs().forEach((name, value) -> out.printf(Locale.ROOT, "  %s = %.6g %s%n", name, value, result.units().getOrDefault(name, "")));
            out.println("gives");
            result.outputs().forEach((name, value) -> out.printf(Locale.ROOT, "  %s = %.6g %s%n", name, value, result.units().getOrDefault(name, "")));
            result.warnings().forEach(w -> out.println("warning: " + w));
            return 0;
        }

        static Map<String, Double> values(List<String> assignments) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (String assignment : assignments) {
                int eq = assignment.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("'" + assignment + "' is not NAME=VALUE (e.g. N=70B)");
                }
                String name = assignment.substring(0, eq).strip();
                try {
                    values.put(name, Numbers.parse(assignment.substring(eq + 1)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
                }
            }
            return values;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = "Evaluate a law at the given inputs.",
            footerHeading = "%nExamples:%n", footer = {"  ./atlas law eval chinchilla-parametric-loss N=70B D=1.4T",
                "  ./atlas law eval muennighoff-data-constrained-loss N=6.34e9 D=242e9 U_D=25e9"})
    static final class Evaluate extends Calculation {
        @Override
        Result calculate(LawService laws, Map<String, Double> inputs, Map<String, Double> custom) {
            return laws.evaluate(id, inputs, set, custom);
        }
    }

    @Command(name = "optimal", mixinStandardHelpOptions = true,
            description = "The optimal allocation: for a budget C (or the budget at which a model size N is optimal), or for a target loss.",
            footerHeading = "%nExamples:%n", footer = {"  ./atlas law optimal chinchilla-parametric-loss C=1e24",
                "  ./atlas law optimal chinchilla-parametric-loss N=7B --constants epoch-refit",
                "  ./atlas law optimal sardana-inference-aware-optimum loss=1.947 D_inf=2e12"})
    static final class Optimal extends Calculation {
        @Override
        Result calculate(LawService laws, Map<String, Double> inputs, Map<String, Double> custom) {
            return laws.optimal(id, inputs, set, custom);
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Fit a law family to your points (CSV: a header such as N,D,loss, then rows), with bootstrap intervals, "
                + "compared with the published laws over the same inputs."},
            footerHeading = "%nExamples:%n", footer = {"  ./atlas law fit runs.csv", "  ./atlas law fit --family power-law --resamples 500 n-vs-loss.csv", "  ./atlas law fit --predict-at 1e10 steps-vs-loss.csv"})
    static final class Fit implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE.csv", description = "The points.")
        Path file;

        @Option(names = "--family", description = "chinchilla (E + A/N^alpha + B/D^beta), or over one input pure-power (A/x^alpha), power-law (E + A/x^alpha), "
                + "saturating (E + A/(x + x0)^alpha) or auto (the lowest rollout error); default chinchilla for two input columns, auto for one.")
        String family;

        @Option(names = "--predict-at", split = ",", paramLabel = "X", description = "One-input families: predict at these x (e.g. 1e9,1e10), with 95% bootstrap intervals.")
        List<Double> predictAt = new java.util.ArrayList<>();

        @Option(names = "--resamples", defaultValue = "100", description = "Bootstrap resamples for the intervals (0 for none); default ${DEFAULT-VALUE}.")
        int resamples;

        @Option(names = "--json", description = "Print the fit as JSON (the same as POST /api/laws/fit).")
        boolean json;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(file + ": no such file");
            }
            PointsCsv.Table table;
            try {
                table = PointsCsv.parse(Files.readString(file));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(file + ": is not UTF-8 text", e);
            }
            String chosen = family != null ? family : LawService.defaultFamily(table.inputs());
            if (LawService.fitsOneInput(chosen)) {
                CurveFit fit = laws().fitCurve(chosen, table.inputs(), table.points(), resamples, predictAt, Deadline.none());
                if (json) {
                    JsonOutput.print(out, fit);
                } else {
                    CurveFitText.print(out, fit);
                }
                return 0;
            }
            if (!predictAt.isEmpty()) {
                throw new IllegalArgumentException("--predict-at is for the one-input families (pure-power, power-law, saturating, auto), not " + chosen);
            }
            Fitter.Fit fit = laws().fitLaw(chosen, table.inputs(), table.points(), resamples, Deadline.none());
            if (json) {
                JsonOutput.print(out, fit);
                return 0;
            }
            out.println("Fitted " + fit.formula() + " to " + table.points().size() + " points (Huber δ = 1e-3 on log loss)");
            fit.constants().forEach((name, value) -> {
                Fitter.Interval interval = fit.intervals().get(name);
                out.printf(Locale.ROOT, "  %-6s %.5g%s%n", name, value,
                        interval == null ? "" : String.format(Locale.ROOT, "   95%% interval %.5g to %.5g (%d resamples)", interval.low(), interval.high(), fit.resamples()));
            });
            out.printf(Locale.ROOT, "  RMS log residual %.4g%n", fit.rmseLog());
            if (!fit.published().isEmpty()) {
                out.println("Published laws on the same points (RMS log residual, lower fits better)");
                fit.published().forEach(c -> out.printf(Locale.ROOT, "  %.4g  %s%n", c.rmseLog(), c.label()));
            }
            return 0;
        }
    }
}
