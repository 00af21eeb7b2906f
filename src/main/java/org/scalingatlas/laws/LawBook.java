package org.scalingatlas.laws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.question.Concept;

/** Every law of the corpus, compiled once into a {@link Calculator}; a law whose formulas do not compile is refused. */
public final class LawBook {

    private final Map<String, Calculator> calculators = new LinkedHashMap<>();
    /** The names the laws go by, read once: every ask that names or asks about a law consults them. */
    private final Set<String> eponyms;

    public LawBook(List<Law> laws) {
        laws.forEach(law -> calculators.put(law.id(), new Calculator(law)));
        Set<String> names = new TreeSet<>();
        calculators.values().forEach(c -> names.add(eponym(c.law())));
        eponyms = Collections.unmodifiableSet(names);
    }

    public List<Law> laws() {
        return calculators.values().stream().map(Calculator::law).toList();
    }

    /** The names the laws go by ({@link #eponym}), lower case: "kaplan", "chinchilla", "muennighoff". */
    public Set<String> eponyms() {
        return eponyms;
    }

    /** The first word of a law's name, the name it goes by ("Kaplan", "Chinchilla"), lower case. */
    public static String eponym(Law law) {
        return law.name().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** A name as a question writes it ("Kaplan's", "Hoffmann") in the form of {@link #eponym}: lower case, no possessive. */
    public static String asEponym(String name) {
        return Concept.asName(name);
    }

    public Optional<Calculator> calculator(String id) {
        return Optional.ofNullable(calculators.get(id));
    }

    /** The calculator of a law, or a {@link LawInputException} naming the unknown id. */
    public Calculator require(String id) {
        return calculator(id).orElseThrow(() -> new UnknownLawException("no law '" + id + "'; GET /api/laws or ./atlas law list shows them"));
    }

    /** A law id that is not in the corpus. */
    public static final class UnknownLawException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnknownLawException(String message) {
            super(message);
        }
    }
}
