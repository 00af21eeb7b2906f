package org.scalingatlas.graph;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.QueryExecutionBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.update.UpdateFactory;
import org.scalingatlas.config.AtlasConfig;

/**
 * The read-only SPARQL 1.1 query service behind {@code /sparql}: parses the query (an update is refused), screens
 * it ({@link QueryScreen}: no SERVICE off the allow-list, no FROM, nothing too deep), caps the number of results and
 * the bytes they take, stops a query that runs past the time limit (REGEX and SERVICE included), bounds how many run
 * at once, and writes the results in the format the client accepts. The whole response is produced before anything
 * is sent, so a query stopped half-way never yields a truncated document.
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
    private final List<String> serviceAllow;
    private final long maxResultBytes;
    private final Semaphore running;
    private final HttpClient serviceClient;

    public SparqlEndpoint(GraphSource source, AtlasConfig.Sparql settings, int maxConcurrent) {
        this.source = source;
        this.timeout = settings.timeout();
        this.resultLimit = settings.resultLimit();
        this.serviceAllow = settings.serviceAllow();
        this.maxResultBytes = settings.maxResultBytes();
        this.running = new Semaphore(maxConcurrent);
        this.serviceClient = serviceAllow.isEmpty() ? null
                : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                        .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A finished response: its media type, its bytes, and whether the result limit cut it. */
    public record Response(String contentType, byte[] body, boolean limited) {
    }

    /** A request the endpoint will not answer, with the HTTP status that says why. */
    public static final class Refusal extends RuntimeException {
        private final int status;

        public Refusal(int status, String message) {
            super(message, null, false, false);
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
        screen(query);
        String type = negotiate(accept, query.isSelectType() || query.isAskType());
        boolean capped = !query.isAskType() && (!query.hasLimit() || query.getLimit() > resultLimit);
        if (capped) {
            query.setLimit(resultLimit);
        }
        if (!acquire()) {
            throw new Refusal(503, "the SPARQL service is busy with other queries; try again shortly");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            return source.read(() -> execute(query, type, capped, deadline));
        } catch (StackOverflowError e) {
            throw tooDeep();
        } catch (RuntimeException e) {
            throw explain(e, deadline);
        } finally {
            running.release();
        }
    }

    /**
     * What a failed execution means for the client: a refusal raised inside Jena (a SERVICE, a value too long) as
     * itself, a cancellation or any failure past the deadline as the timeout's 503; anything else is a fault here.
     */
    private RuntimeException explain(RuntimeException failure, long deadline) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
            if (cause instanceof QueryCancelledException) {
                return timedOut();
            }
        }
        return System.nanoTime() - deadline > 0 ? timedOut() : failure;
    }

    private Refusal timedOut() {
        return new Refusal(503, "the query ran longer than " + timeout.toMillis() + " ms and was stopped; narrow it or add a LIMIT");
    }

    private static Refusal tooDeep() {
        return new Refusal(400, "the query is nested too deeply to evaluate; write it flatter");
    }

    private void screen(Query query) {
        try {
            QueryScreen.check(query, serviceAllow);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    private Response execute(Query query, String type, boolean capped, long deadline) {
        BoundedOutput out = new BoundedOutput(maxResultBytes);
        boolean limited = false;
        ServiceGate gate = new ServiceGate(serviceClient, Set.copyOf(serviceAllow), deadline, maxResultBytes);
        QueryExecutionBuilder builder = source.query(query);
        if (source instanceof GraphSource.Local) {
            confine(builder, gate, deadline);
        }
        try (QueryExecution execution = builder
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build()) {
            if (query.isSelectType()) {
                RowSet results = RowSet.adapt(execution.execSelect());
                long[] rows = {0};
                Iterator<Binding> counted = Iter.map(results, binding -> {
                    rows[0]++;
                    return binding;
                });
                ResultsWriter.create().lang(RESULT_TYPES.get(type)).write(out, RowSetStream.create(results.getResultVars(), counted));
                limited = capped && rows[0] >= resultLimit;
            } else if (query.isAskType()) {
                ResultsWriter.create().lang(RESULT_TYPES.get(type)).write(out, execution.execAsk());
            } else {
                Model model = query.isConstructType() ? execution.execConstruct() : execution.execDescribe();
                RDFDataMgr.write(out, model, GRAPH_TYPES.get(type));
            }
        }
        if (gate.refused() != null) {
            throw new Refusal(400, gate.refused());
        }
        return new Response(type, out.toByteArray(), limited);
    }

    /**
     * The execution, confined: SERVICE only through the gate (Jena's HTTP SERVICE off), no property functions, the
     * bounded REGEX/REPLACE/CONCAT with this query's deadline, and TDB2's executor without its empty-input fault.
     * A remote graph source runs the query elsewhere and gets it as screened.
     */
    private static void confine(QueryExecutionBuilder builder, ServiceGate gate, long deadline) {
        builder.set(ARQ.httpServiceAllowed, false)
                .set(ARQConstants.registryServiceExecutors, gate.registry())
                .set(ARQConstants.registryPropertyFunctions, NO_PROPERTY_FUNCTIONS)
                .set(ARQConstants.registryFunctions, BoundedFunctions.registry())
                .set(ARQConstants.sysOptimizerFactory, BoundedFunctions.optimizer())
                .set(BoundedFunctions.DEADLINE, deadline)
                .set(ARQConstants.sysOpExecutorFactory, EmptyInputExecutor.FACTORY);
    }

    /** No {@code apf:} or {@code java:} property functions: a predicate is only ever matched against the graph. */
    private static final PropertyFunctionRegistry NO_PROPERTY_FUNCTIONS = new PropertyFunctionRegistry() {
        @Override
        public boolean manages(String uri) {
            return false;
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            return null;
        }
    };

    private static Query parse(String text) {
        try {
            return QueryFactory.create(text);
        } catch (StackOverflowError e) {
            throw tooDeep();
        } catch (QueryParseException e) {
            if (e.getCause() instanceof StackOverflowError) {
                throw tooDeep();
            }
            if (isUpdate(text)) {
                throw new Refusal(403, "this endpoint is read-only: SPARQL Update is refused");
            }
            throw new Refusal(400, "not a valid SPARQL query: " + e.getMessage());
        } catch (QueryException e) {
            // a constant REGEX pattern is compiled while parsing: "(" fails there
            throw new Refusal(400, "not a valid SPARQL query: " + e.getMessage().strip());
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
