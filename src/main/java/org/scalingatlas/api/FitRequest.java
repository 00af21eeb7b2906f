package org.scalingatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.laws.CurveFitter;
import org.scalingatlas.laws.Fitter;
import org.scalingatlas.laws.PointsCsv;

/**
 * Points to fit a family to: {@code POST /api/laws/fit} with the points as {@code csv} (a header such as
 * {@code N,D,loss} and rows) or as {@code points} ({@code [{"N": 1e8, "D": 2e9, "loss": 3.1}, ...]}), and optionally
 * {@code family}, {@code resamples} and, for the one-input families, {@code predictAt}. The points themselves (how
 * many, their values) and the family's name are checked by the fitter.
 *
 * @param family    the family to fit; {@code null} for the default: chinchilla over two inputs, auto over one
 * @param inputs    the input names, in column order
 * @param points    the observations
 * @param resamples bootstrap resamples, {@value #DEFAULT_RESAMPLES} by default
 * @param predictAt x values to predict at (one-input families only); empty for none
 */
public record FitRequest(String family, List<String> inputs, List<Fitter.Point> points, int resamples, List<Double> predictAt) {

    /** The body's fields, as the OpenAPI document's {@code FitRequest} names them. */
    public static final List<String> FIELDS = List.of("family", "csv", "points", "resamples", "predictAt");
    public static final int DEFAULT_RESAMPLES = 100;

    public FitRequest {
        inputs = List.copyOf(inputs);
        points = List.copyOf(points);
        predictAt = List.copyOf(predictAt);
        if (family == null) {
            family = defaultFamily(inputs);
        }
        if (!predictAt.isEmpty() && !CurveFitter.handles(family)) {
            throw new RequestException("predictAt is for the one-input families (pure-power, power-law, saturating, auto), not " + family);
        }
    }

    /** Whether the family is fitted over one input (pure-power, power-law, saturating, auto), with predictions. */
    public boolean oneInput() {
        return CurveFitter.handles(family);
    }

    /** The HTTP body. Parsing 10,000 points takes milliseconds: the caller runs this where a fit runs. */
    public static FitRequest ofBody(Map<String, ?> body) {
        Object family = body.get("family");
        if (body.containsKey("family") && !(family instanceof String)) {
            throw new RequestException("family must be a string: " + Fitter.FAMILIES);
        }
        int resamples = body.containsKey("resamples") ? RequestFields.whole("resamples", body.get("resamples")) : DEFAULT_RESAMPLES;
        PointsCsv.Table table;
        if (body.get("csv") instanceof String csv) {
            table = PointsCsv.parse(csv);
        } else if (body.get("points") instanceof List<?> points) {
            table = points(points);
        } else {
            throw new RequestException("pass the points as 'csv' (a header such as N,D,loss and rows) or as 'points' (objects such as "
                    + "{\"N\": 1e8, \"D\": 2e9, \"loss\": 3.1})");
        }
        return new FitRequest((String) family, table.inputs(), table.points(), resamples, predictAt(body.get("predictAt")));
    }

    /** x values to predict at: a number, a string such as "1e9", or an array of them; none when absent. */
    private static List<Double> predictAt(Object value) {
        if (value == null) {
            return List.of();
        }
        List<Double> xs = new ArrayList<>();
        if (value instanceof List<?> values) {
            if (values.size() > CurveFitter.MAX_PREDICTIONS) {
                throw new RequestException("predictAt takes at most " + CurveFitter.MAX_PREDICTIONS + " values, got " + values.size());
            }
            values.forEach(x -> xs.add(RequestFields.number("predictAt", x)));
        } else {
            xs.add(RequestFields.number("predictAt", value));
        }
        return xs;
    }

    private static PointsCsv.Table points(List<?> array) {
        List<String> inputs = null;
        List<Fitter.Point> points = new ArrayList<>();
        for (Object element : array) {
            if (!(element instanceof Map<?, ?> point) || !point.containsKey("loss")) {
                throw new RequestException("each point must be an object with its inputs and a 'loss'");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            point.forEach((name, value) -> {
                if (!"loss".equals(name)) {
                    values.put(String.valueOf(name), RequestFields.number(String.valueOf(name), value));
                }
            });
            if (inputs == null) {
                inputs = List.copyOf(values.keySet());
            } else if (!inputs.equals(List.copyOf(values.keySet()))) {
                throw new RequestException("every point must have the same inputs as the first " + inputs);
            }
            points.add(new Fitter.Point(values, RequestFields.number("loss", point.get("loss"))));
        }
        return new PointsCsv.Table(inputs == null ? List.of() : inputs, points);
    }

    /** The family fitted when none is named: auto (the lowest rollout error) over one input, chinchilla over two. */
    public static String defaultFamily(List<String> inputs) {
        return inputs.size() == 1 ? CurveFitter.AUTO : Fitter.Family.CHINCHILLA.id;
    }
}
