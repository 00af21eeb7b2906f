package org.scalingatlas.http;

import org.scalingatlas.Atlas;

/** What {@code GET /health} answers: that the server is up, and what it serves. */
record Health(String status, String version, int papers, int notes) {

    static Health of(Atlas atlas) {
        return new Health("ok", Atlas.version(), atlas.corpus().papers().size(), atlas.corpus().notes().size());
    }
}
