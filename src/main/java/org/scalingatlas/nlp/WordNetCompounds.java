package org.scalingatlas.nlp;

import java.util.List;
import java.util.Locale;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.scalingatlas.coverage.CompoundNouns;

/**
 * English compound nouns as WordNet 3.1 lists them (through extJWNL, with the WordNet data shipped in a Maven artifact:
 * offline, no key): "search engine", "civil engineering", "credit card", "video game". Opening the dictionary takes
 * about 0.4 s (start-up does it in the background); a lookup some 40 microseconds.
 * <p>
 * WordNet finds the base form of an inflected last word ("video games" → video game), and answers a phrase it does not
 * list with the longest entry the phrase starts with ("expert system" → expert): only an entry of as many words as asked,
 * the same up to the last one's inflection, is the phrase.
 */
public final class WordNetCompounds implements CompoundNouns {

    private final Dictionary dictionary;

    /** Opens the dictionary shipped on the class path. */
    public WordNetCompounds() {
        try {
            dictionary = Dictionary.getDefaultResourceInstance();
        } catch (JWNLException e) {
            throw new IllegalStateException("cannot open the WordNet dictionary shipped with extJWNL", e);
        }
    }

    @Override
    public boolean isOne(List<String> words) {
        if (words.size() < 2) {
            return false;
        }
        IndexWord entry = lookup(String.join(" ", words).toLowerCase(Locale.ROOT));
        if (entry == null) {
            return false;
        }
        List<String> listed = List.of(entry.getLemma().toLowerCase(Locale.ROOT).split(" "));
        int last = words.size() - 1;
        return listed.size() == words.size()
                && listed.subList(0, last).equals(words.subList(0, last).stream().map(word -> word.toLowerCase(Locale.ROOT)).toList());
    }

    /** Whether WordNet lists the word, as any part of speech, in any of its forms ("chinchilla", "step", "large"; not "Kaplan"). */
    public boolean isWord(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return POS.getAllPOS().stream().anyMatch(pos -> lookup(pos, lower) != null);
    }

    /** The dictionary keeps caches, and their safety across threads is not relied on: one lookup at a time (each is microseconds). */
    private IndexWord lookup(String phrase) {
        return lookup(POS.NOUN, phrase);
    }

    private synchronized IndexWord lookup(POS pos, String phrase) {
        try {
            return dictionary.lookupIndexWord(pos, phrase);
        } catch (JWNLException e) {
            throw new IllegalStateException("WordNet lookup failed for \"" + phrase + "\"", e);
        }
    }
}
