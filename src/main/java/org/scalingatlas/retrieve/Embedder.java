package org.scalingatlas.retrieve;

import java.util.List;

/** Turns text into unit-length vectors whose dot product measures similarity of meaning. */
public interface Embedder {

    /** A name that changes when the vectors would change (model and version): stored with an index. */
    String name();

    int dimension();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }

    /**
     * Whether an index built with this embedder keeps the title embedding of each citable passage (which the lead note
     * is chosen by, beside the passage's own). True but for embedders that only stand in for the model in benchmarks.
     */
    default boolean embedsTitles() {
        return true;
    }
}
