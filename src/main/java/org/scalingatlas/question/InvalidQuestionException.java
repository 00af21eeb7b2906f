package org.scalingatlas.question;

/** A question the pipeline will not take, with the reason in words for the asker. */
public final class InvalidQuestionException extends IllegalArgumentException {

    public InvalidQuestionException(String message) {
        super(message);
    }
}
