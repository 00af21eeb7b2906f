package org.scalingatlas.question;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A question as the pipeline receives it: not empty, at most {@link #MAX_LENGTH} characters, no control
 * characters, no lone surrogate, at least one letter, digit, punctuation mark or symbol to search for; white space
 * collapsed. Any script and emoji are accepted (the corpus decides what it can answer). A text of combining marks or
 * replacement characters alone is refused here: the embedding model's tokenizer drops them, and an empty token list
 * would make it fail.
 */
public record Question(String text) {

    public static final int MAX_LENGTH = 500;
    /** What a decoder puts for bytes that were not valid text. */
    private static final int REPLACEMENT = 0xFFFD;

    public Question {
        if (text == null || text.isBlank()) {
            throw new InvalidQuestionException("the question is empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidQuestionException("the question is " + text.length() + " characters long; ask in at most " + MAX_LENGTH);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidQuestionException("the question contains a control character (U+%04X) at position %d".formatted((int) c, i + 1));
            }
        }
        if (text.codePoints().noneMatch(Question::visible)) {
            throw new InvalidQuestionException("the question has no visible characters, only spaces or formatting marks");
        }
        int lone = loneSurrogate(text);
        if (lone >= 0) {
            throw new InvalidQuestionException("the question contains half of a surrogate pair (U+%04X) at position %d, which is not a character; send UTF-8 text"
                    .formatted((int) text.charAt(lone), lone + 1));
        }
        requireSearchable(text);
        text = LatexMath.plain(PastedTables.inline(text)).strip().replaceAll("\\s+", " ");
    }

    /** A letter, mark, digit, punctuation or symbol (emoji included): not white space, a formatting mark or unassigned. */
    private static boolean visible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }

    /**
     * Refuses a text with no letter, digit, punctuation mark or symbol: the embedding model would see no token in it.
     * Every text that reaches the model passes here first, a question's or a search's.
     */
    public static void requireSearchable(String text) {
        if (text == null || text.codePoints().noneMatch(Question::searchable)) {
            throw new InvalidQuestionException("the question has no letters, digits or symbols to search for, only combining marks, "
                    + "replacement characters (U+FFFD, which stands for bytes that were not valid UTF-8) or invisible characters");
        }
    }

    /** Where the first surrogate without its other half is, or -1. */
    private static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            if (Character.getType(text.codePointAt(i)) == Character.SURROGATE) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A letter, digit, punctuation mark or symbol: what the embedding model's tokenizer keeps. Combining marks are
     * stripped with accents, and U+FFFD is dropped as a decoding error.
     */
    private static boolean searchable(int codePoint) {
        return codePoint != REPLACEMENT && switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                    Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * The question with its numbers that stand alone taken out ("How should I split FLOPs between parameters and
     * data?" for "How should I split 1e23 FLOPs between parameters and data?"), or empty when it has none. The embedding
     * model reads numbers as word pieces of little meaning, which can pull a short question away from the notes on its
     * topic.
     */
    public Optional<String> withoutNumbers() {
        String plain = Numbers.withoutNumbers(text);
        return plain.equals(text) || plain.isBlank() ? Optional.empty() : Optional.of(plain);
    }

    /**
     * The question with these words taken out wherever it writes them, in any case ("Could ranking make error fall
     * faster for a text classifier?" for "… for a Vietnamese text classifier?" without "vietnamese"): to weigh how
     * much a word moves the question's meaning.
     *
     * @param words whole words, as {@link Concept#words} gives them
     */
    public String without(Collection<String> words) {
        String rest = text;
        for (String word : words) {
            rest = Pattern.compile("(?<![\\p{L}\\p{N}'’-])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}'’-])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(rest).replaceAll("");
        }
        return rest.replaceAll("\\s+", " ").strip();
    }

    public static Question of(String text) {
        return new Question(text);
    }
}
