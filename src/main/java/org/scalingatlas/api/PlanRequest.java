package org.scalingatlas.api;

import java.util.List;
import java.util.Map;
import org.scalingatlas.laws.Plan;
import org.scalingatlas.laws.Planner;

/**
 * A budget to plan a training run for: {@code POST /api/plan} with {@code {"compute": 5.76e23}} or
 * {@code {"targetLoss": 2.0}} (exactly one), and optionally {@code uniqueTokens}, {@code inferenceTokens} and
 * {@code precision} (numbers, or strings such as "1.4T"). Each value is checked when the record is made: a plan either
 * spends a compute budget or finds the least compute that reaches a loss, within the bounds the planner takes.
 */
public record PlanRequest(Double compute, Double targetLoss, Double uniqueTokens, Double inferenceTokens, Double precision) {

    /** The body's fields, as the OpenAPI document's {@code PlanRequest} names them; no other is taken. */
    public static final List<String> FIELDS = List.of("compute", "targetLoss", "uniqueTokens", "inferenceTokens", "precision");

    /** @throws IllegalArgumentException naming the field that is missing, doubled, not finite or out of bounds */
    public PlanRequest {
        Planner.budget(compute, targetLoss, uniqueTokens, inferenceTokens, precision);
    }

    /** The budget the planner plans for. */
    public Plan.Budget budget() {
        return Planner.budget(compute, targetLoss, uniqueTokens, inferenceTokens, precision);
    }

    /** The HTTP body; a field it does not take is refused by name. */
    public static PlanRequest ofBody(Map<String, ?> body) {
        body.keySet().forEach(name -> {
            if (!FIELDS.contains(name)) {
                throw new RequestException("a plan takes no field '" + RequestFields.cut(name) + "' (it takes " + String.join(", ", FIELDS) + ")");
            }
        });
        return new PlanRequest(field(body, "compute"), field(body, "targetLoss"), field(body, "uniqueTokens"), field(body, "inferenceTokens"),
                field(body, "precision"));
    }

    private static Double field(Map<String, ?> body, String name) {
        return body.containsKey(name) ? RequestFields.number(name, body.get(name)) : null;
    }
}
