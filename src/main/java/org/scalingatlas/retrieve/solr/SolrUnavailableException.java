package org.scalingatlas.retrieve.solr;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The SolrCloud collection could not answer: no node reachable, no such collection, or an address that is not Solr. */
public final class SolrUnavailableException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    SolrUnavailableException(String message) {
        super(message, new IOException(message));
    }
}
