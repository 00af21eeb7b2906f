package org.scalingatlas.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.MediaRanges;
import org.scalingatlas.graph.RdfDocument;
import org.scalingatlas.graph.Vocabulary;

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

    private final KnowledgeGraph graph;
    /** The dumps, written once per syntax: the graph is read-only while the server runs. */
    private final ConcurrentMap<String, RdfDocument> dumps = new ConcurrentHashMap<>();

    GraphRoutes(KnowledgeGraph graph) {
        this.graph = graph;
    }

    void register(RoutesConfig routes) {
        routes.get("/graph.ttl", ctx -> send(ctx, dumps.computeIfAbsent(RdfDocument.TURTLE, graph::dump)));
        routes.get("/graph.jsonld", ctx -> send(ctx, dumps.computeIfAbsent(RdfDocument.JSON_LD, graph::dump)));
        routes.get("/id/{kind}/{id}", this::resolve);
    }

    private void resolve(Context ctx) {
        Vocabulary.Kind kind = Arrays.stream(Vocabulary.Kind.values()).filter(k -> k.segment.equals(ctx.pathParam("kind"))).findFirst()
                .orElseThrow(() -> ApiError.notFound("no kind of record is called '" + ctx.pathParam("kind") + "'; IRIs are /id/KIND/ID with KIND one of "
                        + String.join(", ", Arrays.stream(Vocabulary.Kind.values()).map(k -> k.segment).toList())));
        String id = ctx.pathParam("id");
        String type = MediaRanges.best(ctx.header("Accept"), RESOLVABLE, RdfDocument.TURTLE)
                .orElseThrow(() -> new ApiError(406, "cannot answer in " + ctx.header("Accept") + "; available: " + String.join(", ", RESOLVABLE)));
        Optional<RdfDocument> record = graph.record(kind, id, type.equals(HTML) ? RdfDocument.TURTLE : type);
        if (record.isEmpty()) {
            throw ApiError.notFound("the graph has no " + kind.segment + " '" + id + "'");
        }
        ctx.header("Vary", "Accept");
        if (type.equals(HTML)) {
            ctx.status(HttpStatus.SEE_OTHER).header("Location", "/" + kind.segment + "/" + id);
        } else {
            send(ctx, record.get());
        }
    }

    private static void send(Context ctx, RdfDocument document) {
        ctx.contentType(document.contentType() + "; charset=utf-8").result(document.body());
    }
}
