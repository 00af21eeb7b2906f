package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;

/**
 * Which of a law's constant sets a calculation uses, in this order:
 * <ol>
 *   <li>the set the question names by one of its aliases ("trained on the Pile" names ParScale's {@code pile}; "in the
 *   video domain (VQ-encoded 16x16x16)" Henighan's {@code video-vq-16x16x16}): a law fitted separately on several
 *   datasets or domains gives a different number for each, and the one the user asks about is the one to run;</li>
 *   <li>the set the cited note's own paper published, when the law has one (a refit);</li>
 *   <li>the law's first set.</li>
 * </ol>
 * An alias is named when its words appear in the question in its order, other words between them allowed, each in the
 * singular and in lower case as an output's aliases are read ({@link Asked#wordsInOrder}): "VQ 32x32 image" is named by
 * "VQ-encoded 32x32 images", "text to image" by "text-to-image" but not by "image-to-text". When several sets are named,
 * the one named by the longer alias wins ("VQ 32x32 image" over "32x32 image"); among as long, the first in the law
 * file. A set's id is not an alias: Gadre's {@code c4} is fitted on C4, yet "C4 loss" is the evaluation loss of every
 * set of that law. The aliases' words are read once, when the book is: an answer asks this of every cited law.
 */
final class ConstantSetChoice {

    /** An alias's words, in order, and the set it names. */
    private record Alias(Law.ConstantSet set, List<String> words) {
    }

    /** For each law with several sets, by id, every alias of its sets in the law file's order. */
    private final Map<String, List<Alias>> aliases;

    ConstantSetChoice(LawBook book) {
        aliases = book.laws().stream().filter(law -> law.constantSets().size() > 1)
                .collect(Collectors.toUnmodifiableMap(Law::id, ConstantSetChoice::aliasesOf));
    }

    private static List<Alias> aliasesOf(Law law) {
        List<Alias> all = new ArrayList<>();
        law.constantSets().forEach(set -> set.aliases().forEach(alias -> all.add(new Alias(set, Asked.wordsInOrder(alias)))));
        return List.copyOf(all);
    }

    /**
     * @param law      the law to run
     * @param note     the cited note that carries it
     * @param question the question's words in order ({@link Asked#sequence})
     * @return the id of the set to run, or {@code null} for a law without constants
     */
    String of(Law law, Calculation.CitedNote note, List<String> question) {
        return named(law, question).map(Law.ConstantSet::id)
                .or(() -> law.constantSets().stream().filter(s -> s.paperId() != null && note.paperIds().contains(s.paperId()))
                        .map(Law.ConstantSet::id).findFirst())
                .orElse(law.constantSets().isEmpty() ? null : law.constantSets().get(0).id());
    }

    /** The set the question names, when it names one of a law that has several. */
    Optional<Law.ConstantSet> named(Law law, List<String> question) {
        Law.ConstantSet best = null;
        int longest = 0;
        for (Alias alias : aliases.getOrDefault(law.id(), List.of())) {
            if (alias.words().size() > longest && inOrder(alias.words(), question)) {
                best = alias.set();
                longest = alias.words().size();
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether every word appears in the text, in this order. */
    private static boolean inOrder(List<String> words, List<String> text) {
        int next = 0;
        for (String word : text) {
            if (next < words.size() && word.equals(words.get(next))) {
                next++;
            }
        }
        return !words.isEmpty() && next == words.size();
    }
}
