package org.scalingatlas.http;

import io.javalin.json.JavalinJackson;
import io.javalin.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.app.AskService;

/**
 * What a server does before it listens: it asks itself the corpus's own note titles for a while, on as many threads as
 * the machine has cores, and writes each answer as JSON, so that the JIT has compiled the ask path before the first
 * client comes. A fresh JVM runs that path interpreted and half-compiled for its first 20 s or so; over loopback at
 * concurrency 8 its first 5 s ran at p50 30 ms and p99 135 ms against 11 ms and 40 ms once compiled (BENCHMARKS.md).
 * The questions are the corpus's, never a client's, and the answers are dropped. It stops at its deadline, or at the
 * first failure (a warm-up never stops a start: the server then listens as it would have without it).
 */
final class WarmUp {

    /** How long a thread may take to see the deadline pass: one ask, many times over. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    /**
     * What the warm-up did.
     *
     * @param asks    the questions answered
     * @param threads the threads that asked them
     * @param millis  how long it took
     * @param failure why it stopped early, or {@code null}
     */
    record Report(int asks, int threads, long millis, String failure) {
    }

    private final AskService asking;
    private final JsonMapper json = new JavalinJackson();

    WarmUp(AskService asking) {
        this.asking = asking;
    }

    /**
     * Asks {@code questions} in turn on {@code threads} threads until {@code duration} has passed; nothing when it is
     * zero or there is nothing to ask.
     */
    Report run(List<String> questions, Duration duration, int threads) {
        if (questions.isEmpty() || duration.isZero() || duration.isNegative() || threads < 1) {
            return new Report(0, 0, 0, null);
        }
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        AtomicInteger asks = new AtomicInteger();
        StringBuffer failure = new StringBuffer();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("atlas-warm-up-", 1).factory());
        for (int thread = 0; thread < threads; thread++) {
            int first = thread;
            pool.execute(() -> {
                for (int i = first; System.nanoTime() < deadline && failure.isEmpty(); i += threads) {
                    try {
                        Answer answer = asking.ask(questions.get(i % questions.size()));
                        json.toJsonString(answer, Answer.class);
                        asks.incrementAndGet();
                    } catch (RuntimeException e) {
                        failure.append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
                    }
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(duration.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                failure.append("an ask outlived the deadline by ").append(GRACE.toSeconds()).append(" s");
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            failure.append("interrupted");
        }
        return new Report(asks.get(), threads, (System.nanoTime() - started) / 1_000_000, failure.isEmpty() ? null : failure.toString());
    }
}
