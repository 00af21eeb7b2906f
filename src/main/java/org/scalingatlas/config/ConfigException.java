package org.scalingatlas.config;

/** A configuration value or key that is not valid; the message names it. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
