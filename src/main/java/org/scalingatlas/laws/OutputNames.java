package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;

/**
 * The words by which a question names each output of the book's laws: the words of its name, the head of its unit, its
 * aliases, and the symbol its description opens with. Read once with the book, not on every ask: the tests of what a
 * question asks for run over every law of the book, several times an ask.
 */
final class OutputNames {

    /** Words of an output's name shorter than this ("a", "G", "opt", "lr") are symbols, not names a question uses. */
    private static final int NAME_WORD = 4;

    /** The symbol an output's description opens with, before a colon: "D'" in "D': repeated tokens are worth less …". */
    private static final Pattern DESCRIBED_SYMBOL = Pattern.compile("^(\\p{L}(?:_[\\p{L}\\p{N}]+)?'?)\\s*(?::|$)");

    private final Map<String, List<Output>> byLaw;

    OutputNames(LawBook book) {
        this.byLaw = book.laws().stream().collect(Collectors.toUnmodifiableMap(Law::id, OutputNames::read));
    }

    /**
     * The words a question asks with, and of each its parts as a hyphenated word writes them ("16-bit-equivalent" → 16,
     * bit, equivalent), read once for all the laws they are matched against.
     *
     * @param writesASymbol whether a word is a symbol of more than a letter ("D'", "R_D"): only then can a question name an
     *                      output by its described symbol
     */
    record Asking(Set<String> words, Set<String> parts, boolean writesASymbol) {

        static Asking of(Set<String> words) {
            Set<String> parts = new HashSet<>(words);
            words.forEach(word -> parts.addAll(Asked.words(word)));
            return new Asking(words, parts, words.stream().anyMatch(word -> word.indexOf('\'') > 0 || word.indexOf('_') > 0));
        }
    }

    /**
     * One output's names.
     *
     * @param nameWords   the words of its name long enough to be words, in the singular ({@code effective_tokens} →
     *                    effective, token)
     * @param unitWords   the words of its unit without what parentheses add ("learning rate (peak, AdamW)" → learning, rate)
     * @param unitHead    the last word of its unit before any "per" ("16-bit-equivalent FLOPs per token" → flop), or
     *                    {@code null} for a unit without words
     * @param aliases     the words of each alias the law file gives it ("total compute", "lr")
     * @param subscripted its whole name in lower case when that is a symbol with a subscript ({@code n_opt}), else {@code null}
     * @param symbol      the symbol its description gives it when that is more than a letter ("d'", "u_n"), else {@code null}
     */
    private record Output(String name, Set<String> nameWords, Set<String> unitWords, String unitHead, List<Set<String>> aliases,
            String subscripted, String symbol) {

        boolean namedBy(Asking asked) {
            return (!nameWords.isEmpty() && asked.words().containsAll(nameWords))
                    || (unitWords.size() >= 2 && asked.parts().containsAll(unitWords))
                    || aliases.stream().anyMatch(asked.parts()::containsAll)
                    || (subscripted != null && asked.words().contains(subscripted))
                    || (asked.writesASymbol() && symbol != null && asked.words().contains(symbol));
        }
    }

    /**
     * The outputs of a law the question names: a word of an output's name ("loss", "coverage", "epochs",
     * "effective_tokens"), the head of its unit ("learning rate (peak, AdamW)"), an alias the law file gives it ("total
     * compute", "lr"), its whole name where that is a symbol with a subscript ("N_opt(C), C = 3 PF-days": the short words
     * of a symbol name nothing alone), or the symbol its description opens with ("D'"); in the law's order.
     */
    List<String> named(Law law, Asking asked) {
        List<String> named = new ArrayList<>();
        for (Output output : outputs(law)) {
            if (output.namedBy(asked) && !named.contains(output.name())) {
                named.add(output.name());
            }
        }
        return named;
    }

    /** The outputs of a law whose unit's head, the word before any "per", the question asks with ("how many flops …"). */
    List<String> namedByUnit(Law law, Asking asked) {
        List<String> named = new ArrayList<>();
        for (Output output : outputs(law)) {
            if (output.unitHead() != null && asked.parts().contains(output.unitHead()) && !named.contains(output.name())) {
                named.add(output.name());
            }
        }
        return named;
    }

    private List<Output> outputs(Law law) {
        List<Output> outputs = byLaw.get(law.id());
        return outputs != null ? outputs : read(law);
    }

    private static List<Output> read(Law law) {
        return InlineCalculations.outputs(law).stream().map(OutputNames::read).toList();
    }

    private static Output read(Law.Output output) {
        Set<String> nameWords = new HashSet<>();
        for (String part : output.name().split("_")) {
            if (part.length() >= NAME_WORD) {
                nameWords.add(Asked.singular(part.toLowerCase(Locale.ROOT)));
            }
        }
        String unit = output.unit() == null ? "" : output.unit().replaceAll("\\s*\\(.*", "").strip();
        List<String> beforePer = Asked.wordsInOrder(unit.split(" per ")[0]);
        String subscripted = output.name().indexOf('_') > 0 ? output.name().toLowerCase(Locale.ROOT) : null;
        return new Output(output.name(), Set.copyOf(nameWords), Asked.words(unit), beforePer.isEmpty() ? null : beforePer.getLast(),
                output.aliases().stream().map(Asked::words).map(Set::copyOf).toList(), subscripted, describedSymbol(output));
    }

    /**
     * The symbol the law file's description gives an output, lower case, when it is more than a letter ("D'", "U_N", "R_D";
     * not "U", which a question writes for other things): the output is named by it as by its own name.
     */
    private static String describedSymbol(Law.Output output) {
        if (output.description() == null) {
            return null;
        }
        Matcher m = DESCRIBED_SYMBOL.matcher(output.description().strip());
        return m.find() && m.group(1).length() > 1 ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }
}
