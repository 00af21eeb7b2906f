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
     * @throws Refused for an update, a query that does not parse, an unsupported format, or a query over its time or
     *                 while the endpoint is saturated
     */
    public SparqlEndpoint.Response query(String query, String accept) {
        try {
            return endpoint.query(query, accept);
        } catch (SparqlEndpoint.Refusal e) {
            throw new Refused(e.status(), e.getMessage());
        }
    }

    /** A query the endpoint will not answer, with the HTTP status its protocol gives the reason. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
