package org.scalingatlas.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.api.NoteSummary;
import org.scalingatlas.app.Services;

/** The warm-up a server runs before it listens, on the real corpus and its real ask path. */
class WarmUpTest {

    private static final Services SERVICES = TestAtlas.real().services();
    private static final List<String> TITLES = SERVICES.records().notes().stream().map(NoteSummary::title).toList();

    @Test
    void should_ask_the_note_titles_on_every_thread_until_its_deadline() {
        WarmUp.Report report = new WarmUp(SERVICES.ask()).run(TITLES, Duration.ofMillis(400), 2);
        assertNull(report.failure());
        assertEquals(2, report.threads());
        assertTrue(report.asks() >= 2, "each thread answered at least one question: " + report);
        assertTrue(report.millis() >= 400, "it ran until its deadline: " + report);
    }

    @Test
    void should_do_nothing_for_a_warm_up_of_zero_or_without_questions() {
        assertEquals(new WarmUp.Report(0, 0, 0, null), new WarmUp(SERVICES.ask()).run(TITLES, Duration.ZERO, 2));
        assertEquals(new WarmUp.Report(0, 0, 0, null), new WarmUp(SERVICES.ask()).run(List.of(), Duration.ofSeconds(5), 2));
    }

    /** A question the ask path refuses stops the warm-up at once, with the reason, long before its deadline. */
    @Test
    void should_stop_at_the_first_failure_and_say_why() {
        WarmUp.Report report = new WarmUp(SERVICES.ask()).run(List.of(" "), Duration.ofSeconds(60), 2);
        assertEquals(0, report.asks());
        assertTrue(report.failure() != null && report.failure().startsWith("InvalidQuestionException: "), String.valueOf(report.failure()));
        assertTrue(report.millis() < 30_000, "stopped before its deadline: " + report);
    }
}
