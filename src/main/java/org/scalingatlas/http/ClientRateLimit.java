package org.scalingatlas.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;
import org.scalingatlas.config.AtlasConfig;

/**
 * A token bucket per client (Bucket4j): {@code burst} requests at once, refilled at {@code requestsPerSecond}. The
 * buckets live in a bounded cache (Caffeine), so a flood of new addresses costs bounded memory and an idle client's
 * bucket is dropped, which is the same as a full one.
 */
final class ClientRateLimit {

    private static final int MAX_CLIENTS = 100_000;
    private static final Duration IDLE = Duration.ofMinutes(10);

    private final AtlasConfig.Limits limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(MAX_CLIENTS).expireAfterAccess(IDLE).build();

    ClientRateLimit(AtlasConfig.Limits limits) {
        this.limits = limits;
    }

    /** Takes one request from the client's bucket: empty when it may go on, else how many seconds until it may. */
    OptionalLong take(String client) {
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1));
    }

    String describe() {
        return limits.requestsPerSecond() + " requests per second, in bursts of up to " + limits.burst();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limits.burst()).refillGreedy(limits.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build();
    }
}
