package org.scalingatlas.laws;

import java.time.Duration;

/**
 * When a long computation (a fit, a curve) must stop: at a wall-clock limit, or sooner when whoever asked for it is
 * gone. The computation calls {@link #check()} inside its loops (the optimiser's objective, each curve point), so a
 * stop frees its thread within one step instead of after minutes.
 */
public final class Deadline {

    private static final Deadline NONE = new Deadline(Duration.ofNanos(Long.MAX_VALUE));

    private final Duration limit;
    private final long end;
    private volatile String stopped;

    private Deadline(Duration limit) {
        this.limit = limit;
        this.end = System.nanoTime() + limit.toNanos();
    }

    /** A deadline {@code limit} from now. */
    public static Deadline after(Duration limit) {
        return new Deadline(limit);
    }

    /** No limit: for the command line and the tests, where nobody else waits. */
    public static Deadline none() {
        return NONE;
    }

    /** Stops the computation at its next check, for {@code reason} (e.g. "the client closed the connection"). */
    public void stop(String reason) {
        if (this != NONE) {
            stopped = reason;
        }
    }

    /** Nanoseconds until the limit; zero or less once it has passed. */
    public long remainingNanos() {
        return end - System.nanoTime();
    }

    /** @throws Exceeded when the limit has passed or the computation was stopped */
    public void check() {
        String reason = stopped;
        if (reason != null) {
            throw new Exceeded("stopped: " + reason);
        }
        if (this != NONE && remainingNanos() <= 0) {
            throw new Exceeded("stopped after " + limit.toMillis() / 1000.0 + " s, the longest one expensive request may take");
        }
    }

    /** A computation that ran out of time or was stopped; its message says which. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Exceeded(String message) {
            super(message);
        }
    }
}
