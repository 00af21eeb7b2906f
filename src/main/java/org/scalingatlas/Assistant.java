package org.scalingatlas;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.answer.Answer;
import org.scalingatlas.answer.CalculationProse;
import org.scalingatlas.answer.Composer;
import org.scalingatlas.answer.LlmComposer;
import org.scalingatlas.answer.Source;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.coverage.CoverageJudge;
import org.scalingatlas.coverage.Verdict;
import org.scalingatlas.graph.KnowledgeGraph;
import org.scalingatlas.graph.Trace;
import org.scalingatlas.laws.Calculation;
import org.scalingatlas.laws.InlineCalculations;
import org.scalingatlas.question.Concept;
import org.scalingatlas.question.Concepts;
import org.scalingatlas.question.Quantities;
import org.scalingatlas.question.Question;
import org.scalingatlas.question.Topic;
import org.scalingatlas.question.Topics;
import org.scalingatlas.retrieve.Hit;
import org.scalingatlas.retrieve.HybridIndex;
import org.scalingatlas.retrieve.Passage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a question from the corpus: question → retrieve → graph → coverage → answer → laws. The only place that knows the order. */
public final class Assistant {

    private static final Logger LOG = LoggerFactory.getLogger(Assistant.class);
    /** How many passages each ranker contributes before fusion. */
    private static final int DEPTH = 40;
    /** The most notes an answer cites. */
    private static final int SOURCES = 8;
    private static final int NEXT = 4;
    /** A note found only through one of its papers ranks a little below one found itself. */
    private static final double VIA_PAPER = 0.9;
    /** A source must be this close to the question in meaning, or rank in the top lexical hits. */
    private static final double MIN_SIMILARITY = 0.3;
    private static final int LEXICAL_TOP = 10;
    /** A concept held by at most this share of passages is specific: the answer must show the note that holds it. */
    private static final double SPECIFIC_SHARE = 0.03;

    private final Corpus corpus;
    private final HybridIndex index;
    private final CoverageJudge judge;
    private final Concepts concepts;
    private final Composer composer;
    private final LlmComposer llm;
    private final InlineCalculations calculations;
    private final Map<String, List<String>> notesByPaper = new HashMap<>();
    /** The axes directly under the scheme's scaling axes: a shared one makes two notes neighbours (a domain does not). */
    private final java.util.Set<String> scalingAxes;
    /** Each note's related notes, read from the graph once: relations change only with the corpus. */
    private final Map<String, List<Trace.Neighbour>> related;

    /** @param llm the optional LLM composer, or {@code null} for the deterministic answer alone */
    public Assistant(Corpus corpus, HybridIndex index, KnowledgeGraph graph, CoverageJudge judge, Concepts concepts, Composer composer, LlmComposer llm,
            InlineCalculations calculations) {
        this.concepts = concepts;
        this.llm = llm;
        this.calculations = calculations;
        this.corpus = corpus;
        this.index = index;
        this.judge = judge;
        this.composer = composer;
        corpus.notes().forEach(n -> n.paperIds().forEach(p -> notesByPaper.computeIfAbsent(p, k -> new ArrayList<>()).add(n.id())));
        this.related = graph.allNeighbours();
        this.scalingAxes = graph.axisLabels().stream().filter(a -> "scaling-axes".equals(a.broader())).map(Trace.AxisLabel::id)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    public Answer ask(String text) {
        long started = System.nanoTime();
        Question question = Question.of(text);
        List<Topic> topics = Topics.of(question);
        float[] vector = index.embed(question.text());
        List<Hit> hits = retrieve(topics, vector);
        List<Concept> named = concepts.of(question);
        Verdict verdict = judge.judge(named, vector);
        Map<String, List<Trace.Neighbour>> near = new HashMap<>();
        List<Source> sources = sources(hits, notesNaming(named), SOURCES, near);
        verdict = judge.reconcile(verdict, sources.stream().map(source -> source.note().title() + " " + source.note().claim()).toList());
        if (sources.isEmpty() && !(verdict instanceof Verdict.Refused)) {
            verdict = new Verdict.Refused("no note in the corpus is close enough to this question", verdict.missing());
        }
        Answer answer = composer.compose(question.text(), verdict, sources, verdict instanceof Verdict.Refused ? List.of() : next(sources, hits, near));
        List<Calculation> runs = verdict instanceof Verdict.Refused ? List.of() : laws(question, sources);
        answer = answer.withCalculations(runs, CalculationProse.of(runs));
        if (llm != null && !(verdict instanceof Verdict.Refused)) {
            answer = llm.rewrite(answer);
        }
        LOG.info("ask: {} topics, {} hits, {} sources, {} calculations, verdict {} in {} ms", topics.size(), hits.size(), sources.size(),
                runs.size(), verdict.name(), (System.nanoTime() - started) / 1_000_000);
        return answer;
    }

    /** The laws the cited notes carry, run with the question's numbers or as worked examples. */
    private List<Calculation> laws(Question question, List<Source> sources) {
        List<Calculation.Given> given = Quantities.of(question.text()).stream().map(q -> new Calculation.Given(q.kind(), q.value())).toList();
        List<Calculation.CitedNote> cited = sources.stream().map(Source::note)
                .map(n -> new Calculation.CitedNote(n.id(), n.title(), n.paperIds(), n.laws())).toList();
        return calculations.forAnswer(given, Quantities.asksForAllocation(question.text()), cited);
    }

    private List<Trace.Neighbour> relatedTo(String noteId) {
        return related.getOrDefault(noteId, List.of());
    }

    /**
     * Which candidates share a ceiling, a law or a scaling axis with a note, each with how, ordered by how and id.
     * Looked up per candidate, so the cost does not grow with the corpus (a law or an axis can be shared by much of it).
     */
    private List<Trace.Neighbour> sharing(Note note, List<String> candidates) {
        java.util.Set<String> ceilings = note.ceilings().stream().map(Note.Ceiling::id).collect(java.util.stream.Collectors.toSet());
        List<Trace.Neighbour> shared = new ArrayList<>();
        for (String id : candidates) {
            Note other = corpus.note(id).orElse(null);
            if (other == null || other.id().equals(note.id())) {
                continue;
            }
            if (other.ceilings().stream().anyMatch(c -> ceilings.contains(c.id()))) {
                shared.add(new Trace.Neighbour(id, "shares a ceiling"));
            }
            if (other.laws().stream().anyMatch(note.laws()::contains)) {
                shared.add(new Trace.Neighbour(id, "cites the same law"));
            }
            if (other.axes().stream().anyMatch(a -> scalingAxes.contains(a) && note.axes().contains(a))) {
                shared.add(new Trace.Neighbour(id, "shares an axis"));
            }
        }
        shared.sort(Comparator.comparing(Trace.Neighbour::via).thenComparing(Trace.Neighbour::id));
        return shared;
    }

    /** The {@code k} best notes for a question, by the same ranking {@link #ask} cites from (for evaluation). */
    public List<Source> rank(String text, int k) {
        Question question = Question.of(text);
        return sources(retrieve(Topics.of(question), index.embed(question.text())), notesNaming(concepts.of(question)), k, new HashMap<>());
    }

    /** BM25 over the question's topic words (not its framing: "should", "rather than"), vectors over the whole question. */
    private List<Hit> retrieve(List<Topic> topics, float[] vector) {
        String words = topics.stream().map(Topic::text).collect(java.util.stream.Collectors.joining(" "));
        return index.search(words, vector, null, DEPTH);
    }

    /**
     * The notes to cite: notes retrieved themselves or through their papers, with their tensions. The lead is the note
     * closest in meaning to the question (notes are titled as questions, so this is the one that answers it); then the
     * note holding each specific concept the question names ({@code named}), so that the answer shows what the corpus
     * has on every part it names; the rest follow by fused rank. Each cited note's graph neighbours are looked up once,
     * into {@code near}, for the next lines to reuse.
     */
    private List<Source> sources(List<Hit> hits, List<String> named, int limit, Map<String, List<Trace.Neighbour>> near) {
        Map<String, Hit> best = new LinkedHashMap<>();
        Map<String, Double> scores = new HashMap<>();
        String lead = hits.stream().filter(h -> h.kind() == Passage.Kind.NOTE && h.similarity() >= MIN_SIMILARITY)
                .max(Comparator.comparingDouble(Hit::similarity)).map(Hit::id).orElse(null);
        for (Hit hit : hits) {
            boolean relevant = hit.similarity() >= MIN_SIMILARITY || (hit.lexicalRank() > 0 && hit.lexicalRank() <= LEXICAL_TOP);
            if (!relevant) {
                continue;
            }
            List<String> noteIds = hit.kind() == Passage.Kind.NOTE ? List.of(hit.id()) : notesByPaper.getOrDefault(hit.id(), List.of());
            double score = hit.kind() == Passage.Kind.NOTE ? hit.score() : hit.score() * VIA_PAPER;
            for (String noteId : noteIds) {
                if (score > scores.getOrDefault(noteId, 0.0)) {
                    scores.put(noteId, score);
                    best.put(noteId, hit);
                }
            }
        }
        // the closest note leads; letting the note of the question's most specific concept lead instead was tried, and
        // took lead-note accuracy on the development half from 0.83 to 0.63
        java.util.LinkedHashSet<String> order = new java.util.LinkedHashSet<>();
        if (lead != null) {
            order.add(lead);
        }
        if (!scores.isEmpty()) {
            order.addAll(named);
        }
        scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> order.add(e.getKey()));
        return order.stream().limit(limit)
                .map(id -> {
                    Note note = corpus.note(id).orElseThrow();
                    List<Source.Tension> tensions = near.computeIfAbsent(note.id(), this::relatedTo).stream()
                            .filter(n -> n.via().equals("disagrees"))
                            .map(n -> new Source.Tension(n.id(), corpus.note(n.id()).map(Note::title).orElse(n.id()))).toList();
                    Hit hit = best.get(id);
                    return new Source(note, scores.getOrDefault(id, 0.0), hit == null ? 0 : hit.similarity(), tensions);
                })
                .toList();
    }

    /**
     * For each concept the question names that only a few passages hold (a specific one: "consistency models", not
     * "language models"), the note that holds it, or a note resting on the abstract that does.
     */
    private List<String> notesNaming(List<Concept> named) {
        List<String> notes = new ArrayList<>();
        Map<Concept, Integer> holding = new LinkedHashMap<>();
        named.forEach(concept -> holding.put(concept, index.passagesHolding(concept.words())));
        List<Concept> specific = named.stream().filter(c -> holding.get(c) > 0 && holding.get(c) <= SPECIFIC_SHARE * index.size())
                .sorted(Comparator.comparingInt(holding::get)).toList();
        for (Concept concept : specific) {
            for (Passage.Ref ref : index.passagesHolding(concept.words(), 1)) {
                notes.addAll(ref.kind() == Passage.Kind.NOTE ? List.of(ref.id()) : notesByPaper.getOrDefault(ref.id(), List.of()).stream().limit(1).toList());
            }
        }
        return notes;
    }

    /**
     * Questions to ask next: notes related to the sources, and retrieved notes that share a ceiling, law or axis with
     * one (ranked by retrieval), then the next retrieved notes.
     */
    private List<Answer.NextLine> next(List<Source> sources, List<Hit> hits, Map<String, List<Trace.Neighbour>> near) {
        Map<String, Double> rank = new HashMap<>();
        hits.forEach(h -> (h.kind() == Passage.Kind.NOTE ? List.of(h.id()) : notesByPaper.getOrDefault(h.id(), List.of()))
                .forEach(id -> rank.merge(id, h.score(), Math::max)));
        List<String> cited = sources.stream().map(s -> s.note().id()).toList();
        List<String> retrieved = rank.keySet().stream().filter(id -> !cited.contains(id)).sorted().toList();
        Map<String, String> candidates = new LinkedHashMap<>();
        for (Source source : sources) {
            List<Trace.Neighbour> neighbours = new ArrayList<>(near.computeIfAbsent(source.note().id(), this::relatedTo));
            neighbours.addAll(sharing(source.note(), retrieved));
            for (Trace.Neighbour neighbour : neighbours) {
                if (!cited.contains(neighbour.id())) {
                    candidates.putIfAbsent(neighbour.id(), neighbour.via());
                }
            }
        }
        List<String> ordered = new ArrayList<>(candidates.keySet());
        ordered.sort(Comparator.comparingDouble((String id) -> -rank.getOrDefault(id, 0.0)).thenComparing(id -> id));
        List<Answer.NextLine> next = new ArrayList<>();
        for (String id : ordered) {
            if (next.size() == NEXT) {
                break;
            }
            next.add(new Answer.NextLine(corpus.note(id).orElseThrow().title(), id, candidates.get(id)));
        }
        rank.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> !cited.contains(e.getKey()) && !candidates.containsKey(e.getKey()))
                .limit(Math.max(0, 3 - next.size()))
                .forEach(e -> next.add(new Answer.NextLine(corpus.note(e.getKey()).orElseThrow().title(), e.getKey(), "retrieved")));
        return next;
    }
}
