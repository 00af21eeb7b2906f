package org.scalingatlas.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.rowset.RowSetReaderRegistry;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.Rename;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIter;
import org.apache.jena.sparql.engine.iterator.QueryIterCommonParent;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ServiceExecutor;

/**
 * The only way a query's {@code SERVICE} leaves this server: it is the sole executor in each execution's registry (Jena's
 * HTTP executor is never in it). An endpoint not on the allow-list is refused when the call is about to be made, so a
 * variable endpoint bound at run time to another URL is refused too, even under {@code SILENT}. An allowed endpoint
 * is called without following redirects (a redirect could lead anywhere), stopped at the query's deadline (connecting,
 * waiting for headers and reading the body alike), and its answer is read only up to a byte bound.
 */
final class ServiceGate implements ServiceExecutor {

    private static final ScheduledExecutorService CUTTER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sparql-service-cutter");
        thread.setDaemon(true);
        return thread;
    });

    private final HttpClient client;
    private final Set<String> allow;
    private final long deadlineNanos;
    private final long maxBytes;
    private volatile String refused;

    ServiceGate(HttpClient client, Set<String> allow, long deadlineNanos, long maxBytes) {
        this.client = client;
        this.allow = allow;
        this.deadlineNanos = deadlineNanos;
        this.maxBytes = maxBytes;
    }

    /** A registry holding this gate only. */
    ServiceExecutorRegistry registry() {
        ServiceExecutorRegistry registry = new ServiceExecutorRegistry();
        registry.add(this);
        return registry;
    }

    /** The message for an endpoint refused during execution (even one SILENT swallowed), or {@code null}. */
    String refused() {
        return refused;
    }

    @Override
    public QueryIterator createExecution(OpService opExecute, OpService original, Binding binding, ExecutionContext execCxt) {
        Node endpoint = opExecute.getService();
        if (!endpoint.isURI() || !allow.contains(endpoint.getURI())) {
            refused = QueryScreen.serviceRefused(endpoint.isURI() ? "<" + endpoint.getURI() + ">" : endpoint.toString());
            throw new SparqlEndpoint.Refusal(400, refused);
        }
        QueryIterator rows;
        try {
            rows = call(endpoint.getURI(), opExecute, execCxt);
        } catch (RemoteFailure e) {
            if (opExecute.getSilent()) {
                return QueryIterSingleton.create(binding, execCxt);
            }
            throw new SparqlEndpoint.Refusal(502, e.getMessage());
        }
        return new QueryIterCommonParent(rows, binding, execCxt);
    }

    private QueryIterator call(String endpoint, OpService op, ExecutionContext execCxt) {
        Op remote = Rename.reverseVarRename(op.getSubOp(), true);
        Query query = OpAsQuery.asQuery(remote);
        byte[] body = fetch(endpoint, query.toString());
        RowSet rows;
        try {
            rows = RowSetReaderRegistry.createReader(ResultSetLang.RS_JSON).read(new ByteArrayInputStream(body), execCxt.getContext()).materialize();
        } catch (RuntimeException e) {
            throw new RemoteFailure("the SERVICE endpoint <" + endpoint + "> did not answer with SPARQL JSON results: " + e.getMessage());
        }
        QueryIterator iterator = QueryIterPlainWrapper.create(rows, execCxt);
        return remote.equals(op.getSubOp()) ? iterator : QueryIter.map(iterator, renamed(op, remote));
    }

    /** Variables Jena renamed for scoping, from the names the remote query used back to the internal ones. */
    private static Map<Var, Var> renamed(OpService op, Op remote) {
        Map<Var, Var> mapping = new HashMap<>();
        Set<Var> remoteVars = OpVars.visibleVars(remote);
        for (Var v : OpVars.visibleVars(op)) {
            Var plain = Var.alloc(v.getName().substring(v.getName().lastIndexOf('/') + 1));
            if (remoteVars.contains(plain)) {
                mapping.put(plain, v);
            }
        }
        return mapping;
    }

    private byte[] fetch(String endpoint, String query) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + "query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                    .header("Accept", "application/sparql-results+json").timeout(remaining()).GET().build();
        } catch (IllegalArgumentException e) {
            throw new RemoteFailure("the SERVICE endpoint <" + endpoint + "> is not a usable URL: " + e.getMessage());
        }
        CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> response;
        try {
            response = pending.get(remaining().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new QueryCancelledException();
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryCancelledException();
        } catch (ExecutionException e) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new QueryCancelledException();
            }
            throw new RemoteFailure("the SERVICE endpoint <" + endpoint + "> could not be reached: " + e.getCause());
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new RemoteFailure("the SERVICE endpoint <" + endpoint + "> answered HTTP " + response.statusCode());
            }
            return readBounded(endpoint, in);
        } catch (IOException e) {
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new QueryCancelledException();
            }
            throw new RemoteFailure("the SERVICE endpoint <" + endpoint + "> failed while answering: " + e.getMessage());
        }
    }

    /** The body up to {@link #maxBytes}; the stream is closed at the deadline, which ends a read that trickles on. */
    private byte[] readBounded(String endpoint, InputStream in) throws IOException {
        ScheduledFuture<?> cut = CUTTER.schedule(() -> closeQuietly(in), remaining().toNanos(), TimeUnit.NANOSECONDS);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (out.size() + n > maxBytes) {
                    throw new SparqlEndpoint.Refusal(422, "the SERVICE endpoint <" + endpoint + "> answered more than " + maxBytes
                            + " bytes (sparql.max.result.bytes); narrow the SERVICE pattern or add a LIMIT inside it");
                }
                out.write(buffer, 0, n);
            }
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new QueryCancelledException();
            }
            return out.toByteArray();
        } finally {
            cut.cancel(false);
        }
    }

    private Duration remaining() {
        long nanos = deadlineNanos - System.nanoTime();
        if (nanos <= 0) {
            throw new QueryCancelledException();
        }
        return Duration.ofNanos(nanos);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the read it unblocks reports the deadline
        }
    }

    /** An allowed endpoint failed: not this query's fault, and SILENT may swallow it. */
    private static final class RemoteFailure extends RuntimeException {
        RemoteFailure(String message) {
            super(message, null, false, false);
        }
    }
}
