package org.scalingatlas.app;

/**
 * The search engine that ranks passages does not answer (with {@code retrieve.engine=solr}: no node of the SolrCloud
 * collection). The message names the nodes tried, for the operator's log; a client is told to try again.
 */
public final class SearchUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SearchUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
