package org.scalingatlas.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.question.EnglishSentences;

/**
 * Checks an answer against itself, with no knowledge of the question set: whether it calls a topic missing while a
 * note it cites covers it, whether it says a sentence twice, and whether it runs a law that none of its notes carries.
 */
public final class AnswerChecks {

    /**
     * A word; a letter joined to a word by a hyphen ("Q-network", "k-means"); or a name with its version or size
     * ("Llama-4", "DeepSeek-V3", "GPT-4o", "GPT-3.5", "Falcon-40B"): each names something other than the word alone, as a
     * Q-network is not any network and GPT-4o is not GPT-4.
     */
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{L}-[\\p{L}\\p{N}]+"
            + "|[\\p{L}\\p{N}]+(?:-\\p{L}*\\d[\\p{L}\\p{N}]*(?:\\.\\d+)*)+(?![\\p{L}\\p{N}])|[\\p{L}\\p{N}]+");
    /** Words too common to make a topic: a missing phrase is judged by its other words. */
    private static final Set<String> COMMON = Set.of("the", "and", "for", "with", "from", "into", "than", "that", "this", "what", "which",
            "how", "does", "are", "can", "its", "their", "more", "less", "one", "two", "per", "not", "all", "any", "use", "used", "using");
    /** A short word of a letter and digits, a name ("T5", "o1"): kept, where other words of two letters are dropped. */
    private static final Pattern NAME = Pattern.compile("\\p{L}\\p{N}+");
    /** A word of two capitals, an acronym ("VR", "EV"): kept as a name is. */
    private static final Pattern ACRONYM = Pattern.compile("\\p{Lu}{2}");
    /** Words compare by their first letters, so that "model", "models" and "modelling" meet (six: "transcription" is not "transformer"). */
    private static final int STEM = 6;
    /** Sentences shorter than this many characters ("See below.") may repeat. */
    private static final int SHORT = 40;

    private AnswerChecks() {
    }

    /**
     * The missing phrases every word of which (common words aside) a cited note's title or claim contains: the
     * answer says the corpus lacks what its own sources hold.
     */
    public static List<String> contradictions(Answer answer) {
        List<String> found = new ArrayList<>();
        for (String missing : answer.missing()) {
            Set<String> wanted = stems(missing);
            if (wanted.isEmpty()) {
                continue;
            }
            for (Answer.SourceNote note : answer.notes()) {
                if (stems(note.title() + " " + note.claim()).containsAll(wanted)) {
                    found.add("\u201c" + missing + "\u201d (" + note.id() + ")");
                    break;
                }
            }
        }
        return found;
    }

    /** Sentences (of at least {@value #SHORT} characters) that the answer's text says more than once. */
    public static List<String> repeatedSentences(Answer answer) {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new LinkedHashSet<>();
        for (String paragraph : answer.answer().split("\\n+")) {
            for (String sentence : EnglishSentences.of(paragraph)) {
                if (sentence.length() >= SHORT && !seen.add(sentence)) {
                    repeated.add(sentence);
                }
            }
        }
        return List.copyOf(repeated);
    }

    /**
     * The laws the answer runs inline (a calculation or a plan row) whose note is not among the notes it cites, or does
     * not carry the law, each as "law (note)".
     *
     * @param lawsOfNote the laws a note of the corpus carries, by the note's id (none for an unknown id)
     */
    public static List<String> uncitedLaws(Answer answer, Function<String, List<String>> lawsOfNote) {
        Set<String> cited = new HashSet<>();
        answer.notes().forEach(note -> cited.add(note.id()));
        return answer.calculations().stream()
                .filter(run -> !cited.contains(run.note()) || !lawsOfNote.apply(run.note()).contains(run.law()))
                .map(run -> run.law() + " (" + run.note() + ")").distinct().toList();
    }

    private static Set<String> stems(String text) {
        Set<String> stems = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String written = m.group();
            String word = written.toLowerCase(Locale.ROOT);
            if ((word.length() > 2 || NAME.matcher(word).matches() || ACRONYM.matcher(written).matches()) && !COMMON.contains(word)) {
                // a word with digits is a name, compared whole: "deepseek-v3" is not "deepseek-v2"
                stems.add(word.length() > STEM && word.chars().noneMatch(Character::isDigit) ? word.substring(0, STEM) : word);
            }
        }
        return stems;
    }
}
