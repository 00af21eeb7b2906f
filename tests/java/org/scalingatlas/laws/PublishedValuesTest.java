package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;

/**
 * Every law of the bundled corpus reproduces the check values its file records (each with the paper's own value or
 * one recomputed from its constants, and a stated relative tolerance).
 */
class PublishedValuesTest {

    private static final Corpus CORPUS = Corpus.load(Path.of("corpus"));
    private static final LawBook BOOK = new LawBook(CORPUS.laws());

    @TestFactory
    Stream<DynamicTest> should_reproduce_each_check_value_of_each_law() {
        return CORPUS.laws().stream().flatMap(law -> law.checks().stream().map(check -> DynamicTest.dynamicTest(
                law.id() + " " + check.mode() + " " + check.inputs() + " [" + check.constants() + "]", () -> {
                    Calculator calculator = BOOK.require(law.id());
                    Result result = check.mode().equals("optimal")
                            ? calculator.optimal(check.inputs(), check.constants(), Map.of())
                            : calculator.evaluate(check.inputs(), check.constants(), Map.of());
                    check.expect().forEach((name, expected) -> {
                        Double actual = result.outputs().get(name);
                        assertTrue(actual != null, name + " missing from " + result.outputs());
                        assertEquals(expected, actual, Math.abs(expected) * check.tolerance(),
                                law.id() + " " + name + " (" + check.source() + ")");
                    });
                })));
    }

    @Test
    void should_load_every_law_the_issue_lists_with_check_values() {
        List<String> without = new ArrayList<>();
        for (Law law : CORPUS.laws()) {
            if (law.checks().isEmpty() && !law.constantSets().isEmpty()) {
                without.add(law.id());
            }
        }
        assertEquals(List.of(), without, "laws with constants but no check value");
        assertTrue(CORPUS.problems().isEmpty(), CORPUS.problems().toString());
        assertFalse(CORPUS.laws().isEmpty());
    }
}
