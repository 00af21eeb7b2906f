package org.scalingatlas.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.question.EnglishSentences;

/**
 * A paper no note rests on yet, standing in an answer as a source of its own: the sentences of its abstract that carry
 * a result (a number, a comparison, "we find ..."), best matching the question first, quoted word for word. No
 * sentence is reworded: the answer marks them as the paper's words.
 */
final class AbstractQuotes {

    /** The most sentences quoted from one abstract. */
    static final int SENTENCES = 2;
    private static final Pattern RESULT = Pattern.compile(
            "\\d|\\b(we (find|show|observe|demonstrate|prove)|outperform\\w*|improv\\w*|better|worse|fewer|more|less|scal\\w*|law)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

    private AbstractQuotes() {
    }

    /** The paper as an {@link Note.Status#ABSTRACT} source, or {@code null} when it has no abstract to quote. */
    static Note of(Paper paper, String question) {
        List<String> quoted = quotes(paper.abstractText(), question);
        if (quoted.isEmpty()) {
            return null;
        }
        return new Note(paper.id(), paper.title(), String.join(" ", quoted), paper.date(),
                List.of(new Note.Support(paper.id(), quoted, null)), List.of(), List.of(), List.of(), List.of(), "", Note.Status.ABSTRACT);
    }

    /** Up to {@value #SENTENCES} sentences, in the abstract's order: those sharing most words with the question, results first. */
    static List<String> quotes(String abstractText, String question) {
        List<String> sentences = sentences(abstractText);
        Set<String> asked = words(question);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            chosen.add(i);
        }
        chosen.sort(Comparator.comparingInt((Integer i) -> -score(sentences.get(i), asked)).thenComparingInt(i -> i));
        return chosen.stream().limit(SENTENCES).sorted().map(sentences::get).toList();
    }

    private static int score(String sentence, Set<String> asked) {
        Set<String> shared = words(sentence);
        shared.retainAll(asked);
        return 2 * shared.size() + (RESULT.matcher(sentence).find() ? 3 : 0);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    static List<String> sentences(String text) {
        return EnglishSentences.of(text);
    }
}
