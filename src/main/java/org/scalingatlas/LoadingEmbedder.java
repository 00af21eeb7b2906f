package org.scalingatlas;

import java.util.List;
import java.util.function.Supplier;
import org.scalingatlas.retrieve.Embedder;

/**
 * An embedder whose model is read in the background: its name and dimension are known at once, so the search index
 * can be opened (it checks the name it was built with) while the model is still loading; the first embedding waits
 * for the model.
 */
final class LoadingEmbedder implements Embedder {

    private final String name;
    private final int dimension;
    private final BackgroundLoad<Embedder> model;

    /**
     * @param name      the {@link Embedder#name()} of the embedder {@code load} gives, checked once it has loaded
     * @param dimension its {@link Embedder#dimension()}, checked the same way
     */
    LoadingEmbedder(String name, int dimension, Supplier<Embedder> load) {
        this.name = name;
        this.dimension = dimension;
        this.model = new BackgroundLoad<>("embedding model", () -> {
            Embedder loaded = load.get();
            if (!loaded.name().equals(name) || loaded.dimension() != dimension) {
                throw new IllegalStateException("the embedding model loaded is " + loaded.name() + " (" + loaded.dimension()
                        + " dimensions), not the " + name + " (" + dimension + " dimensions) it was announced as");
            }
            return loaded;
        });
    }

    /** Waits until the model is read; its failure, if it failed. */
    void await() {
        model.get();
    }

    /** "embedding model N ms" once it has loaded, for the start-up log. */
    @Override
    public String toString() {
        return model.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        return model.get().embed(text);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        return model.get().embedAll(texts);
    }
}
