package org.scalingatlas.graph;

import java.io.ByteArrayOutputStream;

/**
 * The serialised result, held in memory up to a byte bound: one byte more and the query is refused, so a result
 * never takes more heap than {@code sparql.max.result.bytes} however wide its rows are.
 */
final class BoundedOutput extends ByteArrayOutputStream {

    private final long maxBytes;

    BoundedOutput(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void write(int b) {
        check(1);
        super.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        check(len);
        super.write(b, off, len);
    }

    private void check(int more) {
        if ((long) size() + more > maxBytes) {
            throw new SparqlEndpoint.Refusal(422, "the result is larger than " + maxBytes
                    + " bytes (sparql.max.result.bytes); select fewer or shorter values, or add a LIMIT");
        }
    }
}
