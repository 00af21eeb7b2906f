package org.scalingatlas.http;

import org.scalingatlas.Atlas;

/**
 * What {@code GET /health} answers: that the server is up, and what it serves.
 *
 * @param corpus the fingerprint of the corpus and ontology served ({@code ./atlas ask} compares it with its own)
 */
record Health(String status, String version, int papers, int notes, String corpus) {

    static Health of(Atlas atlas, String fingerprint) {
        return new Health("ok", Atlas.version(), atlas.corpus().papers().size(), atlas.corpus().notes().size(), fingerprint);
    }
}
