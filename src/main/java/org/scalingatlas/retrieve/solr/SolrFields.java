package org.scalingatlas.retrieve.solr;

/** The fields of the configset's schema ({@code src/main/resources/solr/atlas/conf/schema.xml}) and how values are written for them. */
final class SolrFields {

    /** The passage's key: {@code note:<id>} or {@code paper:<id>}. */
    static final String ID = "id";
    static final String KIND = "kind";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String VECTOR = "vec";

    private static final String SPECIAL = "\\+-!():^[]\"{}~*?|&/";

    private SolrFields() {
    }

    /** Query syntax escaped as Lucene's {@code QueryParser.escape} escapes it, which the local index uses. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** A vector as Solr's knn parser and vectorSimilarity() read it: {@code [0.1,-0.2,...]}, each float exactly. */
    static String vector(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }
}
