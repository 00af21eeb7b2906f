package org.scalingatlas.answer;

/** A language model that completes a prompt: the port the optional LLM composer writes through. */
public interface TextModel {

    /** A short name for logs and answers, e.g. "openai:gpt-4o-mini". */
    String name();

    /** @throws RuntimeException when the model cannot be reached, times out or refuses */
    String complete(String system, String user);
}
