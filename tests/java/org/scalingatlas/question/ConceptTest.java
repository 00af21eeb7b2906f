package org.scalingatlas.question;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A concept that is one of a set of names, as the coverage judge and the citations read a law's name. */
class ConceptTest {

    private static final Set<String> LAWS = Set.of("muennighoff", "kaplan");
    private static final Set<String> KNOWN = Set.of("et", "al", "law");

    @Test
    void should_be_a_name_among_the_names_when_its_other_words_are_known() {
        assertEquals(Optional.of("muennighoff"), new Concept("Muennighoff et al", List.of("muennighoff", "et", "al"), true).nameAmong(LAWS, KNOWN::contains));
        assertEquals(Optional.of("kaplan"), new Concept("Kaplan's law", List.of("kaplan's", "law"), true).nameAmong(LAWS, KNOWN::contains), "possessive");
        assertEquals(Optional.empty(), new Concept("Kaplan Swahili", List.of("kaplan", "swahili"), true).nameAmong(LAWS, KNOWN::contains),
                "an unknown word beside the name");
        assertEquals(Optional.empty(), new Concept("kaplan", List.of("kaplan")).nameAmong(LAWS, KNOWN::contains), "only a proper noun");
        assertEquals(Optional.empty(), new Concept("Hoffmann", List.of("hoffmann"), true).nameAmong(LAWS, KNOWN::contains));
        assertEquals("hoffmann", Concept.asName("Hoffmann’s"));
    }

    @Test
    void should_give_the_names_among_concepts_word_by_word() {
        List<Concept> concepts = List.of(new Concept("Kumar's precision law", List.of("Kumar's", "precision", "law"), true),
                new Concept("step size", List.of("step", "size")));
        assertEquals(Set.of("kumar", "precision", "law"), Concept.names(concepts), "a common noun's words are no names");
    }
}
