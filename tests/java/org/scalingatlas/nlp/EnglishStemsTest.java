package org.scalingatlas.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class EnglishStemsTest {

    @Test
    void should_give_a_family_of_words_one_stem_and_leave_words_with_digits_alone() {
        assertEquals(EnglishStems.stem("captioning"), EnglishStems.stem("captions"));
        assertEquals(EnglishStems.stem("mathematics"), EnglishStems.stem("Mathematical"));
        assertEquals(EnglishStems.stem("code"), EnglishStems.stem("coding"));
        assertEquals("16x16", EnglishStems.stem("16x16"));
        assertEquals("c4", EnglishStems.stem("C4"));
        assertNotEquals(EnglishStems.stem("image"), EnglishStems.stem("imagine"), "not every shared prefix");
    }
}
