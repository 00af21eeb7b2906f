package org.scalingatlas.answer;

import java.util.List;
import org.scalingatlas.corpus.Note;

/**
 * A note's finding as an answer writes it, cited by its question: a curated note's claim in our words; a draft's,
 * marked as not yet reviewed; and for a paper no note rests on yet, the abstract's own sentences in quotation marks,
 * marked as the paper's words, never passed off as a curated claim.
 */
final class Finding {

    private Finding() {
    }

    /** @param whole the whole claim, or only its findings (first sentence and the numbers) for a note on the side */
    static String of(Note note, boolean whole) {
        return switch (note.status()) {
            case CURATED -> note.title() + " " + claim(note.claim(), whole);
            case DRAFT -> note.claim().isEmpty()
                    ? note.title() + " (a draft note, not yet reviewed, without a claim yet) Its evidence, in the paper's words: "
                            + quote(evidence(note), whole)
                    : note.title() + " (a draft note, not yet reviewed) " + claim(note.claim(), whole);
            case ABSTRACT -> "The paper \u201c" + note.title() + "\u201d, which no curated note covers yet, says in its own words: "
                    + quote(note.claim(), whole);
        };
    }

    private static String claim(String claim, boolean whole) {
        return whole ? claim.strip() : EnglishText.findings(claim);
    }

    private static String evidence(Note note) {
        return String.join(" ", note.papers().stream().flatMap(p -> p.evidence().stream()).toList());
    }

    private static String quote(String sentences, boolean whole) {
        List<String> quoted = EnglishText.sentences(claim(sentences, whole));
        return "\u201c" + String.join(" ", quoted) + "\u201d";
    }
}
