package org.scalingatlas.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.scalingatlas.api.CurveRequest;
import org.scalingatlas.api.FitRequest;
import org.scalingatlas.api.LawRunRequest;
import org.scalingatlas.api.RequestException;
import org.scalingatlas.app.LawService;
import org.scalingatlas.laws.Deadline;
import org.scalingatlas.laws.LawBook;

/**
 * The law calculators: {@code GET /api/laws}, {@code GET /api/laws/{id}}, {@code POST /api/laws/{id}/evaluate},
 * {@code POST /api/laws/{id}/optimal}, {@code POST /api/laws/{id}/curve} and {@code POST /api/laws/fit}. Each body is
 * read into its request record ({@link LawRunRequest}, {@link CurveRequest}, {@link FitRequest}), which holds the
 * field names, defaults and checks the MCP tools share; a bad one is a 400 saying what is wrong.
 */
final class LawRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LawService laws;
    private final HeavyRequests heavy;

    /** @param heavy the pool the fits, curves and numerical optimal allocations run on (one can take a second) */
    LawRoutes(LawService laws, HeavyRequests heavy) {
        this.laws = laws;
        this.heavy = heavy;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/laws", ctx -> ctx.json(laws.cards()));
        routes.get("/api/laws/{id}", ctx -> ctx.json(laws.detail(lawId(ctx)).orElseThrow()));
        routes.post("/api/laws/fit", this::fit);
        routes.post("/api/laws/{id}/evaluate", ctx -> calculate(ctx, false));
        routes.post("/api/laws/{id}/optimal", ctx -> calculate(ctx, true));
        routes.post("/api/laws/{id}/curve", this::curve);
    }

    private void calculate(Context ctx, boolean optimal) {
        LawRunRequest run = LawRunRequest.ofBody(lawId(ctx), body(ctx), ctx.queryParam(LawRunRequest.CONSTANTS));
        if (optimal && laws.searchesNumerically(run.law())) {
            ctx.json(heavy.run(ctx, "the optimal allocation", deadline -> optimal(run)));
            return;
        }
        ctx.json(optimal ? optimal(run) : laws.evaluate(run.law(), run.inputs(), run.constantSet(), run.customConstants()));
    }

    private Object optimal(LawRunRequest run) {
        return laws.optimal(run.law(), run.inputs(), run.constantSet(), run.customConstants());
    }

    /** The law's output along one input, for plots (see {@link CurveRequest}). */
    private void curve(Context ctx) {
        CurveRequest curve = CurveRequest.ofBody(lawId(ctx), body(ctx), ctx.queryParam(LawRunRequest.CONSTANTS));
        ctx.json(heavy.run(ctx, "the curve", deadline -> laws.curve(curve.law(), curve.optimal(), curve.inputs(), curve.constantSet(),
                curve.customConstants(), curve.vary(), curve.output(), curve.from(), curve.to(), curve.points(), deadline)));
    }

    /** Parsed on the pool too: 10,000 points take milliseconds to parse, which a refused request should not cost. */
    private void fit(Context ctx) {
        ctx.json(heavy.run(ctx, "the fit", deadline -> fit(FitRequest.ofBody(body(ctx)), deadline)));
    }

    private Object fit(FitRequest fit, Deadline deadline) {
        if (fit.oneInput()) {
            return laws.fitCurve(fit.family(), fit.inputs(), fit.points(), fit.resamples(), fit.predictAt(), deadline);
        }
        return laws.fitLaw(fit.family(), fit.inputs(), fit.points(), fit.resamples(), deadline);
    }

    /** The body as plain values (maps, lists, strings, numbers) for the request records, or a 400 for one that is no JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiError.badRequest("the body must be a JSON object, e.g. {\"N\": 7e10, \"D\": 1.4e12}");
        }
        try {
            Object value = JSON.readValue(text, Object.class);
            if (!(value instanceof Map)) {
                throw ApiError.badRequest("the body must be a JSON object, e.g. {\"N\": 7e10, \"D\": 1.4e12}");
            }
            return (Map<String, Object>) value;
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** The id of a law the corpus holds, or a 400 for a malformed id and a 404 for an unknown one. */
    private String lawId(Context ctx) {
        String id = ctx.pathParam("id");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw ApiError.badRequest("a law id is lowercase words joined by '-', got '" + (id.length() > 40 ? id.substring(0, 37) + "..." : id) + "'");
        }
        if (laws.law(id).isEmpty()) {
            throw ApiError.notFound("no law '" + id + "'; GET /api/laws lists them");
        }
        return id;
    }

    static void mapErrors(RoutesConfig routes) {
        routes.exception(RequestException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.BAD_REQUEST, e.getMessage()));
        routes.exception(org.scalingatlas.laws.LawInputException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.BAD_REQUEST, e.getMessage()));
        routes.exception(LawBook.UnknownLawException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.NOT_FOUND, e.getMessage()));
        routes.exception(org.scalingatlas.laws.UnfittableException.class, (e, ctx) -> AtlasServer.error(ctx, io.javalin.http.HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage()));
    }
}
