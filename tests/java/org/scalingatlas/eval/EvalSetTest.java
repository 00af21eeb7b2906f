package org.scalingatlas.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;

/**
 * The generalisation evaluation set ({@link EvalSet#DEV}, {@link EvalSet#TEST}, and the later {@link EvalSet#DEV2},
 * {@link EvalSet#FRESH}, {@link EvalSet#FRESH2}, {@link EvalSet#FRESH3}, {@link EvalSet#FRESH4}, {@link EvalSet#FRESH5}, {@link EvalSet#FRESH6} and {@link EvalSet#FRESH7}) as
 * data: it parses, refers only to records of the corpus, covers every note, keeps paraphrases away from note titles and
 * follows its split rule. Reads the files and the corpus only; it does not build the assistant.
 */
class EvalSetTest {

    private static final List<String> CLASSES = List.of("answered", "partial", "refused");
    private static final int MIN_TOTAL = 300;
    private static final int MIN_PARTIAL = 45;
    private static final int MIN_REFUSED = 45;
    private static final double MIN_SHARE = 0.40;
    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    private static List<EvalQuestion> dev;
    private static List<EvalQuestion> test;
    private static List<EvalQuestion> later;
    private static List<EvalQuestion> added;
    private static List<EvalQuestion> carried;
    private static Set<String> carriedTexts;
    private static Corpus corpus;
    private static Map<String, Note> notes;

    @BeforeAll
    static void load() {
        dev = EvalSet.load(EvalSet.DEV);
        test = EvalSet.load(EvalSet.TEST);
        later = new ArrayList<>(EvalSet.load(EvalSet.FRESH));
        later.addAll(EvalSet.load(EvalSet.FRESH2));
        later.addAll(EvalSet.load(EvalSet.FRESH3));
        later.addAll(EvalSet.load(EvalSet.FRESH4));
        later.addAll(EvalSet.load(EvalSet.FRESH5));
        later.addAll(EvalSet.load(EvalSet.FRESH6));
        later.addAll(EvalSet.load(EvalSet.FRESH7));
        added = new ArrayList<>(EvalSet.load(EvalSet.DEV2));
        added.addAll(EvalSet.load(EvalSet.DEV3));
        added.addAll(EvalSet.load(EvalSet.DEV4));
        carried = EvalSet.load(EvalSet.DEFAULT);
        carriedTexts = carried.stream().map(EvalQuestion::question).collect(Collectors.toSet());
        corpus = Corpus.load(Path.of("corpus"));
        assertTrue(corpus.problems().isEmpty(), "corpus problems: " + corpus.problems());
        notes = new HashMap<>();
        corpus.notes().forEach(n -> notes.put(n.id(), n));
    }

    private static List<EvalQuestion> both() {
        List<EvalQuestion> all = new ArrayList<>(dev);
        all.addAll(test);
        return all;
    }

    /** Both halves, the development questions added later and the fresh questions: what every question of the project must satisfy. */
    private static List<EvalQuestion> every() {
        List<EvalQuestion> all = both();
        all.addAll(added);
        all.addAll(later);
        return all;
    }

    private static List<EvalQuestion> notCarried(List<EvalQuestion> questions) {
        return questions.stream().filter(q -> !carriedTexts.contains(q.question())).toList();
    }

    private static long count(List<EvalQuestion> questions, String kind) {
        return questions.stream().filter(q -> q.expected().equals(kind)).count();
    }

    @Test
    void should_parse_both_files() {
        assertFalse(dev.isEmpty());
        assertFalse(test.isEmpty());
        assertTrue(dev.size() + test.size() >= MIN_TOTAL, "questions " + (dev.size() + test.size()));
    }

    @Test
    void should_refer_only_to_papers_and_notes_of_the_corpus() {
        Set<String> paperIds = corpus.papers().stream().map(Paper::id).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (EvalQuestion q : every()) {
            q.papers().stream().filter(p -> !paperIds.contains(p)).forEach(p -> unknown.add("paper " + p + " in: " + q.question()));
            q.notes().stream().filter(n -> !notes.containsKey(n)).forEach(n -> unknown.add("note " + n + " in: " + q.question()));
        }
        assertEquals(List.of(), unknown);
    }

    @Test
    void should_give_every_note_an_answered_question_citing_its_papers() {
        Set<String> leads = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (EvalQuestion q : notCarried(both())) {
            if (!q.expected().equals("answered")) {
                continue;
            }
            leads.addAll(q.notes());
            if (q.notes().isEmpty()) {
                wrong.add("no lead note: " + q.question());
                continue;
            }
            Set<String> papers = q.notes().stream().flatMap(n -> notes.get(n).papers().stream())
                    .map(Note.Support::paperId).collect(Collectors.toCollection(TreeSet::new));
            if (!papers.equals(new TreeSet<>(q.papers()))) {
                wrong.add("papers " + q.papers() + " are not those of the notes " + papers + ": " + q.question());
            }
        }
        Set<String> uncovered = new TreeSet<>(notes.keySet());
        uncovered.removeAll(leads);
        assertEquals(Set.of(), uncovered, "notes with no answered question");
        assertEquals(List.of(), wrong);
    }

    @Test
    void should_give_the_fresh_questions_every_class_with_leads_and_their_papers() {
        assertTrue(count(later, "answered") >= 60 && count(later, "partial") >= 20 && count(later, "refused") >= 20,
                "fresh: " + count(later, "answered") + " answered, " + count(later, "partial") + " partial, " + count(later, "refused") + " refused");
        for (EvalQuestion q : later) {
            if (q.expected().equals("answered")) {
                assertFalse(q.notes().isEmpty(), "no lead note: " + q.question());
                Set<String> papers = q.notes().stream().flatMap(n -> notes.get(n).papers().stream())
                        .map(Note.Support::paperId).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(papers, new TreeSet<>(q.papers()), "the papers of its notes: " + q.question());
            }
        }
    }

    @Test
    void should_give_the_added_development_questions_leads_and_their_papers() {
        assertTrue(count(added, "answered") >= 100 && count(added, "partial") >= 70, "added: " + count(added, "answered") + " answered, "
                + count(added, "partial") + " partial");
        for (EvalQuestion q : added) {
            assertFalse(q.notes().isEmpty(), "no lead note: " + q.question());
            Set<String> papers = q.notes().stream().flatMap(n -> notes.get(n).papers().stream())
                    .map(Note.Support::paperId).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(papers.containsAll(q.papers()), "papers not of its notes: " + q.question());
        }
    }

    @Test
    void should_carry_the_tuned_questions_into_dev_unchanged() {
        Map<String, EvalQuestion> byText = new HashMap<>();
        dev.forEach(q -> byText.put(q.question(), q));
        for (EvalQuestion old : carried) {
            EvalQuestion now = byText.get(old.question());
            assertTrue(now != null, "not carried into dev: " + old.question());
            assertEquals(old.expected(), now.expected(), old.question());
            assertEquals(old.papers(), now.papers(), old.question());
            assertEquals(old.missing(), now.missing(), old.question());
        }
        assertTrue(test.stream().noneMatch(q -> carriedTexts.contains(q.question())), "a tuned-on question is in test");
    }

    @Test
    void should_hold_the_minimum_counts_per_class_and_split_them_evenly() {
        List<EvalQuestion> untuned = notCarried(both());
        assertTrue(count(untuned, "answered") >= notes.size(), "answered " + count(untuned, "answered"));
        assertTrue(count(untuned, "partial") >= MIN_PARTIAL, "partial " + count(untuned, "partial"));
        assertTrue(count(untuned, "refused") >= MIN_REFUSED, "refused " + count(untuned, "refused"));
        for (String kind : CLASSES) {
            long all = count(untuned, kind);
            for (List<EvalQuestion> half : List.of(notCarried(dev), notCarried(test))) {
                assertTrue(count(half, kind) >= MIN_SHARE * all, kind + ": " + count(half, kind) + " of " + all + " in one half");
            }
        }
    }

    @Test
    void should_not_repeat_a_question() {
        Set<String> seen = new HashSet<>();
        List<String> twice = every().stream().map(EvalQuestion::question).filter(q -> !seen.add(q)).toList();
        assertEquals(List.of(), twice);
    }

    @Test
    void should_paraphrase_the_lead_note_title() {
        List<String> copied = new ArrayList<>();
        for (EvalQuestion q : notCarried(every())) {
            if (!q.expected().equals("answered")) {
                continue;
            }
            Set<String> runs = runs(q.question());
            for (String id : q.notes()) {
                Set<String> shared = new TreeSet<>(runs(notes.get(id).title()));
                shared.retainAll(runs);
                if (!shared.isEmpty()) {
                    copied.add(shared + " from " + id + " in: " + q.question());
                }
            }
        }
        assertEquals(List.of(), copied);
    }

    @Test
    void should_name_what_is_missing_in_every_partial_question() {
        Set<String> concepts = new HashSet<>();
        for (EvalQuestion q : every()) {
            if (!q.expected().equals("partial")) {
                continue;
            }
            assertTrue(q.missing() != null && !q.missing().isBlank(), "no missing: " + q.question());
            assertTrue(q.question().toLowerCase(Locale.ROOT).contains(q.missing().toLowerCase(Locale.ROOT)),
                    "'" + q.missing() + "' is not in the user's words: " + q.question());
            assertTrue(concepts.add(q.missing().toLowerCase(Locale.ROOT)), "concept used twice: " + q.missing());
        }
        assertTrue(every().stream().filter(q -> !q.expected().equals("partial")).allMatch(q -> q.missing() == null),
                "only partial questions name a missing part");
    }

    /** The split rule written at the top of both files: stratified by class, alternating in SHA-256 order. */
    @Test
    void should_follow_the_split_rule() {
        Set<String> inDev = notCarried(dev).stream().map(EvalQuestion::question).collect(Collectors.toSet());
        for (String kind : CLASSES) {
            List<String> ranked = notCarried(both()).stream().filter(q -> q.expected().equals(kind)).map(EvalQuestion::question)
                    .sorted(Comparator.comparing(EvalSetTest::sha256)).toList();
            for (int rank = 0; rank < ranked.size(); rank++) {
                String q = ranked.get(rank);
                assertEquals(rank % 2 == 0, inDev.contains(q), kind + " rank " + rank + " in the wrong half: " + q);
            }
        }
    }

    @Test
    void should_ask_calculation_questions_of_the_corpus_s_laws_and_split_them_by_rule() {
        List<CalculationQuestion> calcDev = EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV);
        List<CalculationQuestion> calcTest = EvalSet.loadCalculations(EvalSet.CALCULATIONS_TEST);
        assertTrue(calcDev.size() >= 40 && calcTest.size() >= 35, calcDev.size() + " and " + calcTest.size() + " calculation questions");
        Map<String, org.scalingatlas.corpus.Law> laws = corpus.laws().stream().collect(Collectors.toMap(org.scalingatlas.corpus.Law::id, law -> law));
        Set<String> texts = new HashSet<>();
        List<CalculationQuestion> later = concat(concat(EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV2), EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV3)),
                concat(EvalSet.loadCalculations(EvalSet.CALCULATIONS_FRESH), EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV4)));
        later = concat(later, concat(EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV5), EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV6)));
        later = concat(later, concat(EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV7), EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV8)));
        later = concat(later, concat(EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV9), EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV10)));
        later = concat(later, EvalSet.loadCalculations(EvalSet.CALCULATIONS_DEV11));
        for (Path fresh : EvalSet.CALCULATIONS_FRESH_LATER) {
            later = concat(later, EvalSet.loadCalculations(fresh));
        }
        for (CalculationQuestion q : concat(concat(calcDev, calcTest), later)) {
            assertTrue(texts.add(q.question()), "asked twice: " + q.question());
            org.scalingatlas.corpus.Law law = laws.get(q.law());
            assertTrue(law != null, "no law " + q.law() + ": " + q.question());
            Set<String> outputs = law.outputs().stream().map(org.scalingatlas.corpus.Law.Output::name).collect(Collectors.toSet());
            if (law.optimal() != null) {
                outputs.addAll(List.of("N_opt", "D_opt", "C", "tokens_per_parameter"));
            }
            assertTrue(outputs.contains(q.asks()), q.law() + " gives no " + q.asks() + ": " + q.question());
            q.constants().forEach(set -> assertTrue(law.constantSet(set).isPresent(), q.law() + " has no constant set " + set + ": " + q.question()));
            q.settings().forEach(setting -> setting.values().forEach(v -> assertTrue(v >= 0 && Double.isFinite(v), q.question())));
        }
        // within the comparing and the single-setting questions, sorted by SHA-256, alternately into the two halves
        Set<String> inDev = calcDev.stream().map(CalculationQuestion::question).collect(Collectors.toSet());
        for (boolean comparing : List.of(true, false)) {
            List<String> ranked = concat(calcDev, calcTest).stream().filter(q -> q.compare().isEmpty() != comparing).map(CalculationQuestion::question)
                    .sorted(Comparator.comparing(q -> sha256("calculations-2026-12-04:" + q))).toList();
            for (int rank = 0; rank < ranked.size(); rank++) {
                assertEquals(rank % 2 == 0, inDev.contains(ranked.get(rank)), "rank " + rank + " in the wrong half: " + ranked.get(rank));
            }
        }
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static Set<String> runs(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        Set<String> runs = new LinkedHashSet<>();
        for (int i = 0; i + 4 <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + 4)));
        }
        return runs;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
