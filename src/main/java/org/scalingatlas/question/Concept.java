package org.scalingatlas.question;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A thing the question names: a run of nouns with the adjectives before them ("Shampoo optimizer", "speech emotion
 * recognition error", "Swahili").
 *
 * @param text       the phrase as written in the question
 * @param words      its nouns and their modifiers, lower case: what must exist in the corpus for the concept to be there
 * @param name       whether it is a name (a proper noun: "Hoffmann", "MobileLLM", "Chinchilla"), not a common noun
 * @param qualifiers the adjectives and participles before its first noun, written in lower case ("shrunken" in
 *                   "shrunken vocabulary", "spiking" in "spiking neural networks"; not "Korean" in "Korean chat model"):
 *                   words that say what kind, where the nouns say what
 */
public record Concept(String text, List<String> words, boolean name, List<String> qualifiers) {

    public Concept {
        words = List.copyOf(words);
        qualifiers = List.copyOf(qualifiers);
        if (!words.containsAll(qualifiers)) {
            throw new IllegalArgumentException("qualifiers " + qualifiers + " are not among the words " + words);
        }
    }

    /** A concept with no qualifier. */
    public Concept(String text, List<String> words, boolean name) {
        this(text, words, name, List.of());
    }

    /** A concept of common nouns, with no qualifier. */
    public Concept(String text, List<String> words) {
        this(text, words, false);
    }

    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    /** A word as names are compared: lower case, without a possessive ("Kaplan's" → "kaplan"). */
    public static String asName(String word) {
        return POSSESSIVE.matcher(word.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The possessive ending of each word of a text ("Falcon's", "team’s"), which is no word of its own. */
    private static final Pattern POSSESSIVES = Pattern.compile("(?<=\\p{L})['’]s\\b");

    /** A text without its words' possessive endings: "the Falcon team's web data" → "the Falcon team web data". */
    public static String withoutPossessives(String text) {
        return POSSESSIVES.matcher(text).replaceAll("");
    }

    /**
     * The names among these concepts, word by word, as {@link #asName} gives them: "Kaplan law" and "Kumar's precision
     * law" give "kaplan", "law", "kumar", "precision" (a law is named by the first word of its name, whatever follows).
     */
    public static Set<String> names(List<Concept> concepts) {
        return concepts.stream().filter(Concept::name).flatMap(c -> c.words().stream()).map(Concept::asName).collect(Collectors.toSet());
    }

    /**
     * The one of these names this concept is (a law's name, say), when it is a proper noun with that name among its words
     * and every other word of it {@code known} ("Muennighoff et al" is "muennighoff"; "Gadre Swahili" is none, the
     * corpus knowing no "Swahili").
     *
     * @param names names as {@link #asName} gives them
     */
    public Optional<String> nameAmong(Set<String> names, Predicate<String> known) {
        if (!name) {
            return Optional.empty();
        }
        Optional<String> among = words.stream().map(Concept::asName).filter(names::contains).findFirst();
        return among.isPresent() && words.stream().allMatch(word -> names.contains(asName(word)) || known.test(word)) ? among : Optional.empty();
    }
}
