package org.scalingatlas.http;

import io.javalin.http.Context;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.scalingatlas.config.AtlasConfig;
import org.scalingatlas.laws.Deadline;

/**
 * The expensive requests (fits, curves, optimal allocations, exports) share a small pool with a bounded queue, so they
 * cannot take the machine from the cheap ones (health, asks, pages). Past the queue a request is refused at once with
 * 503 and {@code Retry-After}; each one has a wall-time limit, waiting included, and is stopped when its client
 * leaves. Both stops reach the computation through its {@link Deadline}, which frees the pool's thread.
 */
final class HeavyRequests implements AutoCloseable {

    private final AtlasConfig.Heavy heavy;
    private final ThreadPoolExecutor pool;

    HeavyRequests(AtlasConfig.Heavy heavy) {
        this.heavy = heavy;
        BlockingQueue<Runnable> queue = heavy.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(heavy.queue());
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(heavy.concurrent(), heavy.concurrent(), 0, TimeUnit.MILLISECONDS, queue, work -> {
            Thread thread = new Thread(work, "heavy-request-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs {@code work} on the pool and returns what it gives, or throws what it throws (a 400 stays a 400).
     *
     * @param what the request in words, for the refusals ("the fit", "the export")
     * @throws ApiError 503 with {@code Retry-After} when the pool and its queue are full, or when the wall time passed
     */
    <T> T run(Context ctx, String what, Function<Deadline, T> work) {
        ctx.body(); // read to its end first: the watch on the connection below must not race Jetty reading the body
        Deadline deadline = Deadline.after(heavy.timeout());
        Future<T> future;
        try {
            future = pool.submit(() -> work.apply(deadline));
        } catch (RejectedExecutionException e) {
            throw busy(ctx, heavy.concurrent() + " expensive requests (fits, curves, exports) are running and " + heavy.queue()
                    + " more are waiting, the most this server takes (server.heavy.concurrent, server.heavy.queue); retry later");
        }
        ClientConnection.onClose(ctx, () -> stop(future, deadline, "the client closed the connection"));
        try {
            return future.get(Math.max(0, deadline.remainingNanos()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stop(future, deadline, "out of time");
            throw busy(ctx, what + " did not finish within " + seconds() + " s, the longest one expensive request may take, waiting included"
                    + " (server.heavy.timeout.ms); ask for less (fewer points, resamples or curve points) or retry later");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Deadline.Exceeded exceeded) {
                throw busy(ctx, what + " was " + exceeded.getMessage() + (deadline.remainingNanos() > 0 ? ""
                        : " (server.heavy.timeout.ms); ask for less (fewer points, resamples or curve points) or retry later"));
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        } catch (CancellationException e) {
            throw busy(ctx, what + " was stopped: the client closed the connection");
        } catch (InterruptedException e) {
            stop(future, deadline, "the server is stopping");
            Thread.currentThread().interrupt();
            throw busy(ctx, what + " was stopped: the server is stopping");
        }
    }

    private void stop(Future<?> future, Deadline deadline, String reason) {
        deadline.stop(reason);
        future.cancel(true);
        pool.remove((Runnable) future); // a cancelled task still waiting would hold its place in the queue
    }

    private ApiError busy(Context ctx, String message) {
        ctx.header("Retry-After", Long.toString(seconds()));
        return new ApiError(503, message);
    }

    private long seconds() {
        return Math.max(1, (heavy.timeout().toMillis() + 999) / 1000);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
