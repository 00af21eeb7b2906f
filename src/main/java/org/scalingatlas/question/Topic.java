package org.scalingatlas.question;

import java.util.List;

/**
 * A phrase the question names (e.g. "consistency models"), and the clause it belongs to: topics of one clause are
 * asked about together ("power-law patterns ... when consistency models are trained"), topics of different
 * clauses separately ("mixture-of-experts and quantisation").
 *
 * @param text   the phrase as written in the question
 * @param words  its words, lower case
 * @param clause 0-based index of its clause
 */
public record Topic(String text, List<String> words, int clause) {

    public Topic {
        words = List.copyOf(words);
    }
}
