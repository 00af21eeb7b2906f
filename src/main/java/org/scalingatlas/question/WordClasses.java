package org.scalingatlas.question;

import java.util.List;

/** Tells the word class of each word of a sentence (a part-of-speech tagger), so that a question's nouns can be told from its framing. */
public interface WordClasses {

    /** The coarse word classes that matter here (Universal Dependencies' tags, folded). */
    enum WordClass { NOUN, PROPER_NOUN, ADJECTIVE, VERB, NUMBER, OTHER }

    /** The class of each word of a sentence, in order (the words as the question's tokeniser split them). */
    List<WordClass> tag(List<String> words);
}
