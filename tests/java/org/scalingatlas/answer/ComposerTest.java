package org.scalingatlas.answer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.coverage.Verdict;
import org.scalingatlas.eval.AnswerChecks;

/**
 * The deterministic composer on hand-made notes and sources (no index, no model, no graph store): the sources carry
 * the relations the way the graph stage gives them, from both ends.
 */
class ComposerTest {

    private static final Verdict ANSWERED = new Verdict.Answered(List.of("compute-optimal allocation"));

    private final Map<String, Paper> papers = new LinkedHashMap<>();

    // ------------------------------------------------------------------ the straight answer

    @Test
    void should_answer_first_with_the_lead_claim_whole_numbers_included() {
        Note lead = note("lead", "How many tokens per parameter is compute-optimal?",
                "Compute-optimal runs grow parameters and tokens alike. That works out to about 20 tokens per parameter, from 400 runs.");
        Answer answer = compose(ANSWERED, List.of(lead, note("other", "Is another note here?", "Another claim. With 7 numbers.")));
        assertEquals("Straight answer: " + lead.title() + " " + lead.claim(), answer.sections().straightAnswer());
        assertTrue(answer.answer().indexOf("20 tokens per parameter") < answer.answer().indexOf("Is another note here?"));
    }

    @Test
    void should_open_the_straight_answer_with_what_the_calculations_answer_when_they_answer_the_question() {
        Note lead = note("lead", "How should a budget be split?", "Parameters and tokens grow alike.");
        Composer composer = new Composer(papers, Map.of(), Set.of());
        List<Source> sources = List.of(new Source(lead, 1.0, 0.5, List.of()));
        String clause = "for your budget of C = 1.00e23 FLOPs, the law the cited notes carry puts the compute-optimal model at 2.84e10 parameters; the calculation follows the answer.";
        Optional<Composer.Computed> computed = Optional.of(new Composer.Computed(clause, true));
        assertEquals("Straight answer: For your budget of C = 1.00e23 FLOPs, the law the cited notes carry puts the compute-optimal model at 2.84e10 parameters; "
                + "the calculation follows the answer. It rests on: " + lead.title() + " " + lead.claim(),
                composer.compose("A question?", ANSWERED, sources, List.of(), computed).sections().straightAnswer());
        String partial = composer.compose("A question?", new Verdict.Partial(List.of("budget"), List.of("TPUs")), sources, List.of(), computed)
                .sections().straightAnswer();
        assertTrue(partial.startsWith("Straight answer first: there is no note in this collection on \u201cTPUs\u201d."), partial);
        assertTrue(partial.endsWith("What it does hold comes closest here: for your budget of C = 1.00e23 FLOPs, the law the cited notes carry puts the "
                + "compute-optimal model at 2.84e10 parameters; the calculation follows the answer. The law comes from: " + lead.title() + " " + lead.claim()), partial);
        assertEquals("Straight answer: " + lead.title() + " " + lead.claim(),
                composer.compose("A question?", ANSWERED, sources, List.of()).sections().straightAnswer(), "nothing computed, nothing added");
        // another cited note carries the law: the answer does not claim to rest on the lead note, which follows as the closest
        assertEquals("Straight answer: For your budget of C = 1.00e23 FLOPs, the law the cited notes carry puts the compute-optimal model at 2.84e10 parameters; "
                + "the calculation follows the answer. The note closest to the question: " + lead.title() + " " + lead.claim(),
                composer.compose("A question?", ANSWERED, sources, List.of(), Optional.of(new Composer.Computed(clause, false))).sections().straightAnswer());
    }

    @Test
    void should_name_the_missing_concept_first_in_a_partial_answer() {
        Verdict partial = new Verdict.Partial(List.of("power laws"), List.of("consistency models"));
        Answer answer = compose(partial, List.of(note("lead", "Do power laws hold?", "They hold over six orders of magnitude.")));
        assertTrue(answer.sections().straightAnswer().startsWith("Straight answer first: there is no note in this collection on \u201cconsistency models\u201d."),
                answer.sections().straightAnswer());
        assertTrue(answer.sections().framing().contains("but nothing on \u201cconsistency models\u201d"), answer.sections().framing());
        assertTrue(answer.sections().straightAnswer().indexOf("consistency models") < answer.sections().straightAnswer().indexOf("Do power laws hold?"));
        assertEquals(List.of("consistency models"), answer.missing());
    }

    // ------------------------------------------------------------------ relations

    @Test
    void should_introduce_notes_by_the_relations_the_graph_records_and_only_those() {
        Note lead = note("lead", "Should compute go mostly to parameters?", "Grow parameters and tokens in equal proportion.",
                new Note.Relation(Note.Relation.Type.DISAGREES, "kaplan", "the definition of N"));
        Note backing = note("backing", "Does a refit agree with the equal split?", "The refit agrees with the equal split.",
                new Note.Relation(Note.Relation.Type.SUPPORTS, "lead"));
        Note refining = note("refining", "Does inference demand change the split?", "Serving cost pushes toward smaller models.",
                new Note.Relation(Note.Relation.Type.REFINES, "lead"));
        Note kaplan = note("kaplan", "Should a budget go to a very large model?", "A very large model stopped early is compute-efficient.");
        Note unrelated = note("unrelated", "Do vision transformers saturate?", "Vision transformers saturate at large scale.");
        Answer answer = compose(ANSWERED, List.of(lead, backing, refining, kaplan, unrelated));
        String text = answer.answer();

        assertTrue(text.contains("Backing it: " + backing.title() + " " + backing.claim()), text);
        assertTrue(text.contains("Refining it: " + refining.title() + " " + refining.claim()), text);
        assertTrue(text.contains("Against it, on the definition of N: " + kaplan.title() + " " + kaplan.claim()), text);
        Answer.Sentence plain = sentenceOf(answer, "unrelated");
        assertEquals(unrelated.title() + " " + unrelated.claim(), plain.text(), "a note the graph relates to none of the others gets no clause");
        assertEquals(1, count(findings(answer), "disagree") + count(findings(answer), "Against"), "one disagreement, said once: " + text);
        assertEquals(List.of("What agrees with it", "Narrower and broader claims", "What disagrees with it"),
                answer.sections().themes().stream().map(Answer.Theme::heading).limit(3).toList());
    }

    @Test
    void should_say_the_two_disagree_without_inventing_why_when_the_notes_do_not_say() {
        Note lead = note("lead", "Does the lead hold?", "It holds.", new Note.Relation(Note.Relation.Type.DISAGREES, "other"));
        Note other = note("other", "Does the other hold instead?", "The other holds instead.");
        String text = findings(compose(ANSWERED, List.of(lead, other)));
        assertTrue(text.contains("Against it, though the notes do not say on what: " + other.title()), text);
        assertFalse(text.contains(" on the "), text);
    }

    @Test
    void should_write_no_relation_clause_between_notes_the_graph_does_not_relate() {
        Note lead = note("lead", "Does the lead hold?", "It holds.");
        Note a = note("a", "Does a hold?", "A holds.");
        Note b = note("b", "Does b hold?", "B holds.");
        // related to an uncited note only: nothing to say about it in this answer
        Note c = note("c", "Does c hold?", "C holds.", new Note.Relation(Note.Relation.Type.DISAGREES, "not-cited", "the data"));
        String text = compose(ANSWERED, List.of(lead, a, b, c), List.of(lead, a, b, c, note("not-cited", "Is it cited?", "No."))).answer();
        for (String word : List.of("Backing", "Refining", "Extending", "Against", "disagree", "builds on", "narrows", "bears out", "the data")) {
            assertFalse(text.contains(word), word + " in: " + text);
        }
    }

    @Test
    void should_name_all_of_a_notes_disagreements_in_one_sentence() {
        Note lead = note("lead", "Does the critical batch size track the token budget?", "It grows in proportion to the token budget.",
                new Note.Relation(Note.Relation.Type.DISAGREES, "by-loss", "whether it follows the loss"),
                new Note.Relation(Note.Relation.Type.DISAGREES, "by-width", "how weight decay scales"));
        Note byLoss = note("by-loss", "Is the critical batch size set by the loss?", "It is set by the loss alone.");
        Note byWidth = note("by-width", "Should weight decay scale with width?", "Weight decay should grow with width.");
        Answer answer = compose(ANSWERED, List.of(lead, byLoss, byWidth));
        List<String> naming = sentences(findings(answer)).stream().filter(s -> s.contains("disagree")).toList();
        assertEquals(List.of("Two notes here disagree with it: on whether it follows the loss and on how weight decay scales."), naming,
                answer.answer());
        assertTrue(answer.answer().contains("On whether it follows the loss: " + byLoss.title()), answer.answer());
        assertTrue(answer.answer().contains("On how weight decay scales: " + byWidth.title()), answer.answer());
    }

    @Test
    void should_follow_a_note_with_one_related_to_it_relative_to_that_note() {
        Note lead = note("lead", "Does coverage keep rising with samples?", "Coverage rises log-linearly over 4 orders of magnitude.");
        Note narrower = note("narrower", "Do majority votes plateau?", "Majority voting stops improving after a few hundred samples.",
                new Note.Relation(Note.Relation.Type.REFINES, "lead"));
        Note against = note("against", "Does pass@N overstate accuracy?", "Many matched answers come from flawed reasoning.",
                new Note.Relation(Note.Relation.Type.DISAGREES, "narrower", "whether matched answers are real accuracy"));
        String text = compose(ANSWERED, List.of(lead, narrower, against)).answer();
        assertTrue(text.contains("Refining it: " + narrower.title()), text);
        assertTrue(text.contains("Against that, on whether matched answers are real accuracy: " + against.title()), text);
        assertTrue(text.indexOf(narrower.title()) < text.indexOf(against.title()));
    }

    // ------------------------------------------------------------------ no repetition

    @Test
    void should_not_write_a_sentence_twice_where_the_old_composer_did() {
        // the old composer ended every disagreement with "..., so read the two together before relying on either.",
        // which the sentence breaker cut after each question title into the same sentence, again and again
        Note lead = note("lead", "Does the lead hold?", "It holds.");
        Note a = note("a", "Does a hold?", "A holds on 3 benchmarks.", new Note.Relation(Note.Relation.Type.DISAGREES, "b"));
        Note b = note("b", "Does b hold?", "B holds on 5 benchmarks.");
        Note c = note("c", "Does c hold?", "C holds on 7 benchmarks.", new Note.Relation(Note.Relation.Type.DISAGREES, "d"),
                new Note.Relation(Note.Relation.Type.DISAGREES, "b"));
        Note d = note("d", "Does d hold?", "D holds on 9 benchmarks.");
        Note.Ceiling plateau = new Note.Ceiling("shared-plateau", "Scores plateau near 60%", "~60%", "constraint problems", "at any size");
        Note e = new Note("e", "Does e plateau?", "E plateaus near 60% of constraints.", null, List.of(support("e")), List.of("parameters"),
                List.of(), List.of(plateau), List.of(), "");
        Note f = new Note("f", "Does f plateau too?", "F plateaus as well.", null, List.of(support("f")), List.of("parameters"),
                List.of(), List.of(new Note.Ceiling("shared-plateau", null, null, null, null), plateau), List.of(), "");
        Answer answer = compose(ANSWERED, List.of(lead, a, b, c, d, e, f));
        assertEquals(List.of(), AnswerChecks.repeatedSentences(answer), answer.answer());
        assertEquals(1, count(answer.answer(), "scores plateau near 60%"), "a ceiling is said once per answer: " + answer.answer());
    }

    @Test
    void should_cite_each_note_once_by_its_question_and_attribute_every_sentence() {
        Note lead = note("lead", "Does the lead hold?", "It holds.", new Note.Relation(Note.Relation.Type.SUPPORTS, "a"),
                new Note.Relation(Note.Relation.Type.DISAGREES, "b", "the data"));
        Note a = note("a", "Does a hold?", "A holds.", new Note.Relation(Note.Relation.Type.EXTENDS, "c"));
        Note b = note("b", "Does b hold?", "B holds.", new Note.Relation(Note.Relation.Type.DISAGREES, "a", "the method"));
        Note c = note("c", "Does c hold?", "C holds.");
        Note d = note("d", "Does d hold?", "D holds.", new Note.Relation(Note.Relation.Type.REFINES, "e"));
        Note e = note("e", "Does e hold?", "E holds.");
        Note f = note("f", "Does f hold?", "F holds.");
        List<Note> notes = List.of(lead, a, b, c, d, e, f);
        Answer answer = compose(ANSWERED, notes);
        String body = answer.answer().substring(answer.answer().indexOf("Straight answer"));
        for (Note note : notes) {
            assertEquals(1, count(body, note.title()), note.title() + " once in: " + body);
        }
        Set<String> cited = answer.notes().stream().map(Answer.SourceNote::id).collect(Collectors.toSet());
        List<Answer.Sentence> sentences = answer.sections().themes().stream().flatMap(t -> t.sentences().stream()).toList();
        assertEquals(notes.size() - 1, sentences.size(), "every note but the lead is one finding: " + sentences);
        for (Answer.Sentence sentence : sentences) {
            assertTrue(cited.contains(sentence.note()), sentence.toString());
            assertTrue(sentence.text().contains(title(notes, sentence.note())), "cited by its question: " + sentence);
        }
    }

    @Test
    void should_keep_the_whole_claim_for_related_notes_and_the_numbers_for_the_rest() {
        Note lead = note("lead", "Does the lead hold?", "It holds.", new Note.Relation(Note.Relation.Type.SUPPORTS, "near"));
        Note near = note("near", "Does the near note hold?", "First it holds. Then it holds again. And a third time.");
        Note far = note("far", "Does the far note hold?", "Its setting is described first. Its finding is 42% better. A remark.");
        Answer answer = compose(ANSWERED, List.of(lead, near, far));
        assertTrue(answer.answer().contains(near.title() + " " + near.claim()), answer.answer());
        assertEquals(far.title() + " Its setting is described first. Its finding is 42% better.", sentenceOf(answer, "far").text());
    }

    @Test
    void should_keep_the_whole_claim_of_a_note_on_the_side_that_holds_what_the_question_names() {
        Note lead = note("lead", "Does the lead hold?", "It holds.");
        Note far = note("far", "Does the far note hold?", "Its method is named first, v2. Its finding is 42% better. A remark.");
        Answer cut = new Composer(papers, Map.of(), Set.of()).compose("A question?", ANSWERED,
                List.of(new Source(lead, 1.0, 0.5, List.of()), new Source(far, 1.0, 0.5, List.of())), List.of());
        assertEquals(far.title() + " Its method is named first, v2.", sentenceOf(cut, "far").text(), "in proportion: a first sentence with a digit");
        Answer whole = new Composer(papers, Map.of(), Set.of()).compose("A question?", ANSWERED,
                List.of(new Source(lead, 1.0, 0.5, List.of()), new Source(far, 1.0, 0.5, List.of(), true)), List.of());
        assertEquals(far.title() + " " + far.claim(), sentenceOf(whole, "far").text());
    }

    @Test
    void should_put_unrelated_notes_past_the_third_axis_under_one_closing_heading() {
        List<String> axes = List.of("lead-axis", "a1", "a2", "a3", "a4", "a5");
        List<Source> sources = new ArrayList<>();
        Map<String, String> labels = new java.util.HashMap<>();
        for (String axis : axes) {
            labels.put(axis, "axis " + axis);
            Note note = new Note("n-" + axis, "Does " + axis + " matter?", "It does, by 10%.", null, List.of(support("n-" + axis)),
                    List.of(axis), List.of(), List.of(), List.of(), "");
            sources.add(new Source(note, 1.0, 0.5, List.of()));
        }
        Answer answer = new Composer(papers, labels, Set.of()).compose("A question?", ANSWERED, sources, List.of());
        List<String> headings = answer.sections().themes().stream().map(Answer.Theme::heading).toList();
        assertEquals(List.of("Axis a1", "Axis a2", "Axis a3", "Further findings"), headings);
        assertEquals(2, answer.sections().themes().get(3).sentences().size(), "both notes past the third axis");
    }

    // ------------------------------------------------------------------ the take-away

    @Test
    void should_take_away_that_the_straight_answer_is_contested_when_cited_notes_disagree_with_it() {
        Note lead = note("lead", "Does the lead hold?", "It holds.", new Note.Relation(Note.Relation.Type.DISAGREES, "a", "the data"),
                new Note.Relation(Note.Relation.Type.SUPPORTS, "c"));
        Note a = note("a", "Does a hold instead?", "A holds.");
        Note b = note("b", "Does b hold instead?", "B holds.", new Note.Relation(Note.Relation.Type.DISAGREES, "lead"));
        Note c = note("c", "Does c agree?", "C agrees.");
        String takeaway = compose(ANSWERED, List.of(lead, a, b, c)).sections().takeaway();
        assertEquals("The thing worth taking away: the straight answer is contested here: two of these notes disagree with it, "
                + "so which holds depends on how closely your setting matches each.", takeaway);
    }

    @Test
    void should_take_away_how_many_notes_back_the_straight_answer_when_none_disagrees() {
        Note lead = note("lead", "Does the lead hold?", "It holds.", new Note.Relation(Note.Relation.Type.SUPPORTS, "uncited"));
        Note a = note("a", "Does a agree?", "A agrees.", new Note.Relation(Note.Relation.Type.SUPPORTS, "lead"));
        Note uncited = note("uncited", "Is it cited?", "No.");
        String takeaway = compose(ANSWERED, List.of(lead, a), List.of(lead, a, uncited)).sections().takeaway();
        assertEquals("The thing worth taking away: the straight answer has one other note behind it here, the firmest ground the "
                + "collection has on this.", takeaway, "a relation to a note the answer does not cite does not count");
    }

    @Test
    void should_take_away_where_the_curves_stop_paying_and_along_which_axes() {
        Note lead = note("lead", "Does the lead hold?", "It holds.");
        Note.Ceiling plateau = new Note.Ceiling("plateau", "Scores plateau near 60%", "~60%", "constraint problems", "at any size");
        Note e = new Note("e", "Does e plateau?", "E plateaus.", null, List.of(support("e")), List.of("parameters"), List.of(),
                List.of(plateau), List.of(), "");
        Note f = new Note("f", "Does f plateau?", "F plateaus.", null, List.of(support("f")), List.of("tokens"), List.of(),
                List.of(new Note.Ceiling("another", "Loss flattens", null, null, null)), List.of(), "");
        String takeaway = compose(ANSWERED, List.of(lead, e, f)).sections().takeaway();
        assertEquals("The thing worth taking away: two of these notes find where their curves stop paying (on model parameters "
                + "and training tokens), so the question is less which exponent applies than where your setting sits against those points.",
                takeaway);
    }

    @Test
    void should_take_away_the_axes_of_the_evidence_when_the_graph_records_nothing_about_the_notes() {
        String takeaway = compose(ANSWERED, List.of(note("lead", "Does the lead hold?", "It holds."), note("a", "Does a hold?", "A holds.")))
                .sections().takeaway();
        assertEquals("The thing worth taking away: the evidence here runs along model parameters, so check whether your own "
                + "setting actually varies it.", takeaway);
    }

    @Test
    void should_refuse_without_themes_or_sources() {
        Answer answer = new Composer(papers, Map.of(), Set.of()).compose("Cake?", new Verdict.Refused("not about scaling", List.of()),
                List.of(), List.of());
        assertEquals("refused", answer.verdict());
        assertEquals(List.of(), answer.sections().themes());
        assertEquals(List.of(), answer.notes());
    }

    // ------------------------------------------------------------------ fakes

    private Note note(String id, String title, String claim, Note.Relation... relations) {
        return new Note(id, title, claim, null, List.of(support(id)), List.of("parameters", "language"), List.of(), List.of(),
                List.of(relations), "");
    }

    private Note.Support support(String noteId) {
        papers.put("paper-" + noteId, new Paper("paper-" + noteId, "Paper " + noteId, "", null, null, null, null, null, null, List.of()));
        return new Note.Support("paper-" + noteId, List.of("An exact sentence."), null);
    }

    private Answer compose(Verdict verdict, List<Note> cited) {
        return compose(verdict, cited, cited);
    }

    /** Sources for the cited notes, each with its relations to any note of the corpus, from both ends, as the graph gives them. */
    private Answer compose(Verdict verdict, List<Note> cited, List<Note> corpus) {
        List<Source> sources = new ArrayList<>();
        for (Note note : cited) {
            List<Source.Relation> relations = new ArrayList<>();
            for (Note other : corpus) {
                for (Note.Relation r : other.relations()) {
                    if (other.id().equals(note.id())) {
                        relations.add(new Source.Relation(r.type(), true, r.noteId(), title(corpus, r.noteId()), r.on()));
                    } else if (r.noteId().equals(note.id())) {
                        relations.add(new Source.Relation(r.type(), false, other.id(), other.title(), r.on()));
                    }
                }
            }
            sources.add(new Source(note, 1.0, 0.5, relations));
        }
        return new Composer(papers, Map.of("parameters", "model parameters", "tokens", "training tokens", "language", "language models"),
                Set.of("language"))
                .compose("A question?", verdict, sources, List.of());
    }

    private static String title(List<Note> notes, String id) {
        return notes.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow().title();
    }

    private static Answer.Sentence sentenceOf(Answer answer, String noteId) {
        return answer.sections().themes().stream().flatMap(t -> t.sentences().stream()).filter(s -> s.note().equals(noteId)).findFirst()
                .orElseThrow();
    }

    /** The findings after the straight answer, without headings, framing or take-away. */
    private static String findings(Answer answer) {
        return answer.sections().themes().stream().flatMap(t -> t.sentences().stream()).map(Answer.Sentence::text)
                .collect(Collectors.joining(" "));
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** The answer's sentences as the evaluation's repeated-sentence check breaks them. */
    private static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator breaker = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        for (String paragraph : text.split("\\n+")) {
            breaker.setText(paragraph);
            for (int start = breaker.first(), end = breaker.next(); end != BreakIterator.DONE; start = end, end = breaker.next()) {
                sentences.add(paragraph.substring(start, end).strip());
            }
        }
        return sentences;
    }
}
