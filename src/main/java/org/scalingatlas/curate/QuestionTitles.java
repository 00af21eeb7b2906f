package org.scalingatlas.curate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A draft's question, made from the words of its paper's title, and the test a proposed title must pass. The forms,
 * first that fits: a title that already asks; "X Is Y" → "Is X Y?"; "X as a Y" → "Is X a Y?"; "Scaling Laws for X" → "What scaling laws hold
 * for X?"; a title opening with a verb in -ing → "What is learned from <the title>?"; any other title names a topic →
 * "What does this paper find about <topic>?" (a leading "A Study of" is dropped). After a colon, the part that says
 * more (the subtitle, unless the head already fits a form) is used. Title-cased words are lower-cased; acronyms and
 * mixed-case names (LLMs, GPT-4, MoE) are kept.
 */
final class QuestionTitles {

    private static final Set<String> ASKING = Set.of("what", "how", "why", "when", "where", "which", "who", "whom", "whose", "whether",
            "does", "do", "did", "is", "are", "was", "were", "can", "could", "should", "would", "will", "has", "have", "had", "may",
            "might", "must", "shall");
    private static final Set<String> PREPOSITIONS = Set.of("at", "in", "for", "to", "under", "by", "with", "from", "on", "beyond", "across",
            "over", "up", "and", "but", "so");
    private static final Pattern IS = Pattern.compile("^(.+?)\\s+(Is|Are)\\s+(.+)$");
    private static final Pattern AS = Pattern.compile("^(.+?)\\s+as\\s+(a|an|the)\\s+(.+)$");
    /** "Scaling Laws for X", "Inference Scaling Laws", "Data-Constrained Scaling Laws for X": a kind of at most two words. */
    private static final Pattern SCALING_LAWS = Pattern.compile("^((?:[\\p{L}\\p{N}-]+\\s+){0,2}?)Scaling\\s+Laws?(?:\\s+(?:for|of|in|on|with)\\s+(.+))?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STUDY = Pattern.compile(
            "^(?:(?:a|an|the)\\s+)?(?:[\\w-]+\\s+)?(?:study|analysis|investigation|look|survey|examination|exploration)\\s+(?:of|on|into)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAD = Pattern.compile("^(?:towards?|on the|on)\\s+", Pattern.CASE_INSENSITIVE);

    private QuestionTitles() {
    }

    /** A question made from a paper's title. */
    static String of(String paperTitle) {
        String title = paperTitle.strip().replaceAll("\\s+", " ").replaceAll("[.!]+$", "");
        if (title.endsWith("?")) {
            return title;
        }
        int colon = title.indexOf(": ");
        if (colon > 0) {
            String head = title.substring(0, colon);
            String tail = title.substring(colon + 2);
            return hasForm(head) ? form(head) : form(tail);
        }
        return form(title);
    }

    private static boolean hasForm(String text) {
        Matcher laws = SCALING_LAWS.matcher(text);
        return IS.matcher(text).matches() || laws.matches() && (laws.group(2) != null || !laws.group(1).isBlank());
    }

    private static String form(String text) {
        String phrase = LEAD.matcher(text.strip()).replaceFirst("");
        Matcher is = IS.matcher(phrase);
        if (is.matches()) {
            return capitalise(is.group(2).toLowerCase(Locale.ROOT) + " " + lower(is.group(1)) + " " + lower(is.group(3)) + "?");
        }
        Matcher as = AS.matcher(phrase);
        if (as.matches()) {
            return capitalise("is " + lower(as.group(1)) + " " + as.group(2) + " " + lower(as.group(3)) + "?");
        }
        Matcher laws = SCALING_LAWS.matcher(phrase);
        if (laws.matches()) {
            String kind = laws.group(1).isBlank() ? "" : lower(laws.group(1).strip()) + " ";
            if (laws.group(2) != null) {
                return "What " + kind + "scaling laws hold for " + lower(laws.group(2)) + "?";
            }
            if (!kind.isEmpty()) {
                return "What do " + kind + "scaling laws show?";
            }
        }
        String first = phrase.split(" ")[0];
        if (first.length() > 4 && first.toLowerCase(Locale.ROOT).endsWith("ing") && Character.isUpperCase(first.charAt(0))) {
            return "What is learned from " + lower(phrase) + "?";
        }
        Matcher study = STUDY.matcher(phrase);
        String topic = study.matches() ? study.group(1) : phrase;
        return "What does this paper find about " + lower(topic) + "?";
    }

    /** Title-cased words lower-cased; acronyms, mixed case and words in other scripts kept. */
    static String lower(String text) {
        return Arrays.stream(text.strip().split(" ")).map(QuestionTitles::lowerWord).collect(Collectors.joining(" "));
    }

    private static String lowerWord(String word) {
        if (word.contains("-")) {
            return Arrays.stream(word.split("-", -1)).map(QuestionTitles::lowerWord).collect(Collectors.joining("-"));
        }
        if (word.length() > 1 && Character.isUpperCase(word.charAt(0)) && word.substring(1).equals(word.substring(1).toLowerCase(Locale.ROOT))) {
            return word.toLowerCase(Locale.ROOT);
        }
        return word.length() == 1 && word.equals("A") ? "a" : word;
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Whether a proposed title is one question: one line ending with its only '?', 3 to 30 words, opening with (or, after
     * a preposition, next reaching) a question word or an auxiliary ("What …", "Does …", "At what scale …").
     */
    static boolean isQuestion(String title) {
        if (title == null) {
            return false;
        }
        String t = title.strip();
        if (!t.endsWith("?") || t.indexOf('?') != t.length() - 1 || t.contains("\n")) {
            return false;
        }
        List<String> words = Sentences.words(t);
        return words.size() >= 3 && words.size() <= 30
                && (ASKING.contains(words.get(0)) || PREPOSITIONS.contains(words.get(0)) && words.subList(1, 3).stream().anyMatch(ASKING::contains));
    }
}
