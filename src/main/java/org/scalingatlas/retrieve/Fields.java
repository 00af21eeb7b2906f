package org.scalingatlas.retrieve;

/** Names of the Lucene fields, in one place. */
final class Fields {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String CLAIM = "claim";
    static final String EVIDENCE = "evidence";

    private Fields() {
    }
}
