package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalingatlas.app.ExportService;
import org.scalingatlas.graph.MediaRanges;
import org.scalingatlas.graph.RdfDocument;

/**
 * The graph for other RDF tools: {@code /graph.ttl} and {@code /graph.jsonld} dump the whole dataset (ontology and
 * corpus), and the record IRIs {@code /id/KIND/ID} resolve here with content negotiation: a browser
 * ({@code text/html}) is sent to the record's page with 303 See Other, an RDF client gets the record's triples in the
 * syntax it asks for (Turtle, JSON-LD, N-Triples, RDF/XML).
 */
final class GraphRoutes {

    private static final String HTML = "text/html";
    /** A browser's page, then every RDF syntax the graph writes. */
    private static final List<String> RESOLVABLE = Stream.concat(Stream.of(HTML), RdfDocument.TYPES.keySet().stream()).toList();

    private final ExportService exports;

    GraphRoutes(ExportService exports) {
        this.exports = exports;
    }

    void register(RoutesConfig routes) {
        routes.get("/graph.ttl", ctx -> send(ctx, exports.graph(RdfDocument.TURTLE)));
        routes.get("/graph.jsonld", ctx -> send(ctx, exports.graph(RdfDocument.JSON_LD)));
        routes.get("/id/{kind}/{id}", this::resolve);
    }

    private void resolve(Context ctx) {
        String kind = ctx.pathParam("kind");
        if (!exports.recordKinds().contains(kind)) {
            throw ApiError.notFound("no kind of record is called '" + kind + "'; IRIs are /id/KIND/ID with KIND one of "
                    + String.join(", ", exports.recordKinds()));
        }
        String id = ctx.pathParam("id");
        String type = MediaRanges.best(ctx.header("Accept"), RESOLVABLE, RdfDocument.TURTLE)
                .orElseThrow(() -> new ApiError(406, "cannot answer in " + ctx.header("Accept") + "; available: " + String.join(", ", RESOLVABLE)));
        Optional<RdfDocument> record = exports.record(kind, id, type.equals(HTML) ? RdfDocument.TURTLE : type);
        if (record.isEmpty()) {
            throw ApiError.notFound("the graph has no " + kind + " '" + id + "'");
        }
        ctx.header("Vary", "Accept");
        if (type.equals(HTML)) {
            ctx.status(HttpStatus.SEE_OTHER).header("Location", "/" + kind + "/" + id);
        } else {
            send(ctx, record.get());
        }
    }

    private static void send(Context ctx, RdfDocument document) {
        ctx.contentType(document.contentType() + "; charset=utf-8").result(document.body());
    }
}
