package org.scalingatlas.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatexTextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            Sch{\\"o}nberg                                | Schönberg
            {\\phi}-Scaling                              | φ-Scaling
            $\\phi$ and \\phi                             | φ and φ
            10$\\times$ fewer                            | 10× fewer
            at $\\sim$1B                                 | at ∼1B
            {Training} {Compute}-{Optimal}               | Training Compute-Optimal
            Fran{\\c{c}}ois and Fran{\\c c}ois            | François and François
            Mar{\\'\\i}a Ng{\\~o}                          | María Ngõ
            {\\O}stergaard                               | Østergaard
            $C \\propto N^{0.5}$                         | C ∝ N^0.5
            10\\% of a\\_b \\& c                           | 10% of a_b & c
            {$\\mu$P} --- a ``quoted'' word              | μP — a “quoted” word
            pages 1--31                                  | pages 1–31
            """)
    void should_turn_latex_into_text(String latex, String text) {
        assertEquals(text, LatexText.toText(latex));
    }
}
