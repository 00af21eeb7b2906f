package org.scalingatlas.ask;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.scalingatlas.answer.Source;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.laws.LawBook;
import org.scalingatlas.question.Concept;
import org.scalingatlas.question.AskedFor;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the notes an answer cites, from the hits and the concepts the question names. The lead is the note closest in
 * meaning to the question, by its whole text and by its title (notes are titled as questions, so a title close to the
 * question marks the note that answers it); then, for each
 * specific concept the question names, the note that holds it, so that the answer shows what the corpus has on every
 * part it names; the rest follow by fused rank. Notes that match only by a shared word far down the lexical ranking do
 * not make the list.
 */
public final class Citations {

    private static final Logger LOG = LoggerFactory.getLogger(Citations.class);

    /** The most notes an answer cites. */
    static final int SOURCES = 8;
    /** A note found only through one of its papers ranks a little below one found itself. */
    private static final double VIA_PAPER = 0.9;
    /** A source must be this close to the question in meaning, or rank in the top lexical hits. */
    public static final double MIN_SIMILARITY = 0.3;
    private static final int LEXICAL_TOP = 10;
    /** A concept held by at most this share of passages is specific: the answer must show the note that holds it. */
    private static final double SPECIFIC_SHARE = 0.03;
    /** How much less close to the question the note holding its most specific concept may be, and still lead. */
    private static final double AS_CLOSE = 0.05;
    /**
     * The share of a note's closeness to the question that its title gives when choosing the lead, the rest coming from
     * its whole text. On the development half, lead-note accuracy was 0.880 without the title, 0.912 with any share
     * from 0.15 to 0.5, and 0.904 at 0.6; a third is the middle of that plateau.
     */
    static final double TITLE_SHARE = 1.0 / 3;
    /** The closest notes by their whole text that the title may reorder (their titles are read in one index search). */
    private static final int LEAD_CANDIDATES = 10;
    /**
     * What the note the lexical ranking puts first adds to its closeness when choosing the lead: the words of the question
     * meet in it more than in any other, which the embedding of a long question can lose ("For math word problems on a
     * fixed FLOP budget at serving time, am I better off running a 7B model with a clever search over solutions or just
     * calling the 34B sibling once?" was closest in meaning to a note on test-time compute against a 14× larger model,
     * and now leads with the one on tree search in smaller models). Swept on the
     * three development sets (docs/asking.md): leads right 189 of 225 without it, 193 at 0.02 to 0.04, 195 at 0.05, 194
     * at 0.06 and 192 at 0.08; a bonus for the top three lexical hits did no better.
     */
    static final double TOP_LEXICAL_BONUS = 0.05;

    private final Corpus corpus;
    private final HybridIndex index;
    private final PaperNotes paperNotes;
    private final Neighbours neighbours;
    /** The notes that cite each law's eponym ("muennighoff" → the note carrying Muennighoff's law), in corpus order. */
    private final Map<String, List<String>> notesByEponym = new HashMap<>();
    /** The notes that carry a law, in corpus order. */
    private final List<String> lawCarriers = new ArrayList<>();

    public Citations(Corpus corpus, HybridIndex index, PaperNotes paperNotes, Neighbours neighbours) {
        this.corpus = corpus;
        this.index = index;
        this.paperNotes = paperNotes;
        this.neighbours = neighbours;
        Map<String, String> eponyms = new HashMap<>();
        corpus.laws().forEach(law -> eponyms.put(law.id(), LawBook.eponym(law)));
        for (Note note : corpus.notes()) {
            if (!note.laws().isEmpty()) {
                lawCarriers.add(note.id());
            }
            note.laws().stream().map(eponyms::get).filter(java.util.Objects::nonNull).distinct()
                    .forEach(eponym -> notesByEponym.computeIfAbsent(eponym, e -> new ArrayList<>()).add(note.id()));
        }
    }

    /** A paper no note rests on is cited by its abstract, under this key (paper and note ids may coincide). */
    private static final String ABSTRACT = "paper:";

    /**
     * The {@code limit} notes to cite, best first, each with the graph's relations to others. A paper no note rests on
     * yet is cited by its abstract's own sentences (see {@link AbstractQuotes}), like a note.
     *
     * @param vector the question's embedding
     */
    List<Source> choose(String question, float[] vector, List<Hit> hits, List<Concept> named, int limit) {
        Ranked ranked = rank(hits);
        List<Naming> naming = ranked.scores().isEmpty() ? List.of() : notesNaming(named, ranked.scores());
        Set<String> order = new LinkedHashSet<>(lead(question, named, hits, vector, naming, ranked));
        naming.forEach(n -> order.add(n.key()));
        order.addAll(ranked.bestFirst());
        Set<String> holders = naming.stream().map(Naming::key).collect(java.util.stream.Collectors.toSet());
        return order.stream().map(key -> source(key, question, ranked.best().get(key), ranked.scores().getOrDefault(key, 0.0), holders.contains(key)))
                .filter(java.util.Objects::nonNull).limit(limit).toList();
    }

    /**
     * The {@code limit} best-ranked notes that hits reach, not already {@code cited}, that {@code wanted} accepts (notes
     * carrying a law that a calculation the question asks for needs), as sources, best first; then, when no hit reaches
     * enough, the notes carrying the laws the question names by their eponyms ({@code names}: "Kaplan"), which abstracts
     * do not name, and last any note that carries a law. Any hit counts, close in meaning or not: such a note is cited for
     * its law, which {@code wanted} has checked answers the question.
     */
    List<Source> bestRanked(String question, List<Hit> hits, Set<String> cited, Set<String> names, Predicate<Note> wanted, int limit) {
        Ranked ranked = rank(hits, false);
        Set<String> keys = new LinkedHashSet<>();
        ranked.bestFirst().stream().filter(key -> !key.startsWith(ABSTRACT)).forEach(keys::add);
        names.stream().map(LawBook::asEponym).map(notesByEponym::get).filter(java.util.Objects::nonNull).forEach(keys::addAll);
        // then any note that carries a law, in the corpus's order: "step law peak lr for a 3B model on 600B tokens?" is
        // answered by the one law that gives a learning rate, though its words reach no note that carries it
        keys.addAll(lawCarriers);
        return keys.stream().filter(key -> !cited.contains(key)).filter(key -> wanted.test(corpus.note(key).orElseThrow())).limit(limit)
                .map(key -> source(key, question, ranked.best().get(key), ranked.scores().getOrDefault(key, 0.0), false)).toList();
    }

    /** Every citable key a relevant hit reaches, with its best fused score and the hit that gave it. */
    private record Ranked(Map<String, Hit> best, Map<String, Double> scores) {

        /** The keys, highest score first (ties by key, so the order never depends on the hits' order). */
        List<String> bestFirst() {
            return scores.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
        }
    }

    /**
     * The citable keys the relevant hits reach (a hit close in meaning, or high in the lexical ranking), each with its
     * best fused score (notes reached through their paper count for less) and the hit that gave it.
     */
    private Ranked rank(List<Hit> hits) {
        return rank(hits, true);
    }

    /** As {@link #rank(List)}, over every hit when {@code relevantOnly} is {@code false}. */
    private Ranked rank(List<Hit> hits, boolean relevantOnly) {
        Map<String, Hit> best = new LinkedHashMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (Hit hit : hits) {
            boolean relevant = hit.similarity() >= MIN_SIMILARITY || (hit.lexicalRank() > 0 && hit.lexicalRank() <= LEXICAL_TOP);
            if (relevantOnly && !relevant) {
                continue;
            }
            double score = hit.kind() == Passage.Kind.NOTE ? hit.score() : hit.score() * VIA_PAPER;
            for (String key : keys(hit)) {
                if (score > scores.getOrDefault(key, 0.0)) {
                    scores.put(key, score);
                    best.put(key, hit);
                }
            }
        }
        return new Ranked(best, scores);
    }

    /**
     * The keys that lead: those of the note (or paper awaiting one) closest to the question by text and title, after
     * the note holding the question's most specific concept when the closest does not name that concept and the holder
     * is about as close (within {@link #AS_CLOSE}).
     */
    private List<String> lead(String question, List<Concept> named, List<Hit> hits, float[] vector, List<Naming> naming, Ranked ranked) {
        Map<String, Hit> best = ranked.best();
        // Letting the note of the question's most specific concept lead always was tried, and took lead-note accuracy on
        // the development half from 0.83 to 0.63; letting it lead only when the closest note does not name that concept
        // and it is within AS_CLOSE of the closest took it to 0.88 (0.0: 0.82, 0.03: 0.87, 0.1: 0.87, 0.2: 0.82), and
        // the held-out half from 0.81 to 0.85 (measured before the title counted; a holder outside the lead candidates
        // is compared by its text's similarity alone)
        Map<Hit, Double> closeness = closeness(hits, vector);
        if (LOG.isDebugEnabled()) {
            closeness.forEach((hit, value) -> LOG.debug("lead candidate {} {}: text {}, with its title {}", hit.kind().name().toLowerCase(Locale.ROOT),
                    hit.id(), String.format(Locale.ROOT, "%.3f", hit.similarity()), String.format(Locale.ROOT, "%.3f", value)));
            naming.forEach(n -> LOG.debug("specific concept \"{}\" is held by {}", n.concept().text(), n.key()));
        }
        Optional<Hit> closest = closeness.keySet().stream().max(Comparator.comparingDouble(closeness::get));
        if (closest.isEmpty()) {
            return List.of();
        }
        Hit lead = closest.get();
        List<String> keys = new ArrayList<>();
        Hit holder = naming.isEmpty() ? null : best.get(naming.get(0).key());
        List<String> carriers = carriersAskedAbout(question, named);
        if (!carriers.isEmpty()) {
            if (keys(lead).stream().noneMatch(carriers::contains)) {
                carriers.stream().max(Comparator.comparingDouble((String id) -> ranked.scores().getOrDefault(id, 0.0))
                        .thenComparing(Comparator.reverseOrder())).ifPresent(keys::add);
            }
        } else if (holder != null && !keys(lead).contains(naming.get(0).key())
                && closeness.getOrDefault(holder, holder.similarity()) >= closeness.get(lead) - AS_CLOSE
                && !mentions(keys(lead), naming.get(0).concept())) {
            keys.add(naming.get(0).key());
        }
        keys.addAll(keys(lead));
        return keys;
    }

    /**
     * How close each candidate lead (a note, or a paper awaiting one, at least {@link #MIN_SIMILARITY} from the
     * question; the {@value #LEAD_CANDIDATES} closest, and the lexical ranking's first) is to the question: its whole
     * text's similarity, with {@link #TITLE_SHARE} of it taken from its title's instead where the index holds the title's
     * embedding, and {@link #TOP_LEXICAL_BONUS} more for the lexical ranking's first.
     */
    private Map<Hit, Double> closeness(List<Hit> hits, float[] vector) {
        List<Hit> eligible = hits.stream().filter(h -> h.similarity() >= MIN_SIMILARITY && (h.kind() == Passage.Kind.NOTE || awaitsNote(h))).toList();
        Set<Hit> chosen = new LinkedHashSet<>(eligible.stream().sorted(Comparator.comparingDouble(Hit::similarity).reversed()).limit(LEAD_CANDIDATES).toList());
        eligible.stream().filter(Citations::topLexical).forEach(chosen::add);
        List<Hit> candidates = List.copyOf(chosen);
        Map<Passage.Ref, Double> titles = index.titleSimilarities(candidates.stream().map(Citations::ref).toList(), vector);
        Map<Hit, Double> closeness = new LinkedHashMap<>();
        for (Hit hit : candidates) {
            Double title = titles.get(ref(hit));
            double meaning = title == null ? hit.similarity() : (1 - TITLE_SHARE) * hit.similarity() + TITLE_SHARE * title;
            closeness.put(hit, meaning + (topLexical(hit) ? TOP_LEXICAL_BONUS : 0));
        }
        return closeness;
    }

    private static boolean topLexical(Hit hit) {
        return hit.lexicalRank() == 1;
    }

    private static Passage.Ref ref(Hit hit) {
        return new Passage.Ref(hit.kind(), hit.id());
    }

    private boolean awaitsNote(Hit hit) {
        return awaitsNote(hit.kind(), hit.id());
    }

    private boolean awaitsNote(Passage.Kind kind, String id) {
        return kind == Passage.Kind.PAPER && paperNotes.of(kind, id).isEmpty();
    }

    private List<String> keys(Hit hit) {
        return keys(hit.kind(), hit.id());
    }

    /** The notes a passage stands for, or the paper itself when no note rests on it yet. */
    private List<String> keys(Passage.Kind kind, String id) {
        return awaitsNote(kind, id) ? List.of(ABSTRACT + id) : paperNotes.of(kind, id);
    }

    private Source source(String key, String question, Hit hit, double score, boolean holdsNamedConcept) {
        Note note = key.startsWith(ABSTRACT)
                ? corpus.paper(key.substring(ABSTRACT.length())).map(paper -> AbstractQuotes.of(paper, question)).orElse(null)
                : corpus.note(key).orElseThrow();
        if (note == null) {
            return null;
        }
        List<Source.Relation> relations = note.status() == Note.Status.ABSTRACT ? List.of() : neighbours.relations(note.id());
        return new Source(note, score, hit == null ? 0 : hit.similarity(), relations, holdsNamedConcept);
    }

    /**
     * For each concept the question names that only a few passages hold as the question words it (a specific one:
     * "consistency models", not "language models"; nor "Chinchilla loss" from a passage that says "Chinchilla" in one
     * sentence and "loss" in another), most specific first, the note that holds it, or a note resting on the abstract
     * that does. (Counting words scattered through a passage as holding the concept too was the rule until 2026-12-03:
     * requiring them as the question words them left the development half unchanged, took held-out recall@10 from
     * 0.984 to 0.995 and its lead-note accuracy from 0.863 to 0.853, and the fresh questions' from 0.861 to 0.889.)
     */
    private List<Naming> notesNaming(List<Concept> named, Map<String, Double> scores) {
        Map<Concept, HybridIndex.Holding> holding = new LinkedHashMap<>();
        named.forEach(concept -> holding.put(concept, index.holding(concept.words())));
        List<Naming> naming = new ArrayList<>();
        named.stream().filter(c -> holding.get(c).count() == 0).map(c -> byLaw(c, scores)).flatMap(Optional::stream).limit(1).forEach(naming::add);
        named.stream().filter(c -> holding.get(c).count() > 0 && holding.get(c).count() <= SPECIFIC_SHARE * index.size()
                        && holding.get(c).verbatim())
                .sorted(Comparator.comparingInt(c -> holding.get(c).count()))
                .flatMap(c -> keys(holding.get(c).first().kind(), holding.get(c).first().id()).stream().limit(1).map(key -> new Naming(c, key)))
                .forEach(naming::add);
        return naming;
    }

    /**
     * For a name no passage writes that is the name a law goes by ("Muennighoff", "Gadre's": abstracts do not name their
     * authors), the note carrying that law, the best ranked where several do. It is the most specific concept of all
     * (no passage holds it), so it leads as such a holder does: when about as close to the question as the closest note.
     * (Letting it lead whatever its closeness put one held-out lead wrong, 0.853 → 0.842, and no development question
     * names such an author.)
     */
    private Optional<Naming> byLaw(Concept concept, Map<String, Double> scores) {
        return concept.nameAmong(notesByEponym.keySet(), index::uses).map(notesByEponym::get)
                .flatMap(notes -> notes.stream().reduce((best, id) -> scores.getOrDefault(id, 0.0) > scores.getOrDefault(best, 0.0) ? id : best))
                .map(key -> new Naming(concept, key));
    }

    /**
     * A specific concept the question names, and the note (or paper awaiting one) that holds it: in its text, or as the
     * note carrying the law the concept names.
     */
    private record Naming(Concept concept, String key) {
    }

    /**
     * The notes carrying the law the question asks about by its name: "What does Kumar's precision law say about low
     * precision?", "What does the Kaplan law predict for 1e22 FLOPs?" ask what the law says, so a note carrying it
     * answers (the best ranked of them leads, unless the closest note is one), however close other notes come in
     * meaning. The law's name must follow the question's interrogative or verb of estimating
     * ({@link AskedFor#words}), and be one of its proper nouns: "what step size should I use?" does not ask about
     * the Step Law. A name mentioned on the way ("Can small runs predict a model trained past Chinchilla's ratio?") is
     * not asked about. Empty when no law is asked about.
     */
    private List<String> carriersAskedAbout(String question, List<Concept> named) {
        Set<String> names = Concept.names(named);
        return AskedFor.words(question).stream().map(LawBook::asEponym).filter(names::contains).map(notesByEponym::get)
                .filter(java.util.Objects::nonNull).findFirst().orElse(List.of());
    }

    /** Whether the notes a hit stands for name a concept (title or claim, any form of its words). */
    private boolean mentions(List<String> keys, Concept concept) {
        return keys.stream().map(corpus::note).flatMap(java.util.Optional::stream)
                .anyMatch(note -> index.mentions(note.title() + " " + note.claim(), concept.text()));
    }
}
