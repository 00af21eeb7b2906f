package org.scalingatlas.laws;

/** Valid points that no fit of the family can describe with finite constants: said in words, never a stack trace. */
public final class UnfittableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnfittableException(String message) {
        super(message);
    }
}
