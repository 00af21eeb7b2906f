package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.question.AskedFor;
import org.scalingatlas.question.Quantities;

/**
 * Runs the laws that an answer's cited notes carry: with the question's own numbers where they supply a law's inputs
 * (a budget C or a model size N for an allocation), else as a worked example at the law's representative point, but
 * only when the question asks for a quantity the law computes: an allocation, or an output the question names (its
 * loss, coverage, learning rate, epochs ...). A question about why or whether gets no worked example.
 * Which number feeds which input follows the quantity kind each law declares for its inputs, not a list of laws.
 */
public final class InlineCalculations {

    private static final int MAX = 3;

    private final LawBook book;
    private final Map<String, Paper> papers;
    private final ComparedSettings compared;
    private final ConstantSetChoice sets;
    /** What each law says in words, with the names of the data its sets were fitted on, by its id ({@link #texts}). */
    private final Map<String, String> said;
    /** The proper names of several words that laws' names open with, and the name each law goes by ({@link #names}). */
    private final Map<List<String>, String> properNames;
    /** The authors a law's own constant sets are credited to, where the law goes by another name ("hoffmann" → chinchilla). */
    private final Map<String, String> authors;
    /** For each word the laws' prose writes as a name ("webtext2"), the authors whose laws write it ({@link #names}). */
    private final Map<String, Set<String>> authorsByDataName;
    /** The functions each law's name writes ({@link Asked#symbols}: "l(c_min)"), by law id, read once. */
    private final Map<String, Set<String>> functions;
    /** The name a law goes by, by a function its name alone writes ({@link #namedByItsFunction}). */
    private final Map<String, String> namedByItsFunction;
    /** The name laws go by, by a constant with a subscript that only their laws hold ({@link #namedByItsConstants}). */
    private final Map<String, String> namedByItsConstants;
    /** The functions only laws that allocate nothing write ({@link #functionsAllocatingNothing}), read once. */
    private final Set<String> functionsAllocatingNothing;
    /** The words of every alias of more than one word the laws give an output ("total compute"), in order, read once. */
    private final List<List<String>> aliasPhrases;
    /** The words by which a question names each law's outputs, read once ({@link #namedOutputs}). */
    private final OutputNames outputNames;

    /** What it knows of English: which words are English ("step", "chinchilla" are named as proper nouns only), and their stems. */
    private final English english;

    /** Laws are named only by the question's proper nouns, and constant sets by their aliases' own forms ({@link English#PLAIN}). */
    public InlineCalculations(LawBook book, Map<String, Paper> papers) {
        this(book, papers, English.PLAIN);
    }

    /**
     * @param papers  the corpus's papers by id, read-only (kept, not copied)
     * @param english a dictionary, by which a law whose name is no English word ("Kaplan", "ParScale") is named by it in
     *                lower case too ({@link #names}), and a stemmer, by which a constant set is named in any form of its
     *                aliases' words ({@link ConstantSetChoice})
     */
    public InlineCalculations(LawBook book, Map<String, Paper> papers, English english) {
        this(book, papers, english, Map.of());
    }

    /**
     * @param datasetNames every name of each dataset the laws were fitted on, by its id (the ontology's dataset scheme):
     *                     a question naming one names the constant set fitted on it ({@link ConstantSetChoice})
     */
    public InlineCalculations(LawBook book, Map<String, Paper> papers, English english, Map<String, List<String>> datasetNames) {
        this.book = book;
        this.papers = papers;
        this.english = english;
        this.sets = new ConstantSetChoice(book, english::stem, datasetNames);
        this.said = book.laws().stream().collect(Collectors.toUnmodifiableMap(Law::id, law -> said(law, datasetNames)));
        this.compared = new ComparedSettings(this, book);
        this.authorsByDataName = authorsByDataName(book);
        this.properNames = properNames(book);
        this.authors = authors(book);
        this.functions = book.laws().stream().collect(Collectors.toUnmodifiableMap(Law::id, law -> Asked.symbols(law.name())));
        this.namedByItsFunction = namedByItsFunction(book, functions);
        this.namedByItsConstants = namedByItsConstants(book);
        this.functionsAllocatingNothing = functionsAllocatingNothing(book, functions);
        this.aliasPhrases = book.laws().stream().flatMap(law -> outputs(law).stream()).flatMap(output -> output.aliases().stream())
                .map(Asked::wordsInOrder).filter(words -> words.size() > 1).distinct().toList();
        this.outputNames = new OutputNames(book);
    }

    /**
     * An answer's calculations, and the plan they are the rows of when the question asks for an allocation for a
     * compute budget.
     *
     * @param calculations the laws run, each cited by a note of the answer
     * @param plan         the planner's rows for the laws the cited notes carry, in the order of {@code calculations},
     *                     with their own spread; {@code null} when the answer is not a plan
     * @param asked        the outputs the question itself asks for and the calculations give from its own numbers
     *                     ({@code N_opt} and {@code D_opt} for a plan of the budget it states, {@code loss} for "what loss
     *                     does … predict for 70B parameters on 1.4T tokens"); empty when they are worked examples, or
     *                     laws that merely took the question's numbers
     * @param leftAside    the numbers the question states that none of the calculations reads ("4 bits" when only
     *                     Chinchilla's L(N, D) ran): what they give leaves these aside
     * @param unplaced     numbers the question states that the calculations do not take, as they run on the first
     *                     number of each kind: those of settings it compares that no calculation compares (a plan is for
     *                     one budget), or stated so that which goes with which is not said ({@link Asked#unplaced})
     * @param reading      how many of the first calculations read the question's numbers alike: all of them, but for a
     *                     plan whose budget comes with inference tokens to serve or unique tokens to repeat, where the rows
     *                     of the law that reads those come first and the others leave them aside, for laws that read
     *                     different numbers of the question (ParScale's N and P, Chinchilla's N and D), and for settings
     *                     compared, where it is the number of calculations per setting
     * @param settings     how many settings of the question's numbers the calculations compare ("a 7B model on 2T tokens
     *                     or a 13B model on 1T tokens"): {@code reading} calculations per setting, setting by setting; 1
     *                     when they compare none
     */
    public record Inline(List<Calculation> calculations, Plan plan, List<String> asked, List<Calculation.Given> leftAside,
            List<Calculation.Given> unplaced, int reading, int settings) {
        public Inline {
            calculations = List.copyOf(calculations);
            asked = List.copyOf(asked);
            leftAside = List.copyOf(leftAside);
            unplaced = List.copyOf(unplaced);
            if (reading < 0 || reading > calculations.size()) {
                throw new IllegalArgumentException("reading " + reading + " of " + calculations.size() + " calculations");
            }
            if (settings < 1 || (settings > 1 && reading * settings != calculations.size())) {
                throw new IllegalArgumentException(settings + " settings of " + reading + " for " + calculations.size() + " calculations");
            }
        }

        public Inline(List<Calculation> calculations, Plan plan, List<String> asked, List<Calculation.Given> leftAside, int reading) {
            this(calculations, plan, asked, leftAside, List.of(), reading, 1);
        }

        public Inline(List<Calculation> calculations, Plan plan, List<String> asked) {
            this(calculations, plan, asked, List.of(), calculations.size());
        }

        public Inline(List<Calculation> calculations, Plan plan) {
            this(calculations, plan, List.of());
        }

        /** Whether the calculations answer what the question asks, from its own numbers. */
        public boolean answerTheQuestion() {
            return !asked.isEmpty();
        }
    }

    /**
     * The laws the cited notes carry, run for the question: with its numbers, or as worked examples when it asks for a
     * quantity they compute. A question that asks for an allocation and states a compute budget gets the plan: the
     * planner's rows (every constant set) for the allocating laws its cited notes carry, with the spread between those
     * rows. When no cited note carries a law the planner lists, there is no plan (a row must rest on a cited note, so the
     * answer does not fall back to the planner's other laws). When some of the names the question uses are the first
     * word of a cited law's name ("What loss does Kaplan predict for a 1B model?", "Compare the allocations of Kaplan and
     * Chinchilla at 1e23 FLOPs"), only those laws run. When the question names data or a domain that a running law was
     * fitted on besides its default, by an alias of one of its other constant sets ({@link ConstantSetChoice}:
     * "compute-optimal model size for 32x32 image modelling", "trained on the Pile"), the laws fitted on it come first,
     * and an allocation asked for is theirs, not the planner's: a language model's allocation does not answer a question
     * about images. The other laws still run after them ("video" may name Henighan's VQ-video fit in a question the
     * Step Law's learning rate for video diffusion answers).
     *
     * @param cited the cited notes, best first
     */
    public Inline inline(Asked asked, List<Calculation.CitedNote> cited) {
        Set<String> named = namedLaws(cited, asked);
        List<Calculation.CitedNote> running = named.isEmpty() ? cited : ownPaperFirst(only(cited, named), named);
        Inline first = firstSetting(asked, running, named);
        if (!named.isEmpty() && first.calculations().stream().noneMatch(c -> Calculation.FROM_QUESTION.equals(c.inputsFrom()))) {
            // the named laws alone give only examples: a set their makers wrote for another law may read the numbers
            Set<String> withSets = withTheirSets(named, cited, asked);
            if (withSets.size() > named.size()) {
                running = ownPaperFirst(only(cited, withSets), withSets);
                first = firstSetting(asked, running, withSets);
            }
        }
        return asked.compared().isEmpty() ? first : compared.compare(first, asked, running);
    }

    /** The calculations at the question's first setting of its numbers (all of them, when it compares none). */
    private Inline firstSetting(Asked asked, List<Calculation.CitedNote> running, Set<String> named) {
        NumbersRead numbers = new NumbersRead(book, asked.given());
        Inline inline = calculate(asked, numbers, running, named, fittedOnWhatItNames(running, asked));
        return new Inline(inline.calculations(), inline.plan(), compared.choice(inline, asked),
                numbers.of(numbers.unreadBy(inline.calculations(), inline.plan() != null)), asked.unplaced(), inline.reading(), 1);
    }

    /**
     * Whether some law of the book computes a value the question asks for ("lr", "loss", "coverage"), or is named by the
     * name it goes by ("henighan L(C), language: 1 pf-day vs 100 pf-days?"), from a number it states, of a kind the law
     * reads: a question no note comes close to in words may still be one a law answers.
     */
    public boolean computes(Asked asked) {
        Set<String> askedFor = valuesOf(asked);
        Set<String> named = eponyms(asked.names());
        if (asked.given().isEmpty() || (askedFor.isEmpty() && named.isEmpty())) {
            return false;
        }
        NumbersRead numbers = new NumbersRead(book, asked.given());
        OutputNames.Asking asking = OutputNames.Asking.of(askedFor);
        return book.laws().stream().anyMatch(law -> (!namedOutputs(law, asking).isEmpty() || named.contains(LawBook.eponym(law)))
                && !numbers.by(law).isEmpty());
    }

    /**
     * Whether this one note's laws would answer what the question asks from its own numbers (as
     * {@link Inline#answerTheQuestion}), and, when the question names laws by their eponyms, whether it carries one of
     * them: the test for bringing a note into an answer for its law when no cited note carries one that answers.
     */
    public boolean answersAlone(Asked asked, Calculation.CitedNote note) {
        return alone(asked, note).map(Inline::answerTheQuestion).orElse(false);
    }

    /**
     * What this one note's laws give for the question, when it gives numbers, the note carries laws and, should the
     * question name laws by their eponyms, one of them.
     */
    private Optional<Inline> alone(Asked asked, Calculation.CitedNote note) {
        if (asked.given().isEmpty() || note.laws().isEmpty()) {
            return Optional.empty();
        }
        Set<String> eponyms = eponyms(asked.names());
        boolean namesALaw = book.eponyms().stream().anyMatch(eponyms::contains);
        Set<String> named = namedLaws(List.of(note), asked);
        if (namesALaw && named.isEmpty()) {
            return Optional.empty();
        }
        // whether it answers is settled at the first setting: the others are compared once a note is chosen
        return Optional.of(firstSetting(asked, named.isEmpty() ? List.of(note) : only(List.of(note), named), named));
    }

    /**
     * The kinds of number the question states that the law of the first calculation, the one that answers, does not
     * read: "1e22 FLOPs" when Kaplan's L(N) answers "what loss would a 70B model reach with a budget of 1e22 FLOPs?",
     * though Kaplan's L(C) beside it reads the budget (for another model). Empty without calculations from the question.
     */
    public Set<String> unreadByAnswer(Asked asked, Inline inline) {
        return new NumbersRead(book, asked.given()).unreadByAnswer(inline.calculations(), inline.plan() != null);
    }

    /**
     * Whether this one note's laws answer the question alone ({@link #answersAlone}) and read one of the kinds of number
     * it states that {@code unread} lists: the test for bringing in the note that carries Muennighoff's law when the
     * question says how much of its data is unique.
     */
    public boolean answersReading(Asked asked, Calculation.CitedNote note, Set<String> unread) {
        return new NumbersRead(book, asked.given()).couldRead(note, unread) && alone(asked, note)
                .map(inline -> inline.answerTheQuestion() && !unreadByAnswer(asked, inline).containsAll(unread)).orElse(false);
    }

    /**
     * What the laws these calculations ran say in words ({@link org.scalingatlas.corpus.Law#prose}: the data they were
     * fitted on, their conventions): an answer that runs a law cites it, so a concept the law names ("WebText2", on which
     * Kaplan's losses are measured) is one the answer covers.
     */
    public List<String> texts(Inline inline) {
        return inline.calculations().stream().map(Calculation::law).distinct().map(said::get).filter(Objects::nonNull).toList();
    }

    /**
     * The law's prose and every name of the datasets its sets were fitted on ("BigCode", "StarCoder2 data" for the Stack
     * v2), as its aliases are in its prose: "trained on BigCode's code data" names what the answer ran.
     */
    private static String said(Law law, Map<String, List<String>> datasetNames) {
        List<String> parts = new ArrayList<>(List.of(law.prose()));
        law.constantSets().stream().flatMap(set -> set.data().stream()).distinct()
                .forEach(dataset -> parts.addAll(datasetNames.getOrDefault(dataset, List.of())));
        return String.join("\n", parts);
    }

    /**
     * The names a question uses that may be laws' names: its proper nouns, and the name of any law written in lower case
     * that is no English word or is followed by "law" ("what loss does kaplan's L(N) give …?" names Kaplan's law as
     * "Kaplan's" would, "step law lr …" the Step Law; "what step size …" names no Step Law, "step" being a word), and the
     * proper name a law's name opens with, in any case ("Large Language Monkeys"), and the name of the law whose name alone
     * writes a function the question writes ("c(k)": {@link #namedByItsFunction}). When it names no law, the name of the
     * one author whose laws alone
     * say they were measured on data the question names by a name ({@link #DATA_NAME}: "expected WebText2 loss?" names
     * Kaplan's laws, whose losses are on WebText2; "C4" no one's, as Gadre's and Muennighoff's laws both use it).
     *
     * @param properNouns the question's proper nouns, as {@link org.scalingatlas.question.Concept#names} gives them
     */
    public Set<String> names(String question, Set<String> properNouns) {
        Set<String> names = new HashSet<>(properNouns);
        String[] words = WORD.split(question.toLowerCase(Locale.ROOT));
        for (int i = 0; i < words.length; i++) {
            String name = LawBook.asEponym(words[i]);
            boolean calledALaw = i + 1 < words.length && LAW_WORDS.contains(words[i + 1]);
            if (book.eponyms().contains(name) && (calledALaw || !english.isWord(name))) {
                names.add(name);
            }
            String author = authors.get(name);
            if (author != null && (properNouns.contains(name) || !english.isWord(name))) {
                names.add(author);
            }
            for (Map.Entry<List<String>, String> proper : properNames.entrySet()) {
                if (writesAt(words, i, proper.getKey())) {
                    names.add(proper.getValue());
                }
            }
        }
        Asked.symbols(question).stream().map(namedByItsFunction::get).filter(Objects::nonNull).forEach(names::add);
        Quantities.subscripted(question).stream().map(namedByItsConstants::get).filter(Objects::nonNull).forEach(names::add);
        if (names.stream().noneMatch(book.eponyms()::contains)) {
            Matcher written = DATA_NAME.matcher(question);
            while (written.find()) {
                Set<String> authors = authorsByDataName.getOrDefault(written.group().toLowerCase(Locale.ROOT), Set.of());
                if (authors.size() == 1 && written.group().codePoints().filter(Character::isLetter).count() >= DATA_NAME_LETTERS) {
                    names.addAll(authors);
                }
            }
        }
        return names;
    }

    /**
     * The name each law goes by, by the function its name writes when no other law's name writes it ("c(k)" is the Large
     * Language Monkeys', "err(l)" Gadre's, "n*(c)" Porian's; "l(n)" is Kaplan's and Henighan's both): a question that
     * writes such a function names the law as its name would ("monkeys c(k) at 50?").
     */
    private static Map<String, String> namedByItsFunction(LawBook book, Map<String, Set<String>> functions) {
        Map<String, List<Law>> writers = new HashMap<>();
        book.laws().forEach(law -> functions.get(law.id()).forEach(function -> writers.computeIfAbsent(function, f -> new ArrayList<>()).add(law)));
        return writers.entrySet().stream().filter(entry -> entry.getValue().size() == 1)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> LawBook.eponym(entry.getValue().get(0))));
    }

    /**
     * The name laws go by, by each constant with a subscript that the laws of one name alone hold, lower case ("n_c" and
     * "d_c" are Kaplan's, "l_inf" and "c_0" Henighan's; "alpha_n" is both's): a question that writes the law's formula
     * ("L(N) = (N_c/N)^α_N at N = 8.5e7?") names it as its name would.
     */
    private static Map<String, String> namedByItsConstants(LawBook book) {
        Map<String, Set<String>> holders = new HashMap<>();
        book.laws().forEach(law -> law.constantNames().stream().filter(name -> name.indexOf('_') > 0)
                .forEach(name -> holders.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new HashSet<>()).add(LawBook.eponym(law))));
        return holders.entrySet().stream().filter(entry -> entry.getValue().size() == 1)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().iterator().next()));
    }

    /** Whether these words, from {@code at} on, are the phrase (its last word possessive or not). */
    private static boolean writesAt(String[] words, int at, List<String> phrase) {
        if (at + phrase.size() > words.length) {
            return false;
        }
        for (int j = 0; j < phrase.size(); j++) {
            if (!LawBook.asEponym(words[at + j]).equals(phrase.get(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The proper names of two or more words that laws' names open with ("Large Language Monkeys", "Step Law", "Chinchilla
     * Approach"), lower case, each with the name its law goes by: a question writing one names the law in any case.
     */
    private static Map<List<String>, String> properNames(LawBook book) {
        Map<List<String>, String> names = new HashMap<>();
        for (Law law : book.laws()) {
            List<String> proper = new ArrayList<>();
            for (String word : law.name().split("\\s+")) {
                if (word.isEmpty() || !Character.isUpperCase(word.codePointAt(0)) || !word.chars().allMatch(Character::isLetter)) {
                    break;
                }
                proper.add(word.toLowerCase(Locale.ROOT));
            }
            if (proper.size() > 1) {
                names.put(List.copyOf(proper), LawBook.eponym(law));
            }
        }
        return Map.copyOf(names);
    }

    /** The first author a constant set's label credits: "Hoffmann et al. 2022, eq. 10" → Hoffmann. */
    private static final Pattern CREDITED = Pattern.compile("(\\p{Lu}[\\p{L}-]+) et al\\.");

    /**
     * The first authors a law's own constant sets are credited to (sets its own paper published, not refits), lower case,
     * each with the name the law goes by when that is another ("Hoffmann et al. 2022, eq. 10" of the Chinchilla fit:
     * "Hoffmann's formula" names the Chinchilla laws). An author credited by two laws that go by different names names
     * neither.
     */
    private static Map<String, String> authors(LawBook book) {
        Map<String, Set<String>> lawsBy = new HashMap<>();
        for (Law law : book.laws()) {
            law.constantSets().stream().filter(set -> set.paperId() == null || set.paperId().equals(law.paperId())).forEach(set -> {
                Matcher credited = CREDITED.matcher(set.label());
                if (credited.find()) {
                    lawsBy.computeIfAbsent(credited.group(1).toLowerCase(Locale.ROOT), author -> new HashSet<>()).add(LawBook.eponym(law));
                }
            });
        }
        return lawsBy.entrySet().stream().filter(entry -> entry.getValue().size() == 1 && !entry.getValue().contains(entry.getKey()))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> entry.getValue().iterator().next()));
    }

    /** The fewest letters of a data name: "V2" (of ParScale's "Stack-V2") is any model's second version. */
    private static final int DATA_NAME_LETTERS = 3;

    /**
     * A word written as a dataset's or a system's name: a letter first, then a digit or a capital after a small letter
     * ("WebText2", "RedPajama", "MassiveText"; not "AI", "KV", "70B" or a capitalised first word), with at least
     * {@value #DATA_NAME_LETTERS} letters.
     */
    private static final Pattern DATA_NAME = Pattern.compile("\\b\\p{L}(?=[\\p{L}\\p{N}]*(?:\\p{N}|\\p{Ll}\\p{Lu}))[\\p{L}\\p{N}]+\\b");

    /** For each word the laws' prose writes as a name ({@link #DATA_NAME}), the names of the authors whose laws write it. */
    private static Map<String, Set<String>> authorsByDataName(LawBook book) {
        Map<String, Set<String>> authors = new HashMap<>();
        for (Law law : book.laws()) {
            Matcher written = DATA_NAME.matcher(law.prose());
            while (written.find()) {
                authors.computeIfAbsent(written.group().toLowerCase(Locale.ROOT), word -> new HashSet<>()).add(LawBook.eponym(law));
            }
        }
        return authors.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> Set.copyOf(entry.getValue())));
    }

    /** Words that make the word before them a law's name, whatever its case ("step law lr for 3B on 600B toks"). */
    private static final Set<String> LAW_WORDS = Set.of("law", "laws");
    /**
     * Words by which a question asking a value refers to the law it names ("Under Kaplan's size-only power law … what does
     * the formula really give?"): it asks for what that law gives, as "what does Kaplan's law give?" does.
     */
    private static final Set<String> THE_LAW = Set.of("formula", "law", "equation", "fit"); // in the singular, as what is asked is read
    private static final Pattern WORD = Pattern.compile("[^\\p{L}\\p{N}'’]+");

    /**
     * Whether the question names the law of this calculation by the name it goes by ("Per Henighan, what loss …?",
     * "ParScale, 1B params, P = 4: Pile loss?").
     */
    public boolean namedBy(Asked asked, Calculation run) {
        return book.calculator(run.law()).map(c -> eponyms(asked.names()).contains(LawBook.eponym(c.law()))).orElse(false);
    }

    /** Whether the question names this calculation's law and writes its function as well ("kaplan L(C_min) at 3e20 flops"). */
    public boolean namedWithItsFunction(Asked asked, Calculation run) {
        return namedBy(asked, run) && writesItsFunction(run.law(), asked);
    }

    /**
     * The laws the question names, whether a cited note carries them or not: by the name they go by and the function
     * their names write ("Kaplan's L(C_min)") when it writes one, else by the name alone (every law of the author, or of
     * the author whose laws alone were measured on data it names: "WebText2"). An answer runs one of them, bringing in a
     * note that carries one if it must.
     */
    public Set<String> named(Asked asked) {
        Set<String> eponyms = eponyms(asked.names());
        return byFunction(book.laws().stream().filter(law -> eponyms.contains(LawBook.eponym(law))).map(Law::id).collect(Collectors.toSet()), asked);
    }

    private static Set<String> eponyms(Set<String> names) {
        return names.stream().map(LawBook::asEponym).collect(Collectors.toSet());
    }

    /** The cited notes carrying these laws first, each group in its order. */
    private static List<Calculation.CitedNote> fittedFirst(List<Calculation.CitedNote> cited, Set<String> fitted) {
        if (fitted.isEmpty()) {
            return cited;
        }
        List<Calculation.CitedNote> ordered = new ArrayList<>(only(cited, fitted));
        cited.stream().map(note -> new Calculation.CitedNote(note.id(), note.title(), note.paperIds(),
                note.laws().stream().filter(law -> !fitted.contains(law)).toList())).forEach(ordered::add);
        return ordered;
    }

    /**
     * The laws of the cited notes with a constant set other than their first that the question names
     * ({@link ConstantSetChoice#named}), or with several sets it names to compare ({@link ConstantSetChoice#namedAll}: "the
     * ratio from the constants as printed in the paper, and from Besiroglu's replication"): what the question asks is
     * theirs, not the planner's.
     */
    private Set<String> fittedOnWhatItNames(List<Calculation.CitedNote> cited, Asked question) {
        return cited.stream().flatMap(note -> note.laws().stream()).distinct()
                .filter(id -> book.calculator(id).map(Calculator::law).filter(law -> !law.constantSets().isEmpty())
                        .map(law -> sets.named(law, question.sequence()).filter(set -> !set.equals(law.constantSets().get(0))).isPresent()
                                || sets.namedAll(law, question.outsideAsides()).size() > 1)
                        .orElse(false))
                .collect(Collectors.toSet());
    }

    /**
     * The laws of the cited notes that the question names by their eponyms; of those, the ones whose function it writes
     * as their names write it, when it writes one ("kaplan L(C_min) at 3e20 flops" names Kaplan's loss for compute, not
     * his allocation for the same budget).
     */
    private Set<String> namedLaws(List<Calculation.CitedNote> cited, Asked asked) {
        Set<String> eponyms = eponyms(asked.names());
        Set<String> byName = cited.stream().flatMap(note -> note.laws().stream()).distinct()
                .filter(id -> book.calculator(id).map(c -> eponyms.contains(LawBook.eponym(c.law()))).orElse(false)).collect(Collectors.toSet());
        return byFunction(byName, asked);
    }

    /**
     * The laws the question names, with those of the cited notes holding a set the named makers wrote
     * ({@link ConstantSetChoice#madeBy}),
     * for when the named laws alone would only give examples: "Chinchilla's loss with the constants of the Sardana et
     * al. code" names Chinchilla's law in Sardana's set, which reads the question's numbers where Sardana's own law,
     * wanting the tokens served, would only give an example.
     */
    private Set<String> withTheirSets(Set<String> named, List<Calculation.CitedNote> cited, Asked asked) {
        Set<String> more = new HashSet<>(named);
        cited.stream().flatMap(note -> note.laws().stream()).distinct()
                .filter(id -> book.calculator(id).map(c -> sets.madeBy(c.law(), asked.names()).isPresent()).orElse(false)).forEach(more::add);
        return more;
    }



    /** Of these laws, those whose function the question writes, when it writes one of theirs; else all of them. */
    private Set<String> byFunction(Set<String> laws, Asked asked) {
        Set<String> written = laws.stream().filter(id -> writesItsFunction(id, asked)).collect(Collectors.toSet());
        return written.isEmpty() ? laws : written;
    }

    /** Whether the question writes the function the law's name writes ("L(C_min)" of "Kaplan loss vs … L(C_min)"). */
    private boolean writesItsFunction(String law, Asked asked) {
        return !Collections.disjoint(functions.getOrDefault(law, Set.of()), asked.symbols());
    }

    /**
     * The cited notes resting on the named laws' own papers first, the rest in their order: "Chinchilla loss for 7B params
     * on 140B tokens?" asks for the law as its paper published it, which a note on a refit (Sardana's constants) may be
     * closer to the question than.
     */
    private List<Calculation.CitedNote> ownPaperFirst(List<Calculation.CitedNote> cited, Set<String> named) {
        Set<String> papers = named.stream().map(book::calculator).flatMap(Optional::stream).map(c -> c.law().paperId()).collect(Collectors.toSet());
        Map<Boolean, List<Calculation.CitedNote>> byOwnPaper = cited.stream()
                .collect(Collectors.partitioningBy(note -> note.paperIds().stream().anyMatch(papers::contains)));
        List<Calculation.CitedNote> ordered = new ArrayList<>(byOwnPaper.get(true));
        ordered.addAll(byOwnPaper.get(false));
        return ordered;
    }

    /** The cited notes with only these laws. */
    private static List<Calculation.CitedNote> only(List<Calculation.CitedNote> cited, Set<String> laws) {
        return cited.stream().map(note -> new Calculation.CitedNote(note.id(), note.title(), note.paperIds(),
                note.laws().stream().filter(laws::contains).toList())).toList();
    }

    /**
     * @param named  the laws the question names by their eponyms: what they give is what it asks for
     * @param fitted the laws fitted on data or a domain the question names besides their default ({@link #fittedOnWhatItNames}):
     *               they run first, and an allocation asked for is theirs rather than the planner's
     */
    private Inline calculate(Asked asked, NumbersRead numbers, List<Calculation.CitedNote> cited, Set<String> named, Set<String> fitted) {
        List<Calculation.Given> given = asked.given();
        Set<String> askedFor = valuesOf(asked);
        boolean allocation = asksForAnAllocation(asked);
        if (allocation && fitted.isEmpty()) {
            Optional<Inline> planned = planned(given, cited, Calculation.FROM_QUESTION);
            if (planned.isEmpty() && given.isEmpty()) {
                // an allocation asked for with no numbers at all ("how many tokens per parameter is compute-optimal?")
                // is answered with the plan at a representative budget, not with a loss
                planned = representativeBudget(cited)
                        .flatMap(flops -> planned(List.of(new Calculation.Given("flops", flops)), cited, Calculation.EXAMPLE));
            }
            if (planned.isPresent()) {
                return planned.get();
            }
        }
        List<Calculation> ran = perLaw(asked, askedFor, numbers, allocation, fittedFirst(cited, fitted));
        List<Calculation> answering = ran.stream().filter(run -> !outputsAsked(List.of(run), allocation, asked, askedFor, named).isEmpty()).toList();
        List<Calculation> runs = answeringFirst(ran, answering);
        int reading = numbers.alike(runs);
        if (!answering.isEmpty()) {
            // the value the answer opens with comes from the runs that answer, not from one that read the same numbers
            // for something else (Chinchilla's optimum for the size given, beside Kaplan's loss for it)
            int leading = 0;
            while (leading < reading && answering.contains(runs.get(leading))) {
                leading++;
            }
            reading = leading;
        }
        return new Inline(runs, null, outputsAsked(runs, allocation, asked, askedFor, named), List.of(), reading);
    }

    /**
     * The runs with those that answer the question ({@code answering}, from {@link #outputsAsked}) first, when the first
     * does not: "what test loss would a 200M-parameter model reach, by the original OpenAI law?" ran Chinchilla's law
     * first (its note ranks first), which derives an optimum from the size and gives no loss for it, and Kaplan's second,
     * which does. Each group keeps its order.
     */
    private static List<Calculation> answeringFirst(List<Calculation> runs, List<Calculation> answering) {
        if (answering.isEmpty() || answering.contains(runs.get(0))) {
            return runs;
        }
        List<Calculation> reordered = new ArrayList<>(answering);
        runs.stream().filter(run -> !answering.contains(run)).forEach(reordered::add);
        return reordered;
    }

    /**
     * Whether the question asks a value of a quantity some law computes that is not a size, a token count or a budget
     * ("what learning rate should a 3B model use?" reads as a choice of what to use, but asks for a learning rate).
     */
    boolean asksForAnotherQuantity(Set<String> askedFor) {
        if (askedFor.isEmpty()) {
            return false;
        }
        OutputNames.Asking asking = OutputNames.Asking.of(askedFor);
        return book.laws().stream().anyMatch(law -> namedOutputs(law, asking).stream().anyMatch(output -> !allocated(output)));
    }

    /**
     * Whether the question asks for an allocation: it reads as one ({@link Asked#allocation}) and asks a value of no other
     * quantity, by name ({@link #asksForAnotherQuantity}) or by a function that only laws allocating nothing write in
     * their names ("Kaplan's compute-efficient frontier … what does L(C_min) come out to at 100 PF-days?" asks for the
     * loss of his L(C_min); "L(N, D)" is also Chinchilla's, which gives an optimum).
     */
    boolean asksForAnAllocation(Asked asked) {
        return asked.allocation() && !asksForAnotherQuantity(valuesOf(asked)) && !writesTheFunctionOfAnotherQuantity(asked);
    }

    private boolean writesTheFunctionOfAnotherQuantity(Asked asked) {
        return !Collections.disjoint(asked.symbols(), functionsAllocatingNothing);
    }

    /** The functions that only laws allocating nothing write in their names ("l(c_min)"; not "l(n,d)", also Chinchilla's). */
    private static Set<String> functionsAllocatingNothing(LawBook book, Map<String, Set<String>> functions) {
        Map<String, Boolean> allocatingWriter = new HashMap<>();
        book.laws().forEach(law -> functions.get(law.id()).forEach(function -> allocatingWriter.merge(function, allocates(law), Boolean::logicalOr)));
        return allocatingWriter.entrySet().stream().filter(entry -> !entry.getValue()).map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Whether the question asks a value of something some law computes by name ("what loss does Kumar's law predict"). A
     * law's name is not such a thing, though an output may carry it: "what does the Chinchilla law give …" does not ask
     * for Sardana's N_chinchilla.
     */
    private boolean asksForAnyOutput(Set<String> askedFor) {
        OutputNames.Asking things = OutputNames.Asking.of(askedFor.stream().filter(word -> !book.eponyms().contains(word)).collect(Collectors.toSet()));
        return book.laws().stream().anyMatch(law -> !namedOutputs(law, things).isEmpty());
    }

    private static boolean allocated(String output) {
        return Arrays.stream(output.toLowerCase(Locale.ROOT).split("_")).anyMatch(Asked.ALLOCATED::contains);
    }

    /** The allocation a law derives from the size or budget the question gives, besides what was given. */
    private static final List<String> ALLOCATION = List.of("C", "N_opt", "D_opt");
    /** The ratio an optimum gives beside its sizes, answering a question that asks for it ("tokens per parameter"). */
    private static final String TOKENS_PER_PARAMETER = "tokens_per_parameter";
    private static final Set<String> PER_PARAMETER = Set.of("per", "parameter");

    /**
     * What the question asks for that the first calculation gives from the question's own numbers, when it asks for a
     * value at all ({@link AskedFor#words}: "what", "how many", "predict" ...): for an allocation asked for ("how
     * many tokens should a 7B model see?"), the budget and sizes the law derives besides the one given; for a law the
     * question asks about by its eponym without naming what it wants ("what does the Kaplan law predict for 1e22
     * FLOPs?", not "can small runs predict the loss of a 1.4B model trained past Chinchilla's 20 tokens per parameter?"
     * nor "what loss does Kumar's law predict …"), everything it gives besides what was given; otherwise the outputs
     * the question asks a value of, when the law ran on its numbers alone (every input given) or found the optimum for
     * the budget it states ("how many epochs should I train for with 1e22 FLOPs and 25B unique tokens?"), not when it
     * derived an optimum from a size. "For models under 1.5B parameters, how can diversity be folded into a fitted loss
     * formula?" and "does a 300M model's loss-versus-compute curve improve?" ask for no loss; "for a 125M-parameter
     * model, should I stack thin layers or use wide ones?" for no allocation.
     */
    private List<String> outputsAsked(List<Calculation> runs, boolean allocation, Asked asked, Set<String> askedFor, Set<String> named) {
        if (runs.isEmpty() || !Calculation.FROM_QUESTION.equals(runs.get(0).inputsFrom())) {
            return List.of();
        }
        String law = runs.get(0).law();
        boolean writesIt = named.contains(law) && writesItsFunction(law, asked);
        if (askedFor.isEmpty() && !writesIt) {
            return List.of();
        }
        Result result = runs.get(0).result();
        if ((!allocation || writesIt) && named.contains(law) && !asksForAnyOutput(askedFor)
                && (writesIt || book.calculator(law).map(c -> askedFor.contains(LawBook.eponym(c.law()))).orElse(false)
                    || askedFor.stream().anyMatch(THE_LAW::contains))) {
            return result.outputs().keySet().stream().filter(output -> !result.inputs().containsKey(output.replace("_opt", ""))).toList();
        }
        if (allocation) {
            List<String> allocated = new ArrayList<>(ALLOCATION);
            if (askedFor.containsAll(PER_PARAMETER)) {
                allocated.add(TOKENS_PER_PARAMETER); // "how many tokens per parameter is compute-optimal?"
            }
            return allocated.stream().filter(result.outputs()::containsKey)
                    .filter(output -> !result.inputs().containsKey(output.replace("_opt", ""))).toList();
        }
        boolean fromBudget = first(asked.given(), "flops").map(flops -> flops.equals(result.outputs().get(Calculator.BUDGET))).orElse(false);
        return !EVALUATED.equals(result.mode()) && !fromBudget && !forTarget(runs.get(0), asked) ? List.of()
                : book.calculator(runs.get(0).law()).map(c -> named.contains(law) ? namedOutputsOfANamedLaw(c.law(), askedFor)
                        : namedOutputs(c.law(), OutputNames.Asking.of(askedFor)))
                        .orElse(List.of()).stream()
                        .filter(result.outputs()::containsKey).toList();
    }

    /**
     * The compute budget, in FLOPs, of the worked example of the first cited law that gives an allocation and whose
     * example states its budget (a law file's {@code example}, never a number chosen here); empty when none does.
     */
    private Optional<Double> representativeBudget(List<Calculation.CitedNote> cited) {
        for (Calculation.CitedNote note : cited) {
            for (String lawId : note.laws()) {
                Optional<Law> law = book.calculator(lawId).map(Calculator::law).filter(InlineCalculations::allocates);
                Optional<Double> flops = law.flatMap(l -> l.inputs().stream()
                        .filter(v -> "flops".equals(v.quantity()) && l.example().containsKey(v.symbol()))
                        .map(v -> l.example().get(v.symbol()) * v.scale()).findFirst());
                if (flops.isPresent()) {
                    return flops;
                }
            }
        }
        return Optional.empty();
    }

    /** The plan for the budget {@code given} states, its rows' calculations marked as coming {@code from} there. */
    Optional<Inline> planned(List<Calculation.Given> given, List<Calculation.CitedNote> cited, String from) {
        // a budget to spend, or else a loss to reach at the least cost ("if our target loss is 2.0 … how many tokens?")
        Optional<Double> compute = first(given, "flops");
        Optional<Double> loss = compute.isPresent() ? Optional.empty() : first(given, "loss");
        if (compute.isEmpty() && loss.isEmpty()) {
            return Optional.empty();
        }
        Plan.Budget budget;
        try {
            budget = Planner.budget(compute.orElse(null), loss.orElse(null), first(given, "unique-tokens").orElse(null),
                    first(given, "inference-tokens").orElse(null), null);
        } catch (LawInputException e) {
            return Optional.empty();
        }
        Map<String, Calculation.CitedNote> carrier = new LinkedHashMap<>();
        cited.forEach(note -> note.laws().forEach(law -> carrier.putIfAbsent(law, note)));
        Planner.Run run = new Planner(book, papers).run(budget);
        // the rows of the laws that read the most of the question's numbers first (a budget with inference tokens to serve:
        // Sardana's row reads them, Chinchilla's leaves them aside), each group in the planner's order
        NumbersRead numbers = new NumbersRead(book, given);
        List<Integer> order = new ArrayList<>();
        Map<Integer, Integer> read = new LinkedHashMap<>();
        for (int i = 0; i < run.rows().size(); i++) {
            if (carrier.containsKey(run.rows().get(i).law())) {
                order.add(i);
                read.put(i, numbers.inPlan(run.rows().get(i).law()));
            }
        }
        if (order.isEmpty()) {
            return Optional.empty();
        }
        order.sort(Comparator.comparing(read::get).reversed());
        int most = read.get(order.get(0));
        List<Plan.Row> rows = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        List<Calculation> calculations = new ArrayList<>();
        for (int i : order) {
            Plan.Row row = run.rows().get(i);
            rows.add(row);
            results.add(run.results().get(i));
            calculations.add(calculation(book.calculator(row.law()).orElseThrow().law(), carrier.get(row.law()), from, run.results().get(i)));
        }
        int reading = (int) read.values().stream().filter(count -> count == most).count();
        List<String> more = run.more().stream().filter(sentence -> carrier.keySet().stream().anyMatch(sentence::startsWith)).toList();
        List<String> asked = Calculation.FROM_QUESTION.equals(from) ? List.of("N_opt", "D_opt") : List.of();
        return Optional.of(new Inline(calculations, new Plan(budget, rows, PlanSpread.of(rows, results, book, more)), asked, List.of(), reading));
    }

    private static Optional<Double> first(List<Calculation.Given> given, String kind) {
        return NumbersRead.first(given, kind);
    }

    /** @param askedFor what the question asks a value of, as {@link #valuesOf} reads it */
    private List<Calculation> perLaw(Asked question, Set<String> askedFor, NumbersRead numbers, boolean allocation, List<Calculation.CitedNote> cited) {
        OutputNames.Asking asked = OutputNames.Asking.of(question.words());
        List<Calculation.Given> given = question.given();
        List<Calculation> fromQuestion = new ArrayList<>();
        List<Calculation> examples = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Calculation.CitedNote note : cited) {
            for (String lawId : note.laws()) {
                Optional<Calculator> found = book.calculator(lawId);
                if (found.isEmpty()) {
                    continue;
                }
                Calculator calculator = found.get();
                Law law = calculator.law();
                if (allocation && !allocates(law)) {
                    continue; // the question asks how to split a budget: a law that only predicts a loss does not answer it
                }
                boolean worthAnExample = allocation || namesAnOutput(law, asked);
                for (String set : sets.all(law, note, question)) {
                    if (!seen.add(law.id() + "/" + set)) {
                        continue;
                    }
                    withNumbers(calculator, set, given, allocation).ifPresentOrElse(
                            result -> fromQuestion.add(calculation(law, note, Calculation.FROM_QUESTION, result)),
                            () -> example(calculator, set).filter(result -> worthAnExample)
                                    .ifPresent(result -> examples.add(calculation(law, note, Calculation.EXAMPLE, result))));
                }
            }
        }
        List<Calculation> chosen = new ArrayList<>(fromQuestion.isEmpty() ? examples : numbers.most(fromQuestion));
        OutputNames.Asking asking = OutputNames.Asking.of(askedFor);
        // the laws that give what the question asks a value of come first, in the notes' order: "what learning rate should
        // a 3B model trained on 100B tokens use?" opens with the law of the learning rate, not with the loss at those sizes
        chosen.sort(Comparator.comparing((Calculation c) -> book.calculator(c.law())
                .map(calculator -> namedOutputs(calculator.law(), asking).stream().noneMatch(c.result().outputs()::containsKey)).orElse(true)));
        // then those that read the same numbers as the first: ParScale's L(N, P) and Chinchilla's L(N, D) answer different questions
        if (!chosen.isEmpty()) {
            Set<String> first = numbers.by(chosen.get(0));
            chosen.sort(Comparator.comparing((Calculation c) -> !numbers.by(c).equals(first)));
        }
        return List.copyOf(chosen.subList(0, Math.min(MAX, chosen.size())));
    }

    /**
     * What the question asks a value of ({@link Asked#valuesOf}), with the words that qualify it elsewhere in the
     * question when an alias of some law's output joins them: "how much compute would it take, in total across training
     * and serving" asks for "total compute", though "total" comes after what {@link org.scalingatlas.question.AskedFor}
     * reads. The alias's last word must be among what is asked; its other words anywhere in the question.
     */
    Set<String> valuesOf(Asked asked) {
        if (asked.valuesOf().isEmpty()) {
            return asked.valuesOf();
        }
        Set<String> values = new HashSet<>(asked.valuesOf());
        aliasPhrases.stream().filter(words -> asked.valuesOf().contains(words.getLast()) && asked.words().containsAll(words)).forEach(values::addAll);
        return values;
    }

    /** The mode of a result computed from every input of its law (not an optimum derived from some of them). */
    static final String EVALUATED = "evaluate";

    /**
     * Whether the question names a quantity the law computes ({@link OutputNames#named}): "loss", "coverage", "epochs",
     * "learning rate", "total compute", "N_opt(C)".
     */
    private boolean namesAnOutput(Law law, OutputNames.Asking asked) {
        return !namedOutputs(law, asked).isEmpty();
    }

    /**
     * The outputs of a law the question names by the name it goes by: as {@link #namedOutputs}, else by the head of an
     * output's unit alone, the word before any "per" ("how many flops does the kumar et al cost model charge?" asks for
     * Kumar's compute, in "16-bit-equivalent FLOPs"). Only for a named law: "FLOPs" alone would name that output beside
     * another law's answer; and only when nothing is named otherwise: "how many effective tokens" asks for Muennighoff's
     * effective tokens, not every output counted in tokens.
     */
    private List<String> namedOutputsOfANamedLaw(Law law, Set<String> asked) {
        OutputNames.Asking asking = OutputNames.Asking.of(asked);
        List<String> named = namedOutputs(law, asking);
        return !named.isEmpty() ? named : outputNames.namedByUnit(law, asking);
    }

    /** The outputs of a law the question names ({@link OutputNames#named}), in the law's order. */
    private List<String> namedOutputs(Law law, OutputNames.Asking asked) {
        return outputNames.named(law, asked);
    }

    /**
     * Whether the run found the least-cost model for a target the question states ("to get a model to a loss of 2.3 … in
     * the cheapest way"), as an optimum for a stated budget answers from the question's numbers ({@code fromBudget}).
     */
    private boolean forTarget(Calculation run, Asked asked) {
        Optional<Law.Optimal> optimal = book.calculator(run.law()).map(Calculator::law).filter(Law::optimisesForTarget).map(Law::optimal);
        return optimal.flatMap(o -> first(asked.given(), o.target()).map(target -> {
            Double reached = run.result().outputs().get(o.target());
            return reached != null && Math.abs(reached - target) <= 1e-6 * Math.abs(target);
        })).orElse(false);
    }

    /** Every output of a law: what it evaluates, and what its optimum gives. */
    static List<Law.Output> outputs(Law law) {
        List<Law.Output> outputs = new ArrayList<>(law.outputs());
        if (law.optimal() != null) {
            outputs.addAll(law.optimal().closedForm());
            outputs.addAll(law.optimal().then());
        }
        return outputs;
    }

    /** Whether a law gives an allocation: an optimum over a budget, or outputs that are optimal sizes ({@code N_opt}, {@code D_opt}). */
    private static boolean allocates(Law law) {
        return law.optimal() != null || law.outputs().stream().anyMatch(o -> o.name().endsWith("_opt"));
    }

    static Optional<Result> withNumbers(Calculator calculator, String set, List<Calculation.Given> given, boolean allocation) {
        Law law = calculator.law();
        Map<String, Double> own = set == null ? asked(law.constantNames(), given) : Map.of();
        if (given.isEmpty() || (set == null && own.size() < law.constantNames().size())) {
            return Optional.empty();
        }
        Map<String, Double> inputs = new LinkedHashMap<>();
        for (Law.Variable variable : law.inputs()) {
            value(variable, given).ifPresent(v -> inputs.put(variable.symbol(), v));
        }
        boolean all = inputs.size() == law.inputs().size();
        try {
            Optional<Result> trained = trainedWithBudget(calculator, set, given, allocation, inputs);
            if (trained.isPresent()) {
                return trained;
            }
            Optional<Result> atTarget = leastCostFor(calculator, set, given, inputs, all);
            if (atTarget.isPresent()) {
                return atTarget;
            }
            if (law.optimisesOverBudget() && (allocation || !all)) {
                Map<String, Double> budget = new LinkedHashMap<>(inputs);
                budget.remove(Calculator.DATA);
                Optional<Double> flops = first(given, "flops");
                if (flops.isPresent()) {
                    budget.remove(Calculator.SIZE);
                    budget.put(Calculator.BUDGET, flops.get());
                }
                if (budget.containsKey(Calculator.BUDGET) || budget.containsKey(Calculator.SIZE)) {
                    return Optional.of(calculator.optimal(budget, set, own));
                }
            }
            return all ? Optional.of(calculator.evaluate(inputs, set, own)) : Optional.empty();
        } catch (LawInputException e) {
            return Optional.empty();
        }
    }

    /**
     * The least-cost model for the target the question states, when the law's optimum is for a target loss and the
     * question gives that target and every other input but the size and the data ("the cheapest way to get a model to a
     * loss of 2.3 if it will serve 500B tokens": Sardana et al.'s optimum over training and inference compute). Empty
     * when the question gives every input (the law is then evaluated there).
     */
    private static Optional<Result> leastCostFor(Calculator calculator, String set, List<Calculation.Given> given, Map<String, Double> inputs, boolean all) {
        Law.Optimal optimal = calculator.law().optimal();
        if (all || !calculator.law().optimisesForTarget()) {
            return Optional.empty();
        }
        Optional<Double> target = first(given, optimal.target());
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Double> at = new LinkedHashMap<>(inputs);
        at.remove(Calculator.SIZE);
        at.remove(Calculator.DATA);
        at.put(optimal.target(), target.get());
        return Optional.of(calculator.optimal(at, set, Map.of()));
    }

    /**
     * A model of the size the question gives, trained with the budget it gives, when it asks what that run reaches rather
     * how to split the budget ("what loss would a 70B model reach with 1e22 FLOPs?"): the law evaluated at N and the
     * tokens the budget buys it, D = C / 6N (the convention of every optimum here), not at the optimum for C, which
     * would answer for another model. Empty when the law has no compute-budget optimum or lacks another input.
     */
    private static Optional<Result> trainedWithBudget(Calculator calculator, String set, List<Calculation.Given> given, boolean allocation,
            Map<String, Double> inputs) {
        Law law = calculator.law();
        Optional<Double> flops = first(given, "flops");
        Optional<Law.Variable> size = law.inputs().stream().filter(v -> v.symbol().equals(Calculator.SIZE)).findFirst();
        Optional<Law.Variable> data = law.inputs().stream().filter(v -> v.symbol().equals(Calculator.DATA)).findFirst();
        if (allocation || flops.isEmpty() || size.isEmpty() || data.isEmpty() || !law.optimisesOverBudget()
                || !inputs.containsKey(Calculator.SIZE) || inputs.containsKey(Calculator.DATA)) {
            return Optional.empty();
        }
        double tokens = flops.get() / (6 * inputs.get(Calculator.SIZE) * size.get().scale());
        Map<String, Double> at = new LinkedHashMap<>(inputs);
        at.put(Calculator.DATA, tokens / data.get().scale());
        if (at.size() != law.inputs().size()) {
            return Optional.empty();
        }
        Result r = calculator.evaluate(at, set, Map.of());
        Map<String, Double> stated = new LinkedHashMap<>();
        stated.put(Calculator.SIZE, at.get(Calculator.SIZE));
        stated.put(Calculator.BUDGET, flops.get());
        r.inputs().forEach(stated::putIfAbsent);
        Map<String, String> units = new LinkedHashMap<>(r.units());
        units.put(Calculator.BUDGET, "FLOPs");
        return Optional.of(new Result(r.law(), r.mode(), r.constants(), r.constantValues(), stated, r.outputs(), units, r.warnings(),
                r.method() + "; D = C / 6N, the tokens the budget buys a model of this size"));
    }

    /** The question's value for a variable: the first number of its kind (or of the kinds it is derived from), in the variable's own unit. */
    /**
     * The values the question takes for these constants ("take γ_w = 2.7, γ_a = 2.2 and γ_kv = 1.9"), by name: for a law
     * that carries its form only (Kumar et al.'s effective parameters), the run is the asker's, with their constants.
     */
    private static Map<String, Double> asked(List<String> constants, List<Calculation.Given> given) {
        Map<String, Double> values = new LinkedHashMap<>();
        constants.forEach(name -> NumbersRead.value(Quantities.constantKind(name.toLowerCase(Locale.ROOT)), given).ifPresent(v -> values.put(name, v)));
        return values;
    }

    private static Optional<Double> value(Law.Variable variable, List<Calculation.Given> given) {
        if (variable.quantity() == null) {
            return Optional.empty();
        }
        return NumbersRead.value(variable.quantity(), given).map(value -> value / variable.scale());
    }

    private static Optional<Result> example(Calculator calculator, String set) {
        Law law = calculator.law();
        if (law.example().isEmpty() || (set == null && !law.constantNames().isEmpty())) {
            return Optional.empty();
        }
        try {
            return Optional.of(calculator.evaluate(law.example(), set, Map.of()));
        } catch (LawInputException e) {
            return Optional.empty();
        }
    }

    Calculation calculation(Law law, Calculation.CitedNote note, String from, Result result) {
        String paperId = law.constantSet(result.constants()).map(Law.ConstantSet::paperId).orElse(null);
        Paper paper = papers.get(paperId == null ? law.paperId() : paperId);
        Calculation.Citation citation = paper == null ? new Calculation.Citation(law.paperId(), null, null)
                : new Calculation.Citation(paper.id(), paper.title(), paper.arxiv());
        String label = law.constantSet(result.constants()).map(Law.ConstantSet::label).orElse(null);
        return new Calculation(law.id(), law.name(), law.formula(), note.id(), note.title(), citation, from, result, label);
    }
}
