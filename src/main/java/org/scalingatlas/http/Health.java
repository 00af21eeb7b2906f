package org.scalingatlas.http;

import org.scalingatlas.app.Services;

/**
 * What {@code GET /health} answers: that the server is up, and what it serves.
 *
 * @param corpus the fingerprint of the corpus and ontology served ({@code ./atlas ask} compares it with its own)
 */
record Health(String status, String version, int papers, int notes, String corpus) {

    static Health of(Services services) {
        return new Health("ok", Services.version(), services.records().paperCount(), services.records().noteCount(),
                services.ask().corpusFingerprint());
    }
}
