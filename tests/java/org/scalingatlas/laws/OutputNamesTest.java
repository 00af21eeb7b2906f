package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;

/** Which outputs of the corpus's laws a question's words name, read once with the book. */
class OutputNamesTest {

    private static final LawBook BOOK = new LawBook(Corpus.load(Path.of("corpus")).laws());
    private static final OutputNames NAMES = new OutputNames(BOOK);
    private static final Law MUENNIGHOFF = BOOK.require("muennighoff-data-constrained-loss").law();
    private static final Law STEP = BOOK.require("step-law-hyperparameters").law();
    private static final Law KUMAR = BOOK.require("kumar-precision-aware-compute").law();

    private static List<String> named(Law law, String... words) {
        return NAMES.named(law, OutputNames.Asking.of(Set.of(words)));
    }

    @Test
    void should_name_an_output_by_every_long_word_of_its_name_in_the_singular() {
        assertEquals(List.of("effective_tokens"), named(MUENNIGHOFF, "effective", "token"));
        assertEquals(List.of("epochs"), named(MUENNIGHOFF, "epoch"));
        assertEquals(List.of(), named(MUENNIGHOFF, "effective"), "one word of two names nothing");
    }

    @Test
    void should_name_an_output_by_its_unit_of_two_words_by_an_alias_and_by_a_subscripted_name() {
        assertEquals(List.of("lr"), named(STEP, "learning", "rate"), "the unit's head, without what its parentheses add");
        assertEquals(List.of("lr"), named(STEP, "eta_opt"));
        assertEquals(List.of("batch_size"), named(STEP, "bs"));
        assertEquals(List.of("effective_tokens"), named(MUENNIGHOFF, "effective", "data"), "an alias of two words");
        assertEquals(List.of("repetitions_D"), named(MUENNIGHOFF, "repetitions_d"));
    }

    @Test
    void should_name_an_output_by_its_described_symbol_only_when_the_question_writes_one_of_more_than_a_letter() {
        assertEquals(List.of("effective_tokens"), named(MUENNIGHOFF, "d'"));
        assertEquals(List.of("unique_parameters"), named(MUENNIGHOFF, "u_n"));
        assertEquals(List.of(), named(MUENNIGHOFF, "u"), "a letter alone is no described symbol");
    }

    @Test
    void should_read_the_parts_of_a_hyphenated_word_and_name_an_output_by_its_unit_head_alone_when_asked() {
        assertEquals(List.of(), named(KUMAR, "flop"));
        assertEquals(List.of("compute"), NAMES.namedByUnit(KUMAR, OutputNames.Asking.of(Set.of("flop"))));
        assertEquals(List.of("compute"), NAMES.namedByUnit(KUMAR, OutputNames.Asking.of(Set.of("16-bit-equivalent-flop"))));
        assertEquals(Set.of("16-bit-equivalent", "16", "bit", "equivalent"), OutputNames.Asking.of(Set.of("16-bit-equivalent")).parts());
    }
}
