package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import org.scalingatlas.Atlas;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.export.BibTex;
import org.scalingatlas.export.Citations;
import org.scalingatlas.export.CslJson;

/**
 * Citations out, for reference managers: {@code GET /api/export.bib} and {@code GET /api/export.csl.json}, the whole
 * corpus or the papers named by {@code ?ids=a,b}, as a download.
 */
final class ExportRoutes {

    private final Atlas atlas;

    ExportRoutes(Atlas atlas) {
        this.atlas = atlas;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/export.bib", ctx -> {
            List<Paper> papers = papers(ctx);
            download(ctx, "application/x-bibtex; charset=utf-8", "scaling-atlas.bib").result(BibTex.of(papers));
        });
        routes.get("/api/export.csl.json", ctx -> {
            List<Paper> papers = papers(ctx);
            download(ctx, "application/vnd.citationstyles.csl+json; charset=utf-8", "scaling-atlas.csl.json");
            ctx.json(CslJson.of(papers)).contentType("application/vnd.citationstyles.csl+json; charset=utf-8");
        });
    }

    private List<Paper> papers(Context ctx) {
        try {
            return Citations.select(atlas.corpus().papers(), atlas.corpus().papersById(), ctx.queryParam("ids"));
        } catch (Citations.UnknownPapers e) {
            throw ApiError.notFound(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
    }

    private static Context download(Context ctx, String type, String file) {
        return ctx.contentType(type).header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }
}
