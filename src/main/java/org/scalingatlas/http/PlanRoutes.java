package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.scalingatlas.api.PlanRequest;
import org.scalingatlas.app.LawService;
import org.scalingatlas.laws.Plan;

/**
 * {@code POST /api/plan}: {@code {"compute": 5.76e23, "uniqueTokens": ..., "inferenceTokens": ..., "precision": ...}},
 * or {@code "targetLoss"} instead of {@code "compute"} (numbers, or strings such as "1.4T"), read and checked by
 * {@link PlanRequest} → every applicable law's allocation and their spread. A plan with a data-constrained or inference-aware row, or for a target loss, searches
 * numerically, so it runs on the heavy-request pool.
 */
final class PlanRoutes {

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
        Plan.Budget budget = PlanRequest.ofBody(LawRoutes.body(ctx)).budget();
        if (LawService.searchesNumerically(budget)) {
            ctx.json(heavy.run(ctx, "the plan", deadline -> laws.plan(budget)));
            return;
        }
        ctx.json(laws.plan(budget));
    }
}
