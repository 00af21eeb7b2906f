package org.scalingatlas.coverage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingatlas.question.Abbreviations;
import org.scalingatlas.question.Concept;
import org.scalingatlas.question.Numbers;
import org.scalingatlas.question.Quantities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the verdict from the corpus as it is, by meaning and by what the corpus names, never from a list of topics.
 * <ol>
 *   <li>A question no note comes close to in meaning (cosine below {@link Thresholds#refuseBelow}), as asked nor
 *       without its numbers, is about something else: refused, unless it asks about a name or topic the corpus discusses
 *       and nothing it lacks (see {@link #namesWhatTheCorpusDiscusses}). This is the one decision that keeps shopping lists,
 *       poems and prompt injections out, however many words they share with the corpus ("scale", "tokens", "law").
 *       (Numbers count for little in meaning but can pull a short question away from its notes: "How should I split
 *       1e23 FLOPs between parameters and data?" comes within 0.37 of a note, the same question without "1e23" within
 *       0.40.)</li>
 *   <li>A concept the question names (its nouns and their modifiers, see {@link org.scalingatlas.question.Concepts}) is
 *       absent when one of its words appears in no note, abstract or law in any form, no passage is close to the phrase in
 *       meaning (cosine {@link Thresholds#semanticMatch} or more), and no word the corpus uses is either (cosine
 *       {@link Thresholds#termMatch} or more: "reversal" is named by "reverse", "synthetic-ness" by
 *       "synthetic"; "chess engines" and "Swahili" by nothing). A word written as a name that no passage writes in
 *       any spelling is absent however close it comes in meaning ({@link #lacksName}: "DeepSeek-V3" beside
 *       "deepseek-v2" is another model). With an absent concept the answer is partial, and says which. (Requiring the words to meet in one passage too was tried: on the development half it
 *       took answered accuracy from 0.85 to 0.61 for 0.03 more on partial ones. For the term bar, see docs/asking.md.)
 *       When the words the corpus lacks are only its qualifiers (adjectives and participles in lower case: "a shrunken
 *       vocabulary", "a clever search", "spiking neural networks"), they must also pull the question away from the corpus:
 *       the question without them comes at least {@link Thresholds#pull} closer to its closest note. "Shrunken" says
 *       what kind of vocabulary, in a question the corpus answers; "spiking" says what kind of network the corpus does not
 *       study.</li>
 *   <li>A concept whose words the corpus uses is absent all the same when one of them only one passage holds and it pulls
 *       the question away from the corpus as a qualifier must ("robotics" in "does distillation work for robotics
 *       control policies?", which one abstract names in a list of domains). {@link #reconcile} then keeps it only when
 *       no note cited in the answer mentions it. So is one that holds an English compound noun ({@link CompoundNouns}) whose
 *       words no passage writes together, when it pulls as well ("search engine", in "does it depend on which search
 *       engine the agents query?"); with a word the corpus never uses ("civil engineering"), whether it pulls or not,
 *       unless a passage is close to it in meaning.</li>
 *   <li>Otherwise the question is answered. (Calling a combination missing when the note closest to the question does
 *       not hold a specific concept the question names was tried: on the development half it took answered accuracy
 *       from 0.85 to 0.40 for 0.09 more on partial ones.)</li>
 * </ol>
 * Once the notes that answer are chosen, {@link #reconcile} calls covered a concept one of them mentions, or one of their
 * clauses says in other words ("kernel ridge regression": "In kernel regression with l2 regularisation").
 * The five thresholds are data: calibrated on the development questions of the evaluation set (tests/eval/dev.yaml, and
 * dev2.yaml for the pull, dev3.yaml too for the clauses) and checked on the held-out half (see docs/asking.md, Evaluation).
 */
public final class CoverageJudge {

    /**
     * @param refuseBelow   below this cosine between the question and its closest note, the corpus is not about it
     * @param semanticMatch a passage this close in meaning to a concept holds it even without its words
     * @param termMatch     a word of the corpus this close in meaning to a concept names it in other words
     * @param pull          words pull the question away from the corpus when the question without them comes at least this
     *                      much closer (in cosine) to its closest note
     * @param clauseMatch   a cited note holds a concept called missing when one of its clauses is this close to it in
     *                      meaning (see {@link #reconcile})
     */
    public record Thresholds(double refuseBelow, double semanticMatch, double termMatch, double pull, double clauseMatch) {
        /** Calibrated on tests/eval/dev.yaml, dev2.yaml and dev3.yaml (all-MiniLM-L6-v2 embeddings). */
        public static final Thresholds CALIBRATED = new Thresholds(0.38, 0.6, 0.75, 0.04, 0.5);
    }

    private static final Logger LOG = LoggerFactory.getLogger(CoverageJudge.class);
    /** A name this many passages hold is one the corpus discusses, not one it mentions in passing. */
    static final int DISCUSSED = 2;
    /** A word no more passages than this hold may be one the corpus mentions in passing. */
    static final int IN_PASSING = 1;
    /** The longest compound noun looked for, in words ("zone of proximal development" aside, few are longer). */
    static final int MAX_COMPOUND = 3;

    private final CorpusStatistics corpus;
    private final Thresholds thresholds;
    private final Set<String> fieldTerms;
    private final Set<String> labelWords;
    private final Set<String> lawNames;
    private final CompoundNouns compounds;

    public CoverageJudge(CorpusStatistics corpus, Thresholds thresholds) {
        this(corpus, thresholds, List.of(), List.of(), CompoundNouns.NONE);
    }

    /**
     * @param axisTerms the ontology's labels and alternative labels of its axes; those of two or more words ("data
     *                  quality", "test-time compute") name the field's own topics
     * @param lawNames  the names the corpus's laws go by, lower case ("kaplan", "muennighoff"): a question that names
     *                  one as a proper noun names something the corpus holds, though its notes and abstracts may never
     *                  write the name (an abstract does not name its own authors)
     * @param compounds which words written apart make one noun of English ("search engine"): one whose words the corpus
     *                  never writes together names something it lacks
     */
    public CoverageJudge(CorpusStatistics corpus, Thresholds thresholds, Collection<String> axisTerms, Collection<String> lawNames,
            CompoundNouns compounds) {
        this.corpus = corpus;
        this.thresholds = thresholds;
        this.fieldTerms = axisTerms.stream().map(CoverageJudge::normalised).filter(term -> term.contains(" ")).collect(Collectors.toSet());
        this.labelWords = axisTerms.stream().flatMap(term -> corpus.folded(term).stream()).collect(Collectors.toUnmodifiableSet());
        this.lawNames = Set.copyOf(lawNames);
        this.compounds = compounds;
    }

    /**
     * Whether a concept is a name one of the corpus's laws goes by ("Muennighoff", "Kaplan's", "Muennighoff et al"):
     * a proper noun with a law's name among its words, and nothing else the corpus does not use ("Gadre Swahili" is not).
     */
    private boolean namesALaw(Concept concept) {
        return concept.nameAmong(lawNames, corpus::uses).isPresent();
    }

    /** Whether the concept is one of the field's own topics as the ontology words them ("retrieval-augmented generation"). */
    private boolean fieldTopic(Concept concept) {
        return fieldTerms.contains(normalised(concept.text()));
    }

    private static String normalised(String phrase) {
        return phrase.toLowerCase(Locale.ROOT).replace('-', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * @param concepts   what the question names
     * @param meaning    the question's embedding, and embeddings of it without its numbers or some of its words (asked
     *                   for only when needed: without its numbers when the question as asked is not close enough)
     * @param units      words the question uses as the units of its numbers ("toks" in "600B toks", "params"): a unit is
     *                   never a missing topic, however the corpus spells it
     * @param computable whether a law of the corpus computes a value the question asks for from a number it states
     *                   ("step law peak lr for 3B params, 600B toks?"): such a question is about the field, however far
     *                   its few words are from every note, and is not refused
     */
    public Verdict judge(List<Concept> concepts, QuestionMeaning meaning, Set<String> units, boolean computable) {
        double asAsked = corpus.closestNote(meaning.vector());
        LOG.debug("closest note at cosine {}", asAsked);
        if (asAsked < thresholds.refuseBelow() && !computable && !namesWhatTheCorpusDiscusses(concepts, units) && !closeWithoutNumbers(meaning)) {
            return new Verdict.Refused(concepts.isEmpty()
                    ? "the question names nothing the corpus could be searched for"
                    : "no note in the corpus is about this question", List.of());
        }
        Pull pull = words -> meaning.without().apply(words).map(vector -> corpus.closestNote(vector) - asAsked).orElse(Double.POSITIVE_INFINITY);
        List<String> covered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> judged = new HashSet<>();
        for (Concept concept : concepts) {
            if (!judged.add(concept.text().toLowerCase(Locale.ROOT))) {
                continue; // named twice ("tokens … tokens", "Exercise … exercise"): listed once
            }
            (absent(concept, units, pull) ? missing : covered).add(concept.text());
        }
        return missing.isEmpty() ? new Verdict.Answered(covered) : new Verdict.Partial(covered, missing);
    }

    /**
     * Whether a question too far from every note as asked comes within the bar without its numbers: an embedding the
     * model would compute for nothing when the question is close enough, is computable or names what the corpus
     * discusses, so it is asked for last.
     */
    private boolean closeWithoutNumbers(QuestionMeaning meaning) {
        Optional<float[]> plain = meaning.withoutNumbers().get();
        if (plain.isEmpty()) {
            return false;
        }
        double withoutNumbers = corpus.closestNote(plain.get());
        LOG.debug("without its numbers, closest note at cosine {}", withoutNumbers);
        return withoutNumbers >= thresholds.refuseBelow();
    }

    /** How much closer to its closest note the question comes without some of its words (infinite when nothing is left). */
    private interface Pull {
        double without(List<String> words);
    }

    /**
     * Whether the question asks about something the corpus discusses by name, and about nothing it lacks: every concept
     * it names is held by some note or abstract or is the name of a law, and one of them is either a name (a proper noun)
     * that at least {@value #DISCUSSED} passages hold, the name a law goes by, or one of the field's own topics as the
     * ontology words them (an axis's label or alternative label of two or more words). "What did Hoffmann et al. find?"
     * comes within cosine 0.15 of a note (a name is little meaning to the model), yet five passages name Hoffmann; "Does
     * data quality matter more than quantity?" comes within 0.36, and "data quality" is an axis. "Where can I buy an
     * NVIDIA H100 cheaply?" names a brand one abstract mentions in passing, and stays refused. The units of its numbers
     * ("PF-days") are no concepts here, as they are never missing ones.
     */
    private boolean namesWhatTheCorpusDiscusses(List<Concept> concepts, Set<String> units) {
        boolean discussed = false;
        for (Concept concept : concepts) {
            if (units.containsAll(concept.words())) {
                continue; // the unit of a number it states ("after 50 PF-days"), never a topic
            }
            if (namesALaw(concept)) {
                LOG.debug("concept \"{}\" names a law", concept.text());
                discussed = true;
                continue;
            }
            int held = corpus.passagesHolding(concept.words());
            LOG.debug("concept \"{}\"{} held by {} passages", concept.text(), concept.name() ? " (a name)" : "", held);
            if (held == 0) {
                return false;
            }
            discussed |= (concept.name() && held >= DISCUSSED) || fieldTopic(concept);
        }
        return discussed;
    }

    /**
     * The verdict made consistent with the notes chosen to answer: a concept called missing that one of them mentions
     * (title or claim, any inflection) is covered after all, so an answer never says the corpus lacks what it cites; so
     * is one a clause of theirs says in other words (cosine {@link Thresholds#clauseMatch} or more: "kernel ridge
     * regression" and "In kernel regression with l2 regularisation"), which a whole passage, diluted by the rest of
     * what it says, does not come close enough to.
     * <p>
     * Only for a concept whose unknown words are written in lower case: a name, an acronym or a word with digits the
     * corpus does not use ("DNA language models", "several Finnish pretraining corpora", "H100 hours") names something
     * it lacks, never a paraphrase of what a note says, and a clause about the rest of the phrase ("protein language
     * models") comes close to it all the same.
     *
     * @param cited the title and claim of each cited note
     */
    public Verdict reconcile(Verdict verdict, List<String> cited) {
        if (!(verdict instanceof Verdict.Partial partial)) {
            return verdict;
        }
        List<String> covered = new ArrayList<>(partial.covered());
        List<String> missing = new ArrayList<>();
        for (String concept : partial.missing()) {
            boolean held = cited.stream().anyMatch(text -> corpus.mentions(text, concept));
            if (!held && mayBeSaidInOtherWords(concept)) {
                double clause = corpus.closestClause(concept, cited);
                LOG.debug("concept \"{}\": closest clause of the cited notes {}", concept, clause);
                held = clause >= thresholds.clauseMatch();
            }
            (held ? covered : missing).add(concept);
        }
        return missing.isEmpty() ? new Verdict.Answered(covered) : new Verdict.Partial(covered, missing);
    }

    private boolean absent(Concept concept, Set<String> units, Pull pull) {
        if (namesALaw(concept)) {
            return false;
        }
        List<String> lacked = written(concept.text()).stream()
                .filter(word -> concept.words().contains(Concept.asName(word)) && !units.contains(Concept.asName(word)) && lacksName(word)).toList();
        if (!lacked.isEmpty()) {
            LOG.debug("concept \"{}\": names {}, which the corpus never writes", concept.text(), lacked);
            return true;
        }
        List<String> unknown = concept.words().stream().filter(noun -> !units.contains(noun) && !corpus.uses(noun) && !usedInParts(noun)
                && !shortensAUsedWord(noun) && !writtenAsName(concept, noun)).toList();
        if (unknown.isEmpty()) {
            return unwrittenCompound(concept).filter(compound -> pulls(concept, compound, pull)).isPresent()
                    || mentionedInPassing(concept, units, pull);
        }
        double passage = corpus.closestPassage(concept.text());
        if (passage >= thresholds.semanticMatch()) {
            return false;
        }
        if (unwrittenCompound(concept).isPresent()) {
            return true;
        }
        double term = corpus.closestTerm(concept.text());
        LOG.debug("concept \"{}\": unknown words {}, closest passage {}, closest term {}", concept.text(), unknown, passage, term);
        if (term >= thresholds.termMatch()) {
            return false;
        }
        return !concept.qualifiers().containsAll(unknown) || pulls(concept, unknown, pull);
    }

    /**
     * Whether the concept holds an English compound noun ({@link CompoundNouns}: "search engine", "civil engineering")
     * whose words no passage writes together: though the corpus uses each word, the thing they name is not one it holds.
     * Never for one of the field's own topics as the ontology words them, nor for a hyphenated word, which is one word.
     */
    private Optional<List<String>> unwrittenCompound(Concept concept) {
        if (fieldTopic(concept)) {
            return Optional.empty();
        }
        List<String> words = concept.words();
        for (int size = Math.min(MAX_COMPOUND, words.size()); size >= 2; size--) {
            for (int start = 0; start + size <= words.size(); start++) {
                List<String> phrase = words.subList(start, start + size);
                if (phrase.stream().noneMatch(word -> word.contains("-")) && compounds.isOne(phrase) && corpus.passagesWriting(phrase) == 0) {
                    LOG.debug("concept \"{}\": \"{}\" is one noun, which no passage writes", concept.text(), String.join(" ", phrase));
                    return Optional.of(phrase);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether every word of the concept the corpus does not use is written in lower case letters ("kernel ridge
     * regression"): a name it lacks is said in no other words ({@link #lacksName}).
     */
    private boolean mayBeSaidInOtherWords(String concept) {
        return written(concept).stream().noneMatch(this::lacksName);
    }

    private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s$");

    /** A phrase's words as the question writes them, case kept, without the punctuation around them or a possessive. */
    private static List<String> written(String phrase) {
        List<String> words = new ArrayList<>();
        for (String token : phrase.split("[\\s/]+")) {
            String word = POSSESSIVE.matcher(EDGES.matcher(token).replaceAll("")).replaceAll("");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** Whether a word is written as a name: with a capital letter or a digit ("RWKV", "DeepSeek-V3", "Qwen4", "H100"). */
    private static boolean isName(String word) {
        return !word.equals(word.toLowerCase(Locale.ROOT)) || word.chars().anyMatch(Character::isDigit);
    }

    /** Whether the concept writes this word of it (lower case, as {@link Concept#words} holds it) as a name. */
    private static boolean writtenAsName(Concept concept, String word) {
        return written(concept.text()).stream().anyMatch(w -> Concept.asName(w).equals(word) && isName(w));
    }

    /**
     * Whether a word the question writes as a name names something the corpus never writes, in any spelling: a name
     * near one it writes is another thing ("DeepSeek-V3" beside "DeepSeek-V2", "Qwen4" beside "Qwen3"), however close
     * the two come in meaning, and no clause of a note says it in other words.
     */
    private boolean lacksName(String written) {
        if (!isName(written)) {
            return false;
        }
        String word = Concept.asName(written);
        boolean unknown = (!corpus.uses(word) && !usedInParts(word) && !shortensAUsedWord(word)) || versioned(written);
        return unknown && !writtenOtherwise(word);
    }

    /** A version after a name's hyphen: "3" in "Phi-3", "V3" in "DeepSeek-V3", "3.5" in "GPT-3.5" (not a size: "40B"). */
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*", Pattern.CASE_INSENSITIVE);

    /**
     * Whether a word is a name with a version ("Phi-3", "Llama-4", "DeepSeek-V3"): the corpus may use the name ("phi", a
     * Greek letter in a law) and the number apart, yet hold nothing on that model, so it is held only as written. A
     * version is no number to set aside, as the numbers of "a 128k-context model" are ({@link #usedInParts}); a word in
     * lower case before it is no name ("top-1").
     */
    private static boolean versioned(String written) {
        List<String> parts = List.of(written.split("-"));
        String name = parts.get(0);
        return parts.size() > 1 && !name.isEmpty() && Character.isLetter(name.codePointAt(0)) && !name.equals(name.toLowerCase(Locale.ROOT))
                && parts.subList(1, parts.size()).stream().allMatch(part -> VERSION.matcher(part).matches());
    }

    /** Letters meeting digits inside a word ("gpt4", "llama2"), where its spellings may put a hyphen or a space. */
    private static final Pattern LETTERS_AND_DIGITS = Pattern.compile("(?<=\\p{L})(?=\\p{N})");

    /**
     * Whether some passage writes the name (lower case) in one of its spellings: "stack-v2" as "Stack v2", "gpt4" as
     * "GPT-4", "llama2" as "Llama 2", "open-llama" as "OpenLlama".
     */
    private boolean writtenOtherwise(String name) {
        return corpus.passagesWriting(List.of(name.split("-"))) > 0
                || corpus.passagesWriting(List.of(LETTERS_AND_DIGITS.matcher(name).replaceAll(" ").split("[-\\s]+"))) > 0
                || (name.contains("-") && corpus.uses(name.replace("-", "")));
    }

    /**
     * Whether the word is a unit's short form for a quantity the corpus names ("toks" for tokens, "params" for
     * parameters), wherever the question writes it ("how many training toks at the optimum?" asks about tokens), or
     * another short form of a word the corpus uses ({@link Abbreviations}: "consts", "avg").
     */
    private boolean shortensAUsedWord(String word) {
        return Quantities.shortFor(word).or(() -> Abbreviations.expanded(word)).filter(corpus::uses).isPresent();
    }

    /**
     * Whether a hyphenated word is made of parts the corpus uses, numbers aside ("sub-500M-parameter", "a 128k-context
     * model", "DLRM-style models"): a compound is known when its parts are, as the same words written apart would be
     * ("DLRM style"). A number is never a topic; "gemini-class" stays unknown with "gemini".
     */
    private boolean usedInParts(String word) {
        List<String> parts = List.of(word.split("-"));
        List<String> rest = parts.stream().filter(part -> !Numbers.isNumber(part)).toList();
        return parts.size() > 1 && !rest.isEmpty() && rest.stream().allMatch(corpus::uses);
    }

    /**
     * Whether a word of the concept only {@value #IN_PASSING} passage holds, or none ("gemini-class": its parts never in
     * one passage), pulls the question away from the corpus; never for one of the field's own topics as the ontology
     * words them ("retrieval-augmented generation"), nor for a word its labels write ("snapshots", "VRAM": what the notes
     * on an axis hold, in practitioners' words; in the singular or the plural, see {@link #writtenByLabels}).
     */
    private boolean mentionedInPassing(Concept concept, Set<String> units, Pull pull) {
        if (fieldTopic(concept)) {
            return false;
        }
        List<String> rare = concept.words().stream()
                .filter(word -> !units.contains(word) && !writtenByLabels(word) && held(word) <= IN_PASSING).toList();
        return !rare.isEmpty() && pulls(concept, rare, pull);
    }

    /**
     * How many passages hold a word; for a hyphenated word made of parts the corpus uses ({@link #usedInParts}), how many
     * hold its rarest part, numbers aside: "GPT-style" is as common as "GPT", though no passage writes "GPT style", and
     * "Gemini-class" as rare as "Gemini".
     */
    private int held(String written) {
        String word = POSSESSIVE.matcher(written).replaceAll(""); // "gpt-4's" is held where "gpt-4" is
        if (usedInParts(word) && corpus.passagesHolding(List.of(word)) == 0) {
            return List.of(word.split("-")).stream().filter(part -> !Numbers.isNumber(part)).mapToInt(part -> corpus.passagesHolding(List.of(part)))
                    .min().orElse(0);
        }
        return corpus.passagesHolding(List.of(word));
    }

    /**
     * Whether the ontology's labels write this word, in the singular or the plural ("knob" where a label says "knobs"): a
     * noun's number does not change what it names. Both are folded as the corpus's counts fold them
     * ({@link CorpusStatistics#folded}); other inflections do not count: "spiking" is no "loss spike".
     */
    private boolean writtenByLabels(String word) {
        List<String> folded = corpus.folded(word);
        return !folded.isEmpty() && labelWords.containsAll(folded);
    }

    private boolean pulls(Concept concept, List<String> words, Pull pull) {
        double closer = pull.without(words);
        LOG.debug("concept \"{}\": without {}, the question comes {} closer to its closest note", concept.text(), words, closer);
        return closer >= thresholds.pull();
    }
}
