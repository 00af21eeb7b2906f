package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.question.Quantities;

/** The symbols a question may set to a number ("M = 80") name, for the question reader, what they name in every law file. */
class LawSymbolsTest {

    @Test
    void should_read_each_symbol_as_the_kind_every_law_that_writes_it_reads() {
        List<Law> laws = Corpus.load(Path.of("corpus")).laws();
        int checked = 0;
        for (Law law : laws) {
            for (Law.Variable input : law.inputs()) {
                Optional<String> read = Quantities.kindOfSymbol(input.symbol());
                if (read.isPresent() && input.quantity() != null) {
                    assertEquals(input.quantity(), read.get(), law.id() + " reads " + input.symbol() + " as " + input.quantity());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 15, "N, D, M, U_D, D_inf and L across the laws: " + checked);
    }
}
