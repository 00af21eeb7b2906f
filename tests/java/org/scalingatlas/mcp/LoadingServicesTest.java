package org.scalingatlas.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.scalingatlas.app.Services;

/** Requests wait for the services a bounded time, and a failed or unfinished load is a clear message. */
class LoadingServicesTest {

    @Test
    void should_say_why_when_loading_fails() {
        LoadingServices services = LoadingServices.onDemand(() -> {
            throw new IllegalStateException("corpus/notes/x.md: no title");
        }, Duration.ofSeconds(10));
        var e = assertThrows(LoadingServices.NotLoadedException.class, services::await);
        assertEquals("Scaling Atlas could not load its corpus and index: corpus/notes/x.md: no title", e.getMessage());
    }

    @Test
    void should_stop_waiting_after_the_bound() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        LoadingServices services = LoadingServices.onDemand(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }, Duration.ofMillis(200));
        var e = assertThrows(LoadingServices.NotLoadedException.class, services::await);
        assertTrue(e.getMessage().startsWith("Scaling Atlas is still loading its corpus and index"), e.getMessage());
        never.countDown();
    }

    @Test
    void should_load_once_however_often_started() {
        AtomicInteger loads = new AtomicInteger();
        LoadingServices services = LoadingServices.onDemand(() -> {
            loads.incrementAndGet();
            return (Services) null;
        }, Duration.ofSeconds(10));
        services.start();
        services.start();
        services.await();
        services.await();
        assertEquals(1, loads.get());
    }
}
