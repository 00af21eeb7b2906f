package org.scalingatlas.coverage;

import java.util.List;

/**
 * What the corpus can say about a question, decided before any text is written.
 * {@link Answered}: it covers the question. {@link Partial}: it covers part; {@code missing} names the rest as
 * short phrases from the question. {@link Refused}: nothing in it is relevant.
 */
public sealed interface Verdict {

    /** The name used in the JSON contract. */
    String name();

    /** The topics the corpus holds, as phrases from the question. */
    List<String> covered();

    record Answered(List<String> covered) implements Verdict {
        public Answered {
            covered = List.copyOf(covered);
        }

        @Override
        public String name() {
            return "answered";
        }
    }

    record Partial(List<String> covered, List<String> missing) implements Verdict {
        public Partial {
            covered = List.copyOf(covered);
            missing = List.copyOf(missing);
        }

        @Override
        public String name() {
            return "partial";
        }
    }

    /** @param reason why nothing relevant was found, for the asker */
    record Refused(String reason, List<String> missing) implements Verdict {
        public Refused {
            missing = List.copyOf(missing);
        }

        @Override
        public String name() {
            return "refused";
        }

        @Override
        public List<String> covered() {
            return List.of();
        }
    }

    default List<String> missing() {
        return List.of();
    }
}
