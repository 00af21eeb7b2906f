package org.scalingatlas.question;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the topics a question names: runs of content words between function words (question words, auxiliaries,
 * articles, prepositions, generic verbs such as "emerge"), punctuation and numbers. Coordinators ("and", "or",
 * "versus", "rather than", ";") start a new clause.
 */
public final class Topics {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-'’][\\p{L}\\p{N}]+)*|[,;:!?()\\[\\]/]");
    private static final Set<String> FUNCTION_WORDS = load("function-words.txt");
    private static final Set<String> COORDINATORS = Set.of("and", "or", "versus", "vs", "rather", "instead", "unlike", "whereas", "while", "but", ";");
    private static final int MAX_WORDS = 4;

    private Topics() {
    }

    public static List<Topic> of(Question question) {
        List<Topic> topics = new ArrayList<>();
        List<String> run = new ArrayList<>();
        List<String> original = new ArrayList<>();
        int clause = 0;
        Matcher m = TOKEN.matcher(question.text());
        while (m.find()) {
            String token = m.group();
            String word = token.toLowerCase(Locale.ROOT).replace('’', '\'');
            boolean content = Character.isLetter(token.codePointAt(0)) && !isFunctionWord(word)
                    && !COORDINATORS.contains(word) && word.chars().noneMatch(Character::isDigit) && word.length() > 1
                    && !isAdverb(word);
            if (content) {
                run.add(word);
                original.add(token);
                continue;
            }
            flush(run, original, clause, topics);
            if (COORDINATORS.contains(word)) {
                clause++;
            }
        }
        flush(run, original, clause, topics);
        return topics;
    }

    /** A pronoun or auxiliary with its clitic: "i'm", "they've", "we'd", "can't", "that's" (not a noun's possessive, "kaplan's"). */
    private static final Pattern CONTRACTION = Pattern.compile("(.+)'(m|re|ve|ll|d|s)|.+n't");

    /** A function word, or an inflection of one ("helping", "chosen", "stopped"), or one contracted ("i'm", "can't"). */
    static boolean isFunctionWord(String word) {
        if (FUNCTION_WORDS.contains(word)) {
            return true;
        }
        if (word.indexOf('\'') > 0) {
            Matcher contracted = CONTRACTION.matcher(word);
            if (contracted.matches()) {
                return contracted.group(1) == null || !"s".equals(contracted.group(2)) || FUNCTION_WORDS.contains(contracted.group(1));
            }
        }
        for (String suffix : List.of("ing", "ed", "es", "s", "en")) {
            if (word.endsWith(suffix) && word.length() > suffix.length() + 2) {
                String stem = word.substring(0, word.length() - suffix.length());
                if (FUNCTION_WORDS.contains(stem) || FUNCTION_WORDS.contains(stem + "e")
                        || (stem.length() > 3 && stem.charAt(stem.length() - 1) == stem.charAt(stem.length() - 2)
                            && FUNCTION_WORDS.contains(stem.substring(0, stem.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "theoretically", "roughly": manner, not topic (words like "family" or "early" are short of the pattern). */
    private static boolean isAdverb(String word) {
        return word.length() > 6 && word.endsWith("ly");
    }

    private static void flush(List<String> run, List<String> original, int clause, List<Topic> topics) {
        for (int from = 0; from < run.size(); from += MAX_WORDS) {
            int to = Math.min(run.size(), from + MAX_WORDS);
            topics.add(new Topic(String.join(" ", original.subList(from, to)), run.subList(from, to), clause));
        }
        run.clear();
        original.clear();
    }

    private static Set<String> load(String name) {
        try (InputStream in = Topics.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            // a line's words up to a "#", which starts a comment that runs to the end of the line
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> line.replaceFirst("#.*", ""))
                    .flatMap(line -> Arrays.stream(line.split("\\s+"))).filter(w -> !w.isBlank()).map(w -> w.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
