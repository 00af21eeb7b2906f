package org.scalingatlas;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One part of start-up (the corpus, the embedding model, the graph store...) loaded on its own thread from the moment
 * it is created, so that independent parts load side by side. {@link #get()} waits for it and fails as the load
 * failed, with the load's own exception (a {@code CorpusException} stays a {@code CorpusException}), so a caller cannot
 * tell a background load from one it ran itself. It also records how long the load took, for the start-up log.
 *
 * <p>Each load gets a dedicated daemon thread rather than the common fork-join pool: on a two-core machine that pool
 * has a single worker, which would run the loads one after the other.
 *
 * @param <T> what is loaded
 */
final class BackgroundLoad<T> implements Supplier<T> {

    private final String name;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile long millis = -1;

    /** Starts loading {@code name} with {@code load} on a new daemon thread. */
    BackgroundLoad(String name, Supplier<T> load) {
        this.name = Objects.requireNonNull(name);
        Objects.requireNonNull(load);
        Thread.ofPlatform().daemon().name("atlas-load-" + name.replace(' ', '-')).start(() -> {
            long started = System.nanoTime();
            try {
                T value = load.get();
                millis = (System.nanoTime() - started) / 1_000_000;
                result.complete(value);
            } catch (Throwable e) {
                millis = (System.nanoTime() - started) / 1_000_000;
                result.completeExceptionally(e);
            }
        });
    }

    /** What was loaded, once it is; the load's own exception when it failed. */
    @Override
    public T get() {
        try {
            return result.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("loading the " + name + " failed: " + cause, cause);
        }
    }

    /** Whether the load has finished, well or not. */
    boolean done() {
        return result.isDone();
    }

    /** "name N ms", or "name still loading". */
    @Override
    public String toString() {
        long took = millis;
        return took < 0 ? name + " still loading" : name + " " + took + " ms";
    }
}
