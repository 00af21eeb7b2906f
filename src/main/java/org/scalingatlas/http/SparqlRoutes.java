package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import org.scalingatlas.app.SparqlService;

/**
 * {@code /sparql}: the SPARQL 1.1 Protocol for queries (GET {@code ?query=}, POST form or
 * {@code application/sparql-query}); updates are refused with 403, and so are, with 400, the protocol's
 * {@code default-graph-uri}/{@code named-graph-uri} (like FROM, they would name graphs to load). The result format
 * follows {@code Accept}.
 */
final class SparqlRoutes {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String QUERY_BODY = "application/sparql-query";
    private static final String UPDATE_BODY = "application/sparql-update";

    private final SparqlService sparql;

    SparqlRoutes(SparqlService sparql) {
        this.sparql = sparql;
    }

    void register(RoutesConfig routes) {
        routes.get("/sparql", ctx -> answer(ctx, ctx.queryParam("query")));
        routes.post("/sparql", ctx -> answer(ctx, postedQuery(ctx)));
    }

    private static String baseType(Context ctx) {
        return ctx.contentType() == null ? "" : ctx.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String postedQuery(Context ctx) {
        return switch (baseType(ctx)) {
            case QUERY_BODY -> ctx.body();
            case FORM -> {
                if (ctx.formParam("update") != null) {
                    throw new ApiError(403, "this endpoint is read-only: SPARQL Update is refused");
                }
                yield ctx.formParam("query");
            }
            case UPDATE_BODY -> throw new ApiError(403, "this endpoint is read-only: SPARQL Update is refused");
            default -> throw new ApiError(415, "send the query as " + QUERY_BODY + " or as the 'query' field of " + FORM);
        };
    }

    private void answer(Context ctx, String query) {
        if (ctx.queryParam("update") != null) {
            throw new ApiError(403, "this endpoint is read-only: SPARQL Update is refused");
        }
        for (String dataset : List.of("default-graph-uri", "named-graph-uri")) {
            if (ctx.queryParam(dataset) != null || (FORM.equals(baseType(ctx)) && ctx.formParam(dataset) != null)) {
                throw new ApiError(400, dataset + " is not supported: this endpoint answers from its own graph only and never loads a graph from a URL");
            }
        }
        var response = sparql.query(query, ctx.header("Accept"));
        if (response.limited()) {
            ctx.header("X-Results-Limited", "true");
        }
        ctx.contentType(response.contentType() + "; charset=utf-8").result(response.body());
    }
}
