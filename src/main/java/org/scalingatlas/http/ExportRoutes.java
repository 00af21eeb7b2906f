package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.scalingatlas.app.ExportService;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.export.Citations;

/**
 * Citations out, for reference managers: {@code GET /api/export.bib} and {@code GET /api/export.csl.json}, the whole
 * corpus or the papers named by {@code ?ids=a,b}, as a download.
 */
final class ExportRoutes {

    private final ExportService exports;
    private final HeavyRequests heavy;

    /** @param heavy the pool the exports run on: each formats the whole corpus */
    ExportRoutes(ExportService exports, HeavyRequests heavy) {
        this.exports = exports;
        this.heavy = heavy;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/export.bib", ctx -> {
            List<Paper> papers = papers(ctx);
            String bib = heavy.run(ctx, "the export", deadline -> exports.bibtex(papers));
            download(ctx, "application/x-bibtex; charset=utf-8", "scaling-atlas.bib").result(bib);
        });
        routes.get("/api/export.csl.json", ctx -> {
            List<Paper> papers = papers(ctx);
            List<Map<String, Object>> csl = heavy.run(ctx, "the export", deadline -> exports.cslJson(papers));
            download(ctx, "application/vnd.citationstyles.csl+json; charset=utf-8", "scaling-atlas.csl.json");
            ctx.json(csl).contentType("application/vnd.citationstyles.csl+json; charset=utf-8");
        });
    }

    private List<Paper> papers(Context ctx) {
        try {
            return exports.papers(ctx.queryParam("ids"));
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
