package org.scalingatlas.app;

import org.scalingatlas.graph.SparqlEndpoint;

/** Read-only SPARQL over the claims graph, bounded in time, results and concurrency. */
public final class SparqlService {

    private final SparqlEndpoint endpoint;

    public SparqlService(SparqlEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    /**
     * The results of a query, in the format {@code accept} asks for.
     *
     * @throws SparqlEndpoint.Refusal for an update, a query that does not parse, an unsupported format, or a query over
     *                                its time or while the endpoint is saturated
     */
    public SparqlEndpoint.Response query(String query, String accept) {
        return endpoint.query(query, accept);
    }
}
