package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;

/** How answers cut a claim into sentences and keep its findings. */
class EnglishTextTest {

    @Test
    void should_end_a_sentence_at_a_stop_followed_by_space_and_a_capital_or_a_bracket() {
        assertEquals(List.of("It holds.", "Then it holds again!", "Does it?", "(A remark.) End"),
                EnglishText.sentences("  It holds. Then it holds again!  Does it?\n(A remark.) End  "));
        assertEquals(List.of("Loss falls 2.5x with 1.4T tokens, e.g. on C4; it holds vs.", "GPT-4.", "Next."),
                EnglishText.sentences("Loss falls 2.5x with 1.4T tokens, e.g. on C4; it holds vs. GPT-4. Next."),
                "a number's point is no stop; an abbreviation before a capital is, as the rule says");
        assertEquals(List.of("A stop at the end."), EnglishText.sentences("A stop at the end."));
        assertEquals(List.of(""), EnglishText.sentences("   "));
        assertEquals(List.of("Öl ends. Ärger follows."), EnglishText.sentences("Öl ends. Ärger follows."), "capitals are A to Z");
    }

    @Test
    void should_cut_every_claim_and_abstract_of_the_corpus_as_the_regular_expression_of_the_rule_does() {
        Pattern rule = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z(])");
        Corpus corpus = Corpus.load(Path.of("corpus"));
        List<String> texts = new ArrayList<>();
        corpus.notes().forEach(note -> texts.add(note.claim()));
        corpus.papers().forEach(paper -> texts.add(paper.abstractText()));
        for (String text : texts) {
            assertEquals(List.of(rule.split(text.strip())), EnglishText.sentences(text), text);
        }
    }

    @Test
    void should_keep_the_first_sentence_and_the_first_later_one_with_a_number() {
        assertEquals("Its setting is first. It is 42% better.", EnglishText.findings("Its setting is first. It is 42% better. A remark."));
        assertEquals("It is 7% better.", EnglishText.findings("It is 7% better. It is 42% better."));
    }
}
