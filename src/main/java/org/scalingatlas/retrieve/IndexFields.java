package org.scalingatlas.retrieve;

/** Names of the Lucene fields, in one place. */
final class IndexFields {

    /** {@code note:ID} or {@code paper:ID}. */
    static final String KEY = "key";
    static final String KIND = "kind";
    static final String ID = "id";
    static final String TITLE = "title";
    static final String BODY = "body";
    /** Title and body together, lightly analysed: what coverage statistics count. */
    static final String ALL = "all";
    static final String VECTOR = "vector";
    /** The embedding of a citable passage's title (stored, not searched): how directly a note's question answers one. */
    static final String TITLE_VECTOR = "title_vector";
    /** "yes" on a passage an answer may cite itself: a note, or a paper no note rests on yet. */
    static final String CITABLE = "citable";
    /** A digest of the passage's text: what an incremental update compares to know a passage changed. */
    static final String DIGEST = "digest";

    private IndexFields() {
    }
}
