package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.question.Quantities;

/**
 * Which of a law's constant sets a calculation uses, in this order:
 * <ol>
 *   <li>the set the question names by one of its aliases ("trained on the Pile" names ParScale's {@code pile}; "in the
 *   video domain (VQ-encoded 16x16x16)" Henighan's {@code video-vq-16x16x16}): a law fitted separately on several
 *   datasets or domains gives a different number for each, and the one the user asks about is the one to run;</li>
 *   <li>the set the cited note's own paper published, when the law has one (a refit);</li>
 *   <li>the law's first set.</li>
 * </ol>
 * An alias is named when its words appear in the question in its order, at most two other words between two of them,
 * each in any form of its family (by its stem: "captioning" names "caption", "mathematical" names "mathematics", "coding"
 * names "code"): "VQ 32x32 image" is named by "VQ-encoded 32x32 images", "text to image" by "text-to-image" but not by
 * "image-to-text", nor by "text-to-image model, versus an image-to-text one" (its last word would come from the second
 * phrase). A size is named however it is written ("16 x 16", "16-by-16", "16×16" name "16x16"), and an alias's acronym by
 * the words it abbreviates ("vector-quantized" names "VQ"). Words the question says it does not mean name nothing: "the
 * unrounded constants, not the rounded ones", "raw pixels, no VQ". When several sets are named, the one named by the
 * longer alias wins ("VQ 32x32 image" over "32x32 image"); among as long, one that no other set shares ("captioning" over
 * "image", in "image captioning"), then the first in the law file. A set's id is not an alias: Gadre's {@code c4} is
 * fitted on C4, yet "C4 loss" is the evaluation loss of every set of that law. A set's aliases include every name of
 * the datasets it was fitted on ({@link Law.ConstantSet#data}, named in the ontology's dataset scheme): "the Colossal
 * Clean Crawled Corpus" or "the T5 corpus" names Gadre's {@code c4}, "Falcon's web data" its {@code refinedweb}. A
 * dataset's name goes to the first set of the law fitted on it, and names nothing when every set of the law was fitted
 * on it (Chinchilla's on MassiveText) or when the law's conventions or inputs write it ("loss on C4 evaluation data").
 * A question may name several sets of one law to compare them ("on Python code, and on the Pile?"):
 * {@link #all} runs each. The aliases' words are read once, when the book is: an answer asks this of every cited law.
 */
final class ConstantSetChoice {

    /** An alias's words (their stems), in order, the set it names, and whether another set of the law has the same alias ("image"). */
    private record Alias(Law.ConstantSet set, List<String> words, boolean shared) {
    }

    /** The stem of a word ({@link English#stem}). */
    private final UnaryOperator<String> stem;
    /**
     * For each law, its sets written by makers of another law of the book, with their name as {@link LawBook#eponym} writes
     * it (Chinchilla's {@code sardana-code}: "sardana"), read once from the sets' labels.
     */
    private final Map<String, Map<Law.ConstantSet, String>> madeByOthers;
    /** The acronyms the aliases write ("VQ"), lower case: the words they abbreviate name them too. */
    private final Set<String> acronyms;

    /** For each law with several sets, by id, every alias of its sets in the law file's order. */
    private final Map<String, List<Alias>> aliases;
    /** The same without the aliases several sets share, longest first (file order among as long): what names sets to compare. */
    private final Map<String, List<Alias>> comparing;

    /**
     * @param stem         the stem of a lower-case word, by which an alias's words are named in any form of their family
     * @param datasetNames every name of each dataset, by its id ({@link Law.ConstantSet#data}), which name the sets fitted on it
     */
    ConstantSetChoice(LawBook book, UnaryOperator<String> stem, Map<String, List<String>> datasetNames) {
        this.stem = stem;
        this.madeByOthers = book.laws().stream().collect(Collectors.toUnmodifiableMap(Law::id, law -> law.constantSets().stream()
                .filter(set -> book.eponyms().contains(maker(set)) && !maker(set).equals(LawBook.eponym(law)))
                .collect(Collectors.toUnmodifiableMap(set -> set, ConstantSetChoice::maker))));
        List<Law> several = book.laws().stream().filter(law -> law.constantSets().size() > 1).toList();
        Map<String, Map<Law.ConstantSet, List<String>>> named = several.stream()
                .collect(Collectors.toUnmodifiableMap(Law::id, law -> aliasesWithData(law, datasetNames)));
        acronyms = named.values().stream().flatMap(sets -> sets.values().stream()).flatMap(List::stream)
                .flatMap(alias -> ACRONYM.matcher(alias).results().map(m -> m.group().toLowerCase(Locale.ROOT))).collect(Collectors.toUnmodifiableSet());
        aliases = several.stream().collect(Collectors.toUnmodifiableMap(Law::id, law -> aliasesOf(law, named.get(law.id()))));
        comparing = aliases.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().stream()
                .filter(alias -> !alias.shared()).sorted(Comparator.comparingInt((Alias alias) -> alias.words().size()).reversed()).toList()));
    }

    /** A word of capitals an alias writes ("VQ"), which a question may spell out. */
    private static final Pattern ACRONYM = Pattern.compile("\\b\\p{Lu}{2,5}\\b");

    /**
     * Each set's aliases, then the names of the datasets it was fitted on that name it: those of a dataset some set of
     * the law was not fitted on, given to the first set that was, less those the law's conventions and inputs write.
     */
    private static Map<Law.ConstantSet, List<String>> aliasesWithData(Law law, Map<String, List<String>> datasetNames) {
        String written = " " + String.join(" ", Asked.wordsInOrder(String.join(" . ", law.conventions()) + " . "
                + law.inputs().stream().map(Law.Variable::name).collect(Collectors.joining(" . ")))) + " ";
        Map<Law.ConstantSet, List<String>> all = new LinkedHashMap<>();
        Set<String> given = new HashSet<>();
        for (Law.ConstantSet set : law.constantSets()) {
            List<String> names = new ArrayList<>(set.aliases());
            for (String dataset : set.data()) {
                boolean distinguishes = law.constantSets().stream().anyMatch(other -> !other.data().contains(dataset));
                if (distinguishes && given.add(dataset)) {
                    datasetNames.getOrDefault(dataset, List.of()).stream()
                            .filter(name -> !written.contains(" " + String.join(" ", Asked.wordsInOrder(name)) + " "))
                            .filter(name -> !names.contains(name)).forEach(names::add);
                }
            }
            all.put(set, List.copyOf(names));
        }
        return all;
    }

    /** @param named each set of the law with its aliases and the names of its data ({@link #aliasesWithData}) */
    private List<Alias> aliasesOf(Law law, Map<Law.ConstantSet, List<String>> named) {
        Map<List<String>, Long> sets = law.constantSets().stream().flatMap(set -> named.get(set).stream().map(this::stems).distinct())
                .collect(Collectors.groupingBy(words -> words, Collectors.counting()));
        List<Alias> all = new ArrayList<>();
        law.constantSets().forEach(set -> named.get(set).stream().map(this::stems).distinct()
                .forEach(words -> all.add(new Alias(set, words, sets.get(words) > 1))));
        return List.copyOf(all);
    }

    /** An alias's words as the question's are read: in the singular, lower case, each its stem. */
    private List<String> stems(String alias) {
        return Asked.wordsInOrder(alias).stream().map(stem).toList();
    }

    /** Words a question writes to say what it does not mean ("not", "no VQ", "rather than", "instead of", "except"). */
    private static final Set<String> NEGATIONS = Set.of("not", "no", "without", "rather", "instead", "except", "excluding", "unlike");
    /** How many words before an alias's first a negation rules it out: "not the rounded ones", "rather than the Pile". */
    private static final int NEGATED_WITHIN = 3;
    /**
     * Each word of the question, as the forms an alias word may match there: its stem; an acronym of the aliases whose
     * letters it and the words after it open with ("vector quantized" → vq). A word the question negates has none.
     * (Sizes are one word already: {@link Asked#sizes}.)
     */
    private List<Set<String>> forms(List<String> question) {
        List<Set<String>> forms = new ArrayList<>(question.size());
        for (int i = 0; i < question.size(); i++) {
            Set<String> here = new HashSet<>();
            if (!negated(question, i)) {
                here.add(stem.apply(question.get(i)));
                for (String acronym : acronyms) {
                    if (spells(question, i, acronym)) {
                        here.add(acronym);
                    }
                }
            }
            forms.add(here);
        }
        return forms;
    }

    /**
     * Words that join the words of a phrase, which the gap between an alias's words does not count ("images encoded as a
     * 32x32 map"), and the collective nouns that join a maker to what it made ("the Falcon team's web corpus", "the
     * EleutherAI folks' data").
     */
    private static final Set<String> JOINING = Set.of("a", "an", "the", "of", "as", "on", "in", "at", "for", "with", "into", "from", "its", "their",
            "team", "group", "lab", "folks", "people", "authors", "researchers");

    private static BitSet joining(List<String> question) {
        BitSet joining = new BitSet(question.size());
        for (int i = 0; i < question.size(); i++) {
            if (JOINING.contains(question.get(i))) {
                joining.set(i);
            }
        }
        return joining;
    }

    private static boolean negated(List<String> question, int at) {
        for (int i = Math.max(0, at - NEGATED_WITHIN); i < at; i++) {
            if (NEGATIONS.contains(question.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the words from {@code at} on open with the acronym's letters, one word each ("vector", "quantized" → vq). */
    private static boolean spells(List<String> question, int at, String acronym) {
        if (at + acronym.length() > question.size()) {
            return false;
        }
        for (int k = 0; k < acronym.length(); k++) {
            String word = question.get(at + k);
            if (word.length() < 2 || word.charAt(0) != acronym.charAt(k) || !Character.isLetter(word.charAt(1))) {
                return false;
            }
        }
        return true;
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

    /**
     * The sets to run, in the order the question names them: every set it names outside parentheses when it names
     * several of one law there ("on Python code, and on the Pile?" compares ParScale's two fits; "that cross-domain paper
     * (images, video, math, text)" only describes Henighan's), else the one {@link #of} chooses.
     *
     * @return one set id or more, or a list holding {@code null} for a law without constants
     */
    List<String> all(Law law, Calculation.CitedNote note, Asked question) {
        List<Law.ConstantSet> named = namedAll(law, question.outsideAsides());
        if (named.size() > 1) {
            return named.stream().map(Law.ConstantSet::id).toList();
        }
        // the set's makers, named, before its aliases' words: "the constants as set in the Sardana et al. code (a slightly
        // different rounding)" is Sardana's set, whatever "rounding" says of the published one
        String chosen = withTheValuesGiven(law, question.given()).or(() -> madeBy(law, question.names())).map(Law.ConstantSet::id)
                .orElseGet(() -> of(law, note, question.sequence()));
        return Collections.singletonList(chosen);
    }

    /**
     * The one set of the law whose values are those the question gives its constants ("a different rounding of the
     * Hoffmann constants (alpha is 0.336 and beta is 0.283 there)" is the Sardana code's rounding), when it gives a value
     * to at least one constant of the law and no other set holds the same values.
     */
    static Optional<Law.ConstantSet> withTheValuesGiven(Law law, List<Calculation.Given> given) {
        Map<String, Double> stated = new HashMap<>();
        for (Calculation.Given value : given) {
            if (value.kind().startsWith(Quantities.CONSTANT)) {
                String name = value.kind().substring(Quantities.CONSTANT.length());
                law.constantNames().stream().filter(constant -> constant.equalsIgnoreCase(name)).findFirst()
                        .ifPresent(constant -> stated.putIfAbsent(constant, value.value()));
            }
        }
        if (stated.isEmpty() || law.constantSets().size() < 2) {
            return Optional.empty();
        }
        List<Law.ConstantSet> matching = law.constantSets().stream().filter(set -> stated.entrySet().stream()
                .allMatch(entry -> Math.abs(set.values().get(entry.getKey()) - entry.getValue()) <= 1e-9 + 1e-6 * Math.abs(entry.getValue()))).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /**
     * The set of the law that makers the question names wrote, when they made another law of the book, as the set's label
     * opens with them: "the constants as set in the Sardana et al. code" are Chinchilla's {@code sardana-code}, whose
     * makers' own law goes by that name. The law's own eponym names the law, not one of its sets.
     */
    /** Who wrote a set, as its label opens ("Sardana et al. 2024 code defaults" → sardana), in the form of {@link LawBook#eponym}. */
    private static String maker(Law.ConstantSet set) {
        return LawBook.asEponym(set.label().split("[\\s,]+", 2)[0]);
    }

    Optional<Law.ConstantSet> madeBy(Law law, Set<String> names) {
        Map<Law.ConstantSet, String> others = madeByOthers.getOrDefault(law.id(), Map.of());
        if (others.isEmpty() || names.isEmpty()) {
            return Optional.empty();
        }
        Set<String> named = names.stream().map(LawBook::asEponym).collect(Collectors.toSet());
        return law.constantSets().stream().filter(set -> named.contains(others.get(set))).findFirst();
    }

    /** The set the question names, when it names one of a law that has several. */
    Optional<Law.ConstantSet> named(Law law, List<String> question) {
        List<Alias> candidates = aliases.getOrDefault(law.id(), List.of());
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<Set<String>> forms = forms(question);
        BitSet joining = joining(question);
        Alias best = null;
        for (Alias alias : candidates) {
            boolean better = best == null || alias.words().size() > best.words().size()
                    || (alias.words().size() == best.words().size() && best.shared() && !alias.shared());
            if (better && positions(alias.words(), forms, joining) != null) {
                best = alias;
            }
        }
        return Optional.ofNullable(best).map(Alias::set);
    }

    /**
     * Every set of the law the question names, each by words no set named before it took, in the order the question
     * names them. The longest alias is taken first, as {@link #named} takes it, and claims the words it matched; a
     * further set is named when an alias of it matches with a word still unclaimed. So "VQ-encoded 32x32 images" names
     * only Henighan's {@code image-vq-32x32} ("32x32 image" matches, but with claimed words alone), "text-to-image" only
     * {@code text-to-image-image} (not the image sets' "image"), and "32x32 images versus 8x8 ones" both image sets. An
     * alias several sets share ("image", "VQ image") names none of them here: "image captioning" names the captioning
     * set alone, not an image set beside it.
     */
    List<Law.ConstantSet> namedAll(Law law, List<String> question) {
        BitSet claimed = new BitSet(question.size());
        Map<Law.ConstantSet, Integer> named = new LinkedHashMap<>();
        List<Set<String>> forms = forms(question);
        BitSet joining = joining(question);
        for (Alias alias : comparing.getOrDefault(law.id(), List.of())) {
            int[] at = named.containsKey(alias.set()) ? null : positions(alias.words(), forms, joining);
            if (at != null && Arrays.stream(at).anyMatch(i -> !claimed.get(i))) {
                Arrays.stream(at).forEach(claimed::set);
                named.put(alias.set(), Arrays.stream(at).min().orElse(0));
            }
        }
        return named.entrySet().stream().sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /**
     * The most words an alias's words may have between two of them, words that join a phrase aside ({@link #JOINING}):
     * "VQ-encoded 32x32" names "VQ 32x32", and so does "a 32x32 grid of vector-quantised codes" ("32x32 VQ").
     */
    private static final int GAP = 2;

    /**
     * Where the words appear in the text, in this order, each at most {@link #GAP} words after the one before, from the
     * first place they all do; {@code null} if they do not. The bound keeps an alias within one phrase: "text to image"
     * is not named by "text-to-image model, versus an image-to-text one" with its last word taken from the second.
     */
    private static int[] positions(List<String> words, List<Set<String>> text, BitSet joining) {
        if (words.isEmpty()) {
            return null;
        }
        for (int start = 0; start < text.size(); start++) {
            if (text.get(start).contains(words.get(0))) {
                int[] at = from(start, words, text, joining);
                if (at != null) {
                    return at;
                }
            }
        }
        return null;
    }

    private static int[] from(int start, List<String> words, List<Set<String>> text, BitSet joining) {
        int[] at = new int[words.size()];
        at[0] = start;
        for (int next = 1; next < words.size(); next++) {
            int found = -1;
            int between = 0;
            for (int i = at[next - 1] + 1; i < text.size() && between <= GAP; i++) {
                if (text.get(i).contains(words.get(next))) {
                    found = i;
                    break;
                }
                if (!joining.get(i)) {
                    between++;
                }
            }
            if (found < 0) {
                return null;
            }
            at[next] = found;
        }
        return at;
    }
}
