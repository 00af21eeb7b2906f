package org.scalingatlas.question;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text's sentences as the JDK's English sentence iterator finds them, stripped, none empty: "e.g." and "1.5x" do not
 * end one. What a question, an abstract quoted in an answer, a note's clauses and the answer checks are read by.
 */
public final class EnglishSentences {

    private EnglishSentences() {
    }

    public static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        iterator.setText(text);
        for (int start = iterator.first(), end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences;
    }
}
