package org.scalingatlas.question;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AbbreviationsTest {

    @Test
    void should_give_the_word_a_short_form_stands_for_in_its_number() {
        assertEquals(Optional.of("constants"), Abbreviations.expanded("consts"));
        assertEquals(Optional.of("average"), Abbreviations.expanded("Avg"));
        assertEquals(Optional.of("hyperparameters"), Abbreviations.expanded("hparams"));
    }

    @Test
    void should_leave_a_word_that_is_no_short_form_or_stands_for_several() {
        assertEquals(Optional.empty(), Abbreviations.expanded("exp"), "exponent, experiment or exponential");
        assertEquals(Optional.empty(), Abbreviations.expanded("loss"));
        assertEquals(Optional.empty(), Abbreviations.expanded("s"));
    }
}
