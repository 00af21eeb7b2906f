package org.scalingatlas.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.scalingatlas.app.LawService;
import org.scalingatlas.laws.Plan;

/**
 * {@code POST /api/plan}: {@code {"compute": 5.76e23, "uniqueTokens": ..., "inferenceTokens": ..., "precision": ...}}, or
 * {@code "targetLoss"} instead of {@code "compute"} (numbers, or strings such as "1.4T") → every applicable law's
 * allocation and their spread. A plan with a data-constrained or inference-aware row, or for a target loss, searches
 * numerically, so it runs on the heavy-request pool.
 */
final class PlanRoutes {

    private static final List<String> FIELDS = List.of("compute", "targetLoss", "uniqueTokens", "inferenceTokens", "precision");

    private final LawService laws;
    private final HeavyRequests heavy;

    PlanRoutes(LawService laws, HeavyRequests heavy) {
        this.laws = laws;
        this.heavy = heavy;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/plan", this::plan);
    }

    private void plan(Context ctx) {
        JsonNode body = LawRoutes.body(ctx);
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                throw ApiError.badRequest("a plan takes no field '" + (name.length() > 40 ? name.substring(0, 37) + "..." : name)
                        + "' (it takes " + String.join(", ", FIELDS) + ")");
            }
        });
        Plan.Budget budget = LawService.budget(field(body, "compute"), field(body, "targetLoss"), field(body, "uniqueTokens"), field(body, "inferenceTokens"), field(body, "precision"));
        if (LawService.searchesNumerically(budget)) {
            ctx.json(heavy.run(ctx, "the plan", deadline -> laws.plan(budget)));
            return;
        }
        ctx.json(laws.plan(budget));
    }

    private static Double field(JsonNode body, String name) {
        return body.has(name) ? LawRoutes.number(name, body.get(name)) : null;
    }
}
