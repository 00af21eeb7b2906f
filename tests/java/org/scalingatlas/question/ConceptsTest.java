package org.scalingatlas.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scalingatlas.nlp.OpenNlpWordClasses;

/** What a question names, with the real tagger: its nouns and their modifiers, never its framing verbs. */
class ConceptsTest {

    private static Concepts concepts;

    @BeforeAll
    static void load() {
        concepts = new Concepts(new OpenNlpWordClasses());
    }

    private static List<String> named(String question) {
        return concepts.of(Question.of(question)).stream().map(Concept::text).toList();
    }

    @Test
    void should_find_the_noun_phrases_with_their_modifiers() {
        assertEquals(List.of("critical batch size", "token budget", "Cerebras systems"),
                named("Does the critical batch size grow with the token budget in the same way when training on Cerebras systems?"));
    }

    @Test
    void should_never_take_a_request_or_framing_verb_for_a_concept() {
        List<String> found = named("Can you recommend and buy me a good laptop?");
        assertEquals(List.of("laptop"), found);
    }

    @Test
    void should_never_take_the_people_around_the_asker_or_a_contraction_for_a_concept() {
        // the tagger reads "I'm" and "anyone" as nouns; a colleague or teammate frames the question, it is not its topic
        assertEquals(List.of("cheap pretraining experiments"), named("I'm running cheap pretraining experiments with a colleague."));
        assertEquals(List.of("Chinchilla-like law"), named("Has anyone fit a Chinchilla-like law?"));
        List<String> people = named("Should we size the model and the dataset the way LLM people do?");
        assertTrue(people.contains("dataset") && people.stream().noneMatch(c -> c.contains("people")), people.toString());
        assertEquals(List.of("video generators", "physics", "situations"),
                named("Will bigger video generators pick up physics in situations they've never seen?"));
        assertEquals(List.of("deployment", "spare compute"), named("The deployment can't take it, but a teammate has spare compute."));
        // a noun's possessive is still the noun
        assertEquals(List.of("Kaplan's law"), named("What does Kaplan's law say?"));
    }

    @Test
    void should_take_the_head_of_what_the_asker_owns_for_the_setting_not_the_topic() {
        List<Concept> found = concepts.of(Question.of("Should our app use many skinny layers, and does depth help my insurance pricing model?"));
        assertEquals(List.of("skinny layers", "depth", "insurance pricing model"), found.stream().map(Concept::text).toList(),
                "a phrase of one owned noun names no concept");
        assertEquals(List.of("insurance", "pricing"), found.get(2).words(), "what kind of model is still the question's topic");
        List<Concept> names = concepts.of(Question.of("Can I fine-tune it on my MacBook for our Shopify storefront?"));
        assertEquals(List.of(List.of("macbook"), List.of("shopify")), names.stream().map(Concept::words).toList(),
                "a name is always a concept, though the noun after it is the setting");
        assertEquals(List.of("studio"), named("Does scaling help the studio?"), "owned by someone else");
    }

    @Test
    void should_keep_a_participle_that_modifies_a_noun() {
        assertEquals(List.of("compute-optimal scaling laws", "language models", "spiking neural networks"),
                named("What are the compute-optimal scaling laws for language models and for spiking neural networks?"));
    }

    @Test
    void should_tell_the_qualifiers_written_in_lower_case_from_the_nouns() {
        List<Concept> found = concepts.of(Question.of("Is a clever search over spiking neural networks better than a Korean chat model?"));
        assertEquals(List.of(List.of("clever"), List.of("spiking", "neural"), List.of()), found.stream().map(Concept::qualifiers).toList(),
                "\"Korean\" is written as a name");
    }

    @Test
    void should_take_a_word_of_letters_then_digits_for_a_name_though_the_tagger_reads_a_number() {
        List<Concept> found = concepts.of(Question.of("We've been given a fixed block of H100 hours for a 7B model on AMD MI300 GPUs."));
        assertEquals(List.of("block", "H100 hours", "model", "AMD MI300 GPUs"), found.stream().map(Concept::text).toList());
        assertEquals(List.of(false, true, false, true), found.stream().map(Concept::name).toList(), "\"7B\" is a number, not a name");
        assertTrue(concepts.of(Question.of("Is l2 better?")).stream().noneMatch(Concept::name), "in lower case, no name");
        assertEquals(List.of("tokens", "GPT-5"), named("How many tokens did GPT-5 see?"), "digits after a hyphen: the tagger reads a symbol");
        assertEquals(List.of("tokens", "Llama-3.1-8B"), named("How many tokens did Llama-3.1-8B see?"));
        assertEquals(List.of("top-1 accuracy"), named("Does top-1 accuracy improve?"), "in lower case, a rank");
    }

    @Test
    void should_take_an_adjective_between_a_determiner_and_a_preposition_for_a_noun() {
        assertEquals(List.of("wearable", "hard RAM cap", "reasoning", "model's memory", "weights"),
                named("On a wearable with a hard RAM cap, should a reasoning model's memory go to weights?"));
        assertEquals(List.of("thin layout"), named("Is a deep and thin layout better than a wide one?"), "adjectives before their noun stay adjectives");
    }

    @Test
    void should_never_take_an_indefinite_pronoun_for_a_concept() {
        assertEquals(List.of("graph-classification dataset", "training"), named("Can I shrink a graph-classification dataset without training on everything first?"));
    }

    @Test
    void should_take_a_capitalised_adjective_for_a_name() {
        assertEquals(List.of("pretraining", "Chinese"), named("Does it hold for a pretraining corpus that is mostly Chinese?")); // "corpus" frames the question
    }

    @Test
    void should_read_a_participle_after_a_noun_as_a_verb() {
        assertEquals(List.of("LLM agents", "tasks", "web"), named("For LLM agents completing tasks on the web, what helps?"));
    }

    @Test
    void should_read_an_ing_word_between_a_singular_noun_and_a_noun_as_part_of_a_compound() {
        // the tagger reads "recruiting" and "learning" as verbs here, which cut "recruiting" out of every concept
        assertEquals("job recruiting platform", named("Does our job recruiting platform need more data?").get(0));
        assertTrue(named("Is our reinforcement learning stage too short?").contains("reinforcement learning stage"));
        // after a plural it is still the verb of a clause
        assertEquals(List.of("LLM agents", "tasks", "web"), named("For LLM agents completing tasks on the web, what helps?"));
    }

    @Test
    void should_read_the_word_after_an_inverting_auxiliary_as_the_start_of_the_subject() {
        // the tagger reads "label" and "export" as the verbs of "does" and "would"; the verbs come after the subject
        assertEquals(List.of("label smoothing", "distillation temperature"), named("How does label smoothing interact with the distillation temperature?"));
        assertEquals(List.of("export controls", "accelerators", "optimal split"), named("How would export controls on accelerators change the optimal split?"));
    }

    @Test
    void should_read_a_noun_after_a_noun_and_before_an_object_as_a_verb() {
        // the tagger reads "push" and "stitch" as nouns, which would make "low-rank weight init push" and "model stitch" topics
        assertEquals(List.of("low-rank weight init", "net"), named("Does low-rank weight init push a net toward lazy training?").subList(0, 2));
        assertEquals(List.of("model", "pieces"), named("Can we have a model stitch the pieces together?"));
        // not where the noun phrase is the subject of "be", nor before "the way"
        assertEquals(List.of("emergent abilities", "artefact", "metric"), named("Are emergent abilities an artefact of the metric?"));
        assertTrue(named("Does tree search scale for chess engines the way it scales for LLMs?").contains("chess engines"));
    }

    @Test
    void should_read_a_noun_right_after_a_subject_pronoun_as_a_verb() {
        // the tagger reads "sample", "scale" and "drop" as nouns here
        assertFalse(named("When I can submit 5 answers, how should I pick them so accuracy improves as I sample more?").contains("sample"));
        assertFalse(named("If we scale a video diffusion model on billiards footage, will it learn collision physics?").contains("scale"));
        assertFalse(named("The recommended size shifts depending on which runs we drop from the fit.").contains("drop"));
        // a plural beside the pronoun is a noun it stands with
        assertTrue(named("Can we statisticians fit power laws on tiny runs?").contains("statisticians"));
    }

    @Test
    void should_read_the_noun_that_ends_the_subject_of_a_question_inverted_with_do_as_its_verb() {
        // the tagger reads "charge", "scale" and "reach" as nouns, which would make "cost model charge" a topic
        assertEquals(List.of("FLOPs", "Kumar", "cost model"), named("How many FLOPs does the Kumar et al. cost model charge for it?"));
        assertEquals(List.of("machine translation quality", "size", "encoder", "decoder"),
                named("How does machine translation quality scale with the size of encoder and decoder?"));
        assertEquals(List.of("loss", "model", "pixel images"), named("What loss does a 100M-parameter model reach on 8-by-8 pixel images?"));
        assertEquals(List.of("loss curves", "models"), named("Do the loss curves of small models bend?"), "a subject may run on with \"of\"");
        assertEquals(List.of("distillation", "backbones", "prompts"), named("Why does the distillation break on some backbones, and how can prompts help?"),
                "a verb in the next clause is not this one's");
        // not before "of"
        assertEquals(List.of("Chinchilla rule", "thumb"), named("Does the Chinchilla rule of thumb still hold?"));
        // after a modal, right after the subject's head
        assertEquals(List.of("loss", "model"), named("What loss should a 300M model reach?"));
        assertEquals(List.of("curves"), named("Can the two curves intersect?"));
    }

    @Test
    void should_never_take_a_number_word_for_part_of_a_concept() {
        assertEquals(List.of("existing public LLMs"), named("Can I fit eighty existing public LLMs?"));
        assertEquals(List.of("code model", "candidates"), named("Can our code model generate tons of candidates?"), "a colloquial amount is a number word too");
        assertEquals(List.of("loss curves"), named("We spend weeks on loss curves."), "a duration says how long, not what");
        assertTrue(named("We have a fixed block of H100 hours.").contains("H100 hours"), "hours measure compute");
    }

    @Test
    void should_never_take_a_citations_et_al_for_a_concept() {
        assertFalse(named("What does the kumar et al cost model give?").stream().anyMatch(c -> c.contains("al")), named("What does the kumar et al cost model give?").toString());
        assertFalse(named("What do Gadre et al. predict for over-trained models?").contains("al"));
    }

    @Test
    void should_never_take_a_noun_that_weighs_a_choice_for_a_concept() {
        assertEquals(List.of("tiny transformers"), named("What are the catches with tiny transformers?"));
        assertEquals(List.of("MaMMUT", "CLIP"), named("Is MaMMUT or CLIP the better bet?"));
        assertEquals(List.of("low-bit training"), named("Any tips, pitfalls or downsides for low-bit training?"));
    }

    @Test
    void should_name_nothing_in_a_question_without_nouns() {
        assertEquals(List.of(), named("Why?"));
    }

    @Test
    void should_tag_with_a_fake_tagger_too() {
        Concepts fake = new Concepts(words -> words.stream().map(w -> w.equals("Swahili") ? WordClasses.WordClass.PROPER_NOUN
                : w.equals("quality") ? WordClasses.WordClass.NOUN : WordClasses.WordClass.OTHER).toList());
        List<Concept> found = fake.of(Question.of("What about quality in Swahili?"));
        assertEquals(List.of(new Concept("quality", List.of("quality"), false), new Concept("Swahili", List.of("swahili"), true)), found,
                "a proper noun makes a name");
    }
}
