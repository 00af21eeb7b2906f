package org.scalingatlas.api;

import java.time.LocalDate;

/** Dates as the API writes them: ISO 8601, or {@code null} when unknown. */
final class Dates {

    private Dates() {
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
