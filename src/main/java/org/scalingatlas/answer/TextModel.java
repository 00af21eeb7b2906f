package org.scalingatlas.answer;

/** A language model that completes a prompt: the port the optional LLM composer writes through. */
public interface TextModel {

    /** A short name for logs and answers, e.g. "openai:gpt-4o-mini". */
    String name();

    /** @throws Failure when the model cannot be reached, times out, refuses the request or sends what cannot be read */
    String complete(String system, String user);

    /** Why a completion failed, in words fit to show a user: no stack, no endpoint detail, no key. */
    final class Failure extends RuntimeException {
        public Failure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
