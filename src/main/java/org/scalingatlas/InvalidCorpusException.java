package org.scalingatlas;

import java.util.List;
import java.util.stream.Collectors;
import org.scalingatlas.graph.Violation;

/** The corpus breaks the rules of {@code ontology/shapes.ttl}; the message lists every violation. */
public final class InvalidCorpusException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidCorpusException(List<Violation> violations) {
        super("the corpus has " + violations.size() + " problem(s); fix them and run ./atlas check:\n"
                + violations.stream().map(v -> "  " + v).collect(Collectors.joining("\n")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
