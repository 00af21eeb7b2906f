package org.scalingatlas.graph;

import org.apache.jena.query.QueryCancelledException;

/**
 * A string as a {@link CharSequence} that stops a regular expression at the query's deadline: Java's matcher reads
 * its input only through {@link #charAt}, so a catastrophic pattern that backtracks for minutes keeps calling it,
 * and the call past the deadline cancels the query. Checking the clock every few thousand reads keeps it cheap.
 */
final class DeadlineChars implements CharSequence {

    private static final int CHECK_EVERY = 4096;

    private final String text;
    private final long deadlineNanos;
    private int reads;

    DeadlineChars(String text, long deadlineNanos) {
        this.text = text;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public char charAt(int index) {
        if (++reads >= CHECK_EVERY) {
            reads = 0;
            if (System.nanoTime() - deadlineNanos > 0) {
                throw new QueryCancelledException();
            }
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
