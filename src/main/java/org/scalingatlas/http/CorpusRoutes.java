package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.scalingatlas.Atlas;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.graph.Trace;

/** Papers, notes, axes and traces: {@code /api/papers}, {@code /api/notes}, {@code /api/axes}. */
final class CorpusRoutes {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Atlas atlas;
    private final Map<String, Paper> papers;
    /** The axes and their note counts: a SPARQL aggregate of ~0.7 s, fixed for the graph's life, so asked for once. */
    private volatile List<Trace.AxisSummary> axes;

    CorpusRoutes(Atlas atlas) {
        this.atlas = atlas;
        this.papers = atlas.corpus().papersById();
    }

    void register(RoutesConfig routes) {
        routes.get("/api/papers", ctx -> ctx.json(atlas.corpus().papers().stream().map(Views.PaperRef::of).toList()));
        routes.get("/api/papers/{id}", this::paper);
        routes.get("/api/notes", this::notes);
        routes.get("/api/notes/{id}", this::note);
        routes.get("/api/notes/{id}/trace", ctx -> ctx.json(atlas.graph().trace(noteOf(ctx).id()).orElseThrow()));
        routes.get("/api/axes", ctx -> ctx.json(axes()));
        routes.get("/api/ceilings", ctx -> ctx.json(atlas.graph().ceilings()));
        routes.get("/api/ceilings/{id}", this::ceiling);
    }

    private List<Trace.AxisSummary> axes() {
        List<Trace.AxisSummary> known = axes;
        if (known == null) {
            known = atlas.graph().axes();
            axes = known; // two first callers may both ask: the same answer, once more
        }
        return known;
    }

    private void paper(Context ctx) {
        String id = id(ctx, "paper");
        Paper paper = papers.get(id);
        if (paper == null) {
            throw ApiError.notFound("no paper with id '" + id + "'");
        }
        ctx.json(Views.PaperDetail.of(paper, atlas.graph().notesOnPaper(id)));
    }

    private void ceiling(Context ctx) {
        String id = id(ctx, "ceiling");
        var ceiling = atlas.graph().ceilings().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiError.notFound("no ceiling with id '" + id + "'"));
        ctx.json(new Views.CeilingDetail(ceiling, atlas.graph().notesOnCeiling(id)));
    }

    private void notes(Context ctx) {
        String axis = ctx.queryParam("axis");
        if (axis == null) {
            ctx.json(atlas.corpus().notes().stream().map(Views.NoteSummary::of).toList());
            return;
        }
        if (axes().stream().noneMatch(a -> a.id().equals(axis))) {
            throw ApiError.badRequest("unknown axis '" + axis + "'; GET /api/axes lists them");
        }
        ctx.json(atlas.graph().notesOnAxis(axis));
    }

    private void note(Context ctx) {
        ctx.json(Views.NoteDetail.of(noteOf(ctx), papers));
    }

    private Note noteOf(Context ctx) {
        String id = id(ctx, "note");
        return atlas.corpus().note(id).orElseThrow(() -> ApiError.notFound("no note with id '" + id + "'"));
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
