package org.scalingatlas.graph;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.update.UpdateFactory;

/**
 * The read-only SPARQL 1.1 query service behind {@code /sparql}: parses the query (an update is refused), caps
 * the number of results, stops a query that runs past the time limit, bounds how many run at once, and writes the
 * results in the format the client accepts. The whole response is produced before anything is sent, so a query
 * stopped half-way never yields a truncated document.
 */
public final class SparqlEndpoint {

    private static final Map<String, Lang> RESULT_TYPES = Map.of(
            "application/sparql-results+json", ResultSetLang.RS_JSON, "application/json", ResultSetLang.RS_JSON,
            "application/sparql-results+xml", ResultSetLang.RS_XML, "application/xml", ResultSetLang.RS_XML,
            "text/csv", ResultSetLang.RS_CSV, "text/tab-separated-values", ResultSetLang.RS_TSV);
    private static final Map<String, Lang> GRAPH_TYPES = Map.of(
            "text/turtle", Lang.TURTLE, "application/n-triples", Lang.NTRIPLES,
            "application/ld+json", Lang.JSONLD, "application/rdf+xml", Lang.RDFXML);
    private static final String DEFAULT_RESULTS = "application/sparql-results+json";
    private static final String DEFAULT_GRAPH = "text/turtle";

    private final GraphSource source;
    private final Duration timeout;
    private final int resultLimit;
    private final Semaphore running;

    public SparqlEndpoint(GraphSource source, Duration timeout, int resultLimit, int maxConcurrent) {
        this.source = source;
        this.timeout = timeout;
        this.resultLimit = resultLimit;
        this.running = new Semaphore(maxConcurrent);
    }

    /** A finished response: its media type, its bytes, and whether the result limit cut it. */
    public record Response(String contentType, byte[] body, boolean limited) {
    }

    /** A request the endpoint will not answer, with the HTTP status that says why. */
    public static final class Refusal extends RuntimeException {
        private final int status;

        public Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** @param accept the client's {@code Accept} header, or {@code null} */
    public Response query(String text, String accept) {
        if (text == null || text.isBlank()) {
            throw new Refusal(400, "no query: pass a SPARQL query in the 'query' parameter or as an application/sparql-query body");
        }
        Query query = parse(text);
        String type = negotiate(accept, query.isSelectType() || query.isAskType());
        boolean capped = !query.isAskType() && (!query.hasLimit() || query.getLimit() > resultLimit);
        if (capped) {
            query.setLimit(resultLimit);
        }
        if (!acquire()) {
            throw new Refusal(503, "the SPARQL service is busy with other queries; try again shortly");
        }
        try {
            return source.read(() -> execute(query, type, capped));
        } catch (QueryCancelledException e) {
            throw new Refusal(503, "the query ran longer than " + timeout.toMillis() + " ms and was stopped; narrow it or add a LIMIT");
        } finally {
            running.release();
        }
    }

    private Response execute(Query query, String type, boolean capped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean limited = false;
        try (QueryExecution execution = source.query(query)
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) {
                ResultSetRewindable results = ResultSetFactory.copyResults(execution.execSelect());
                limited = capped && results.size() >= resultLimit;
                ResultsWriter.create().lang(RESULT_TYPES.get(type)).write(out, results);
            } else if (query.isAskType()) {
                ResultsWriter.create().lang(RESULT_TYPES.get(type)).write(out, execution.execAsk());
            } else {
                Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
                RDFDataMgr.write(out, model, GRAPH_TYPES.get(type));
            }
        }
        return new Response(type, out.toByteArray(), limited);
    }

    private static Query parse(String text) {
        try {
            return QueryFactory.create(text);
        } catch (QueryParseException e) {
            if (isUpdate(text)) {
                throw new Refusal(403, "this endpoint is read-only: SPARQL Update is refused");
            }
            throw new Refusal(400, "not a valid SPARQL query: " + e.getMessage());
        }
    }

    private static boolean isUpdate(String text) {
        try {
            UpdateFactory.create(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean acquire() {
        try {
            return running.tryAcquire(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The best media type the client accepts for this kind of query; an unsatisfiable Accept is a 406. */
    static String negotiate(String accept, boolean tabular) {
        Map<String, Lang> offered = tabular ? RESULT_TYPES : GRAPH_TYPES;
        return MediaRanges.best(accept, offered.keySet(), tabular ? DEFAULT_RESULTS : DEFAULT_GRAPH).orElseThrow(() ->
                new Refusal(406, "cannot answer in " + accept + "; available: " + String.join(", ", offered.keySet().stream().sorted().toList())));
    }
}
