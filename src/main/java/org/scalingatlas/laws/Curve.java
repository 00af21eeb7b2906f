package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.corpus.Law;

/**
 * A law's output along one input on log-spaced points, the other inputs held fixed: what a plot of the law draws.
 * Points where the law gives no value (a budget too small, a target out of reach) are left out.
 *
 * @param law        the law's id
 * @param mode       {@code evaluate} or {@code optimal}
 * @param variable   the input varied
 * @param output     the output plotted
 * @param fittedMin  the smallest value of the varied input the law was fitted on, or {@code null}
 * @param fittedMax  the largest, or {@code null}
 * @param points     (input value, output value) pairs, in increasing input
 */
public record Curve(String law, String mode, String variable, String output, String variableUnit, String outputUnit,
        Double fittedMin, Double fittedMax, List<double[]> points) {

    public static final int MAX_POINTS = 400;

    public Curve {
        points = List.copyOf(points);
    }

    /** @throws LawInputException for an unknown variable or output, a bad range or too many points */
    public static Curve of(Calculator calculator, boolean optimal, Map<String, Double> inputs, String set, Map<String, Double> custom,
            String variable, String output, double from, double to, int count) {
        return of(calculator, optimal, inputs, set, custom, variable, output, from, to, count, Deadline.none());
    }

    /**
     * The same, checking {@code deadline} before each point: an optimal allocation per point can take a second.
     *
     * @throws Deadline.Exceeded when the deadline passes first
     */
    public static Curve of(Calculator calculator, boolean optimal, Map<String, Double> inputs, String set, Map<String, Double> custom,
            String variable, String output, double from, double to, int count, Deadline deadline) {
        Law law = calculator.law();
        if (!(from > 0) || !(to > from) || Double.isInfinite(to)) {
            throw new LawInputException("the range must satisfy 0 < from < to, got from = " + from + ", to = " + to);
        }
        if (count < 2 || count > MAX_POINTS) {
            throw new LawInputException("points must be between 2 and " + MAX_POINTS + ", got " + count);
        }
        List<double[]> points = new ArrayList<>();
        Result sample = null;
        for (int i = 0; i < count; i++) {
            deadline.check();
            double x = Math.exp(Math.log(from) + (Math.log(to) - Math.log(from)) * i / (count - 1));
            Map<String, Double> at = new LinkedHashMap<>(inputs);
            at.put(variable, x);
            try {
                Result result = optimal ? calculator.optimal(at, set, custom) : calculator.evaluate(at, set, custom);
                Double y = result.outputs().get(output);
                if (y == null) {
                    throw new LawInputException("law " + law.id() + " has no output '" + output + "' here (its outputs: "
                            + String.join(", ", result.outputs().keySet()) + ")");
                }
                points.add(new double[] {x, y});
                sample = result;
            } catch (LawInputException e) {
                if (e.getMessage().contains("has no output") || e.getMessage().contains("takes no input") || e.getMessage().contains("needs ")
                        || e.getMessage().contains("has no constant") || e.getMessage().contains("no verified constants")) {
                    throw e;
                }
            }
        }
        Law.Variable varied = law.input(variable).orElse(null);
        String variableUnit = sample == null ? "" : sample.units().getOrDefault(variable, "");
        String outputUnit = sample == null ? "" : sample.units().getOrDefault(output, "");
        return new Curve(law.id(), optimal ? "optimal" : "evaluate", variable, output, variableUnit, outputUnit,
                varied == null ? null : varied.min(), varied == null ? null : varied.max(), points);
    }
}
