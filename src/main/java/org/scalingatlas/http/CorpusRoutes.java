package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.app.TraceService;

/** Papers, notes, axes and traces: {@code /api/papers}, {@code /api/notes}, {@code /api/axes}. */
final class CorpusRoutes {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final CorpusRecords records;
    private final TraceService traces;

    CorpusRoutes(CorpusRecords records, TraceService traces) {
        this.records = records;
        this.traces = traces;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/papers", ctx -> ctx.json(records.papers()));
        routes.get("/api/papers/{id}", this::paper);
        routes.get("/api/notes", this::notes);
        routes.get("/api/notes/{id}", ctx -> ctx.json(records.note(noteId(ctx)).orElseThrow()));
        routes.get("/api/notes/{id}/trace", ctx -> ctx.json(traces.trace(noteId(ctx)).orElseThrow()));
        routes.get("/api/axes", ctx -> ctx.json(records.axes()));
        routes.get("/api/ceilings", ctx -> ctx.json(records.ceilings()));
        routes.get("/api/ceilings/{id}", this::ceiling);
    }

    private void paper(Context ctx) {
        String id = id(ctx, "paper");
        ctx.json(records.paper(id).orElseThrow(() -> ApiError.notFound("no paper with id '" + id + "'")));
    }

    private void ceiling(Context ctx) {
        String id = id(ctx, "ceiling");
        ctx.json(records.ceiling(id).orElseThrow(() -> ApiError.notFound("no ceiling with id '" + id + "'")));
    }

    private void notes(Context ctx) {
        String axis = ctx.queryParam("axis");
        if (axis == null) {
            ctx.json(records.notes());
            return;
        }
        if (!records.hasAxis(axis)) {
            throw ApiError.badRequest("unknown axis '" + axis + "'; GET /api/axes lists them");
        }
        ctx.json(records.notesOnAxis(axis));
    }

    /** The id of a note the corpus holds, or a 404. */
    private String noteId(Context ctx) {
        String id = id(ctx, "note");
        if (!records.hasNote(id)) {
            throw ApiError.notFound("no note with id '" + id + "'");
        }
        return id;
    }

    private static String id(Context ctx, String kind) {
        String id = ctx.pathParam("id");
        if (!ID.matcher(id).matches() || id.length() > 200) {
            throw ApiError.badRequest("'" + abbreviate(id) + "' is not a " + kind + " id (lowercase words joined by '-')");
        }
        return id;
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
