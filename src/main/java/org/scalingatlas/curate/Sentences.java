package org.scalingatlas.curate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An abstract's sentences, exactly as they stand in it (so that {@code ./atlas check} finds each quote in the abstract),
 * and the two tests a drafted note must pass against its abstract: a quote is verbatim, a claim copies no long run.
 */
final class Sentences {

    /** A sentence ends at . ! or ? followed by space and a capital, a digit or an opening quote or bracket. */
    private static final Pattern END = Pattern.compile("[.!?][\"')\\]]?\\s+(?=[\\p{Lu}\\d\"'(\\[])");
    private static final Set<String> ABBREVIATIONS = Set.of("e.g", "i.e", "al", "vs", "fig", "eq", "cf", "approx", "resp", "etc", "no");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[.,'’-][\\p{L}\\p{N}]+)*");

    private Sentences() {
    }

    /** The sentences of a text, each an exact substring of it, stripped. */
    static List<String> of(String text) {
        List<String> sentences = new ArrayList<>();
        int start = 0;
        Matcher end = END.matcher(text);
        while (end.find()) {
            String before = text.substring(start, end.start());
            int space = before.lastIndexOf(' ');
            String lastWord = before.substring(space + 1).toLowerCase(Locale.ROOT).replaceFirst("^[^\\p{L}\\p{N}]+", "");
            if (ABBREVIATIONS.contains(lastWord) || lastWord.length() == 1 && Character.isLetter(lastWord.charAt(0))) {
                continue;
            }
            add(sentences, text.substring(start, end.start() + 1 + trailingCloser(text, end.start())));
            start = end.end();
        }
        add(sentences, text.substring(start));
        return sentences;
    }

    private static int trailingCloser(String text, int at) {
        return at + 1 < text.length() && "\"')]".indexOf(text.charAt(at + 1)) >= 0 ? 1 : 0;
    }

    private static void add(List<String> sentences, String sentence) {
        String stripped = sentence.strip();
        if (!stripped.isEmpty()) {
            sentences.add(stripped);
        }
    }

    /**
     * The span of {@code text} that {@code quote} copies, compared with runs of white space made one space: exactly as
     * it stands in the text, or empty when the quote is not in it word for word.
     */
    static Optional<String> verbatim(String text, String quote) {
        String wanted = collapse(quote).strip();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder collapsed = new StringBuilder();
        List<Integer> origin = new ArrayList<>();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (!space) {
                    collapsed.append(' ');
                    origin.add(i);
                }
                space = true;
            } else {
                collapsed.append(c);
                origin.add(i);
                space = false;
            }
        }
        int at = collapsed.indexOf(wanted);
        if (at < 0) {
            return Optional.empty();
        }
        int from = origin.get(at);
        int to = origin.get(at + wanted.length() - 1) + 1;
        return Optional.of(text.substring(from, to));
    }

    private static String collapse(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** The first run of {@code length} words that {@code text} shares with {@code source} (case ignored), if any. */
    static Optional<String> sharedRun(String text, String source, int length) {
        List<String> words = words(text);
        String haystack = " " + String.join(" ", words(source)) + " ";
        for (int i = 0; i + length <= words.size(); i++) {
            String run = String.join(" ", words.subList(i, i + length));
            if (haystack.contains(" " + run + " ")) {
                return Optional.of(run);
            }
        }
        return Optional.empty();
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
