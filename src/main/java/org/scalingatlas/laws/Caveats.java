package org.scalingatlas.laws;

import java.util.List;

/**
 * What the law files record about why a result differs from another law's: the caveat of its constant set (rounded
 * exponents, a refit on digitised data ...), which the calculator passes on as a warning. Shared by the planner's
 * spread and the answer's "these allocations disagree" sentence.
 */
public final class Caveats {

    /** How the calculator opens a constant set's caveat among a result's warnings. */
    static final String PREFIX = "constants '";

    private Caveats() {
    }

    /** Each caveat of the result's constant set, as "NAME (SET): caveat". */
    public static List<String> of(String name, Result result) {
        return result.warnings().stream().filter(w -> w.startsWith(PREFIX))
                .map(w -> name + " (" + w.substring(PREFIX.length()).replaceFirst("':", "):")).toList();
    }
}
