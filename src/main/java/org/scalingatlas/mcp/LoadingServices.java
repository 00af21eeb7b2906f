package org.scalingatlas.mcp;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.scalingatlas.app.Services;

/**
 * The application's services while they load: the MCP server answers the handshake at once, and each request that
 * needs the corpus waits here, for a bounded time, until loading has finished. If loading fails, every such request
 * gets the failure's message instead of an answer; the server keeps running so the client can show it.
 */
public final class LoadingServices {

    /** How long a request waits for loading before it is refused (a first start builds the index: tens of seconds). */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(120);

    private final CompletableFuture<Services> services;
    private final Supplier<Services> load;
    private final Duration wait;
    private final AtomicBoolean started = new AtomicBoolean();

    private LoadingServices(CompletableFuture<Services> services, Supplier<Services> load, Duration wait) {
        this.services = services;
        this.load = load;
        this.wait = wait;
    }

    /** Services that are already loaded (tests, or a caller that loaded them itself). */
    public static LoadingServices loaded(Services services) {
        return new LoadingServices(CompletableFuture.completedFuture(services), () -> services, DEFAULT_WAIT);
    }

    /**
     * Services that {@code load} makes on a background thread of its own ({@code atlas-load}), from the first call of
     * {@link #start()} (or of {@link #await()}); a request waits for them at most {@code wait}.
     */
    public static LoadingServices onDemand(Supplier<Services> load, Duration wait) {
        return new LoadingServices(new CompletableFuture<>(), load, wait);
    }

    /** Starts loading in the background, once; later calls, and calls on loaded services, do nothing. */
    public void start() {
        if (services.isDone() || !started.compareAndSet(false, true)) {
            return;
        }
        Thread loader = new Thread(() -> {
            try {
                services.complete(load.get());
            } catch (RuntimeException | Error e) {
                services.completeExceptionally(e);
            }
        }, "atlas-load");
        loader.setDaemon(true);
        loader.start();
    }

    /**
     * The services, once loaded.
     *
     * @throws NotLoadedException when loading failed, or has not finished within the bounded wait
     */
    public Services await() {
        start();
        try {
            return services.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new NotLoadedException("Scaling Atlas is still loading its corpus and index (waited " + wait.toSeconds()
                    + " s); try again in a moment");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NotLoadedException("Scaling Atlas could not load its corpus and index: " + messageOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotLoadedException("Scaling Atlas was stopped while loading");
        }
    }

    /** The services if they have loaded already; empty while loading and after a failure. */
    public java.util.Optional<Services> ifLoaded() {
        return services.isDone() && !services.isCompletedExceptionally() ? java.util.Optional.of(services.join()) : java.util.Optional.empty();
    }

    /** Runs {@code action} with the services once loaded, on the loading thread; never when loading fails. */
    public void whenLoaded(Consumer<Services> action) {
        services.thenAccept(action);
    }

    /** Runs {@code action} with the failure, if loading fails. */
    public void whenFailed(Consumer<Throwable> action) {
        services.exceptionally(e -> {
            action.accept(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
            return null;
        });
    }

    private static String messageOf(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The services are not there: loading failed, or is still under way after the bounded wait. */
    public static final class NotLoadedException extends RuntimeException {
        NotLoadedException(String message) {
            super(message);
        }
    }
}
