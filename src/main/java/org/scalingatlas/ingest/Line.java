package org.scalingatlas.ingest;

/** A non-blank line of an input file with its 1-based number. */
record Line(int number, String text) {
}
