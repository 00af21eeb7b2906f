package org.scalingatlas.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Request bodies as the edges hand them to the records: JSON parsed to plain maps, lists, strings and numbers. */
final class Bodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Bodies() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(String json) {
        try {
            return JSON.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
