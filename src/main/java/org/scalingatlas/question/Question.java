package org.scalingatlas.question;

/**
 * A question as the pipeline receives it: not empty, at most {@link #MAX_LENGTH} characters, no control
 * characters, at least one visible character; white space collapsed. Any script and emoji are accepted (the corpus decides what it can answer).
 */
public record Question(String text) {

    public static final int MAX_LENGTH = 500;

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
        text = text.strip().replaceAll("\\s+", " ");
    }

    /** A letter, mark, digit, punctuation or symbol (emoji included): not white space, a formatting mark or unassigned. */
    private static boolean visible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }

    public static Question of(String text) {
        return new Question(text);
    }
}
