package org.scalingatlas.laws;

/** Inputs a law cannot be evaluated on (missing, unknown, not finite, out of the law's domain), with what is wrong. */
public class LawInputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LawInputException(String message) {
        super(message);
    }
}
