package org.scalingatlas.laws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.CorpusException;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.LawFile;
import org.scalingatlas.nlp.EnglishStems;

/** Which constant set a calculation runs: the one the question names, else the cited note's refit, else the law's first. */
class ConstantSetChoiceTest {

    private static final String LAW = """
            ---
            id: x
            name: x
            paper: own
            inputs: [{symbol: N, name: size, unit: parameters}]
            outputs: [{name: loss, formula: "A / N", unit: "nats"}]
            constants:
              - {id: language, label: "language", provenance: V-paper, values: {A: 1}, aliases: ["language", "text"]}
              - {id: image-32x32, label: "images at 32x32", provenance: V-paper, values: {A: 2}, aliases: ["32x32 image", "image"]}
              - {id: image-vq-32x32, label: "VQ images at 32x32", provenance: V-paper, values: {A: 3}, aliases: ["VQ 32x32 image", "VQ image", "image"]}
              - {id: video-vq-16x16x16, label: "VQ video", provenance: V-paper, values: {A: 4}, aliases: ["video"]}
              - {id: text-to-image-image, label: "captioned images", provenance: V-paper, values: {A: 5}, aliases: ["text to image", "text to image image"]}
              - {id: text-to-image-text, label: "captions of images", provenance: V-paper, values: {A: 8}, aliases: ["text to image text"]}
              - {id: image-to-text-text, label: "captions", provenance: V-paper, values: {A: 6}, aliases: ["image to text", "captioning"]}
              - {id: c4, label: "fitted on C4", provenance: V-repro, paper: other, values: {A: 7}}
            ---
            """;

    private static final Law DOMAINS = LawFile.parse(Path.of("x.md"), LAW);
    /** The fixture's sets, each alias word matched in its own form only. */
    private static final ConstantSetChoice SETS = new ConstantSetChoice(new LawBook(List.of(DOMAINS)), UnaryOperator.identity(), Map.of());

    /** The id of the set of the law that the question names to this choice, if any. */
    private static Optional<String> named(ConstantSetChoice sets, Law law, String question) {
        return sets.named(law, Asked.of(question, Set.of()).sequence()).map(Law.ConstantSet::id);
    }

    private static Optional<String> named(String question) {
        return named(SETS, DOMAINS, question);
    }

    @Test
    void should_read_a_sets_aliases_and_refuse_an_empty_one() {
        assertEquals(List.of("32x32 image", "image"), DOMAINS.constantSets().get(1).aliases());
        assertEquals(List.of(), DOMAINS.constantSets().get(7).aliases(), "optional");
        assertTrue(DOMAINS.prose().contains("VQ 32x32 image"), "what the law says in words names the data its sets were fitted on");
        assertTrue(assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("x.md"), LAW.replace("[\"video\"]", "[\" \"]"))).getMessage()
                .contains("constant set video-vq-16x16x16 has an empty alias"));
    }

    @Test
    void should_run_the_set_the_question_names_by_an_alias() {
        assertEquals(Optional.of("video-vq-16x16x16"), named("In the video domain (VQ-encoded 16x16x16), what loss at 300M parameters?"));
        assertEquals(Optional.of("image-32x32"), named("What loss does a 1B model reach on 32x32 images?"));
        assertEquals(Optional.of("image-32x32"), named("What loss does a 1B model reach on 32×32 images?"), "a size written with ×");
        assertEquals(Optional.of("image-vq-32x32"), named("And on VQ-encoded 32x32 images?"), "the longer alias wins");
        assertEquals(Optional.of("image-32x32"), named("What about images?"), "as long: the first set in the file");
        assertEquals(Optional.of("text-to-image-image"), named("A text-to-image model at 1B parameters?"), "its words in order");
        assertEquals(Optional.of("image-to-text-text"), named("An image-to-text model at 1B parameters?"), "the same words in another order");
        assertEquals(Optional.of("language"), named("What loss for a 1B language model?"));
        assertEquals(Optional.empty(), named("What loss for a 1B model?"), "no set named");
        assertEquals(Optional.empty(), named("What C4 loss for a 1B model?"), "an id is no alias");
    }

    @Test
    void should_run_the_one_set_whose_values_the_question_gives_its_constants() {
        Law rounded = LawFile.parse(Path.of("r.md"), """
                ---
                id: r
                name: r
                paper: own
                inputs: [{symbol: N, name: size, unit: parameters}]
                outputs: [{name: loss, formula: "A / N^alpha + beta", unit: "nats"}]
                constants:
                  - {id: published, label: "rounded", provenance: V-paper, values: {A: 400, alpha: 0.34, beta: 0.28}}
                  - {id: code, label: "the code's rounding", provenance: V-code, values: {A: 400, alpha: 0.336, beta: 0.283}}
                ---
                """);
        assertEquals(Optional.of("code"), ConstantSetChoice.withTheValuesGiven(rounded,
                Asked.of("with the other rounding (alpha is 0.336 and beta is 0.283 there), loss at 1B?", Set.of()).given()).map(Law.ConstantSet::id));
        assertEquals(Optional.of("published"), ConstantSetChoice.withTheValuesGiven(rounded, Asked.of("with α = 0.34, loss at 1B?", Set.of()).given())
                .map(Law.ConstantSet::id));
        assertEquals(Optional.empty(), ConstantSetChoice.withTheValuesGiven(rounded, Asked.of("with alpha = 0.3, loss at 1B?", Set.of()).given()),
                "no set holds it");
        assertEquals(Optional.empty(), ConstantSetChoice.withTheValuesGiven(rounded, Asked.of("loss at 1B?", Set.of()).given()), "no constant given");
    }

    private static List<String> namedAll(String question) {
        return SETS.namedAll(DOMAINS, Asked.of(question, Set.of()).sequence()).stream().map(Law.ConstantSet::id).toList();
    }

    @Test
    void should_name_several_sets_only_by_words_no_other_set_took() {
        assertEquals(List.of("image-32x32", "video-vq-16x16x16"), namedAll("Compute-optimal size for 32x32 images versus video?"), "in the question's order");
        assertEquals(List.of("video-vq-16x16x16", "image-32x32"), namedAll("For video, and for 32x32 images?"));
        assertEquals(List.of("image-vq-32x32"), namedAll("And on VQ-encoded 32x32 images?"), "\"32x32 image\" matches only words the VQ set took");
        assertEquals(List.of("text-to-image-image"), namedAll("A text-to-image model at 1B parameters?"), "nor \"text\" nor \"image\" alone");
        assertEquals(List.of("language", "image-vq-32x32"), namedAll("Is the exponent for language the same as for VQ images?"));
        assertEquals(List.of(), namedAll("What loss for a 1B model?"));
        assertEquals(List.of("text-to-image-image", "image-to-text-text"), namedAll("Reducible loss of a text-to-image model, versus an image-to-text one?"),
                "an alias's words stay within one phrase: \"text to image text\" is not read across both");
        assertEquals(List.of("image-to-text-text"), namedAll("For image captioning, what loss at 1B?"), "\"image\" is two sets' alias: it names neither");
        assertEquals(List.of("video-vq-16x16x16"), namedAll("For video, and for images?"), "nor does it name one to compare");
        Calculation.CitedNote note = new Calculation.CitedNote("n", "n?", List.of("own"), List.of("x"));
        assertEquals(List.of("video-vq-16x16x16", "language"), SETS.all(DOMAINS, note, Asked.of("for video, and for text?", Set.of())));
        assertEquals(List.of("image-vq-32x32"), SETS.all(DOMAINS, note, Asked.of("on VQ-encoded 32x32 images?", Set.of())), "one set named: that one");
        assertEquals(List.of("language"), SETS.all(DOMAINS, note, Asked.of("a model of 1B parameters?", Set.of())), "none named: the first");
        assertEquals(List.of("language"), SETS.all(DOMAINS, note, Asked.of("For language models in that paper (images, video, text), what loss at 1B?",
                Set.of())), "sets named in passing, between parentheses, are no comparison");
        assertEquals(List.of("video-vq-16x16x16"), SETS.all(DOMAINS, note, Asked.of("In the video domain (VQ-encoded 16x16x16), what loss?", Set.of())));
        assertEquals(List.of("image-to-text-text"), SETS.all(DOMAINS, note, Asked.of("For image captioning (image-to-text), what loss at 1B?", Set.of())));
    }

    private static final ConstantSetChoice STEMMED = new ConstantSetChoice(new LawBook(List.of(DOMAINS)), EnglishStems::stem, Map.of());

    private static Optional<String> namedInAnyForm(String question) {
        return named(STEMMED, DOMAINS, question);
    }

    @Test
    void should_name_a_set_by_any_form_of_its_aliases_words_a_size_however_written_and_an_acronym_spelt_out() {
        assertEquals(Optional.of("image-to-text-text"), namedInAnyForm("What loss on image captions at 1B?"), "captions: the family of captioning");
        assertEquals(Optional.of("image-32x32"), named("What loss on image captions at 1B?"), "without stems, only the shared \"image\": the first set");
        assertEquals(Optional.of("image-32x32"), namedInAnyForm("A 1B model on 32 x 32 images?"));
        assertEquals(Optional.of("image-32x32"), namedInAnyForm("A 1B model on 32-by-32 images?"));
        assertEquals(Optional.of("image-vq-32x32"), namedInAnyForm("A 1B model on vector-quantized 32x32 images?"), "VQ spelt out");
        assertEquals(Optional.of("image-32x32"), namedInAnyForm("A 1B model on 32x32 images (raw pixels, no VQ)?"), "a negated acronym names nothing");
        assertEquals(Optional.of("video-vq-16x16x16"), namedInAnyForm("For video, not language?"), "not the first in the file: it is negated");
        assertEquals(Optional.of("image-to-text-text"), namedInAnyForm("For image captioning, what loss at 1B?"), "as long: the alias no other set shares");
    }

    private static final String FITTED_ON_DATA = """
            ---
            id: d
            name: d
            paper: own
            conventions: ["Loss on C4 evaluation data."]
            inputs: [{symbol: N, name: size, unit: parameters}]
            outputs: [{name: loss, formula: "A / N", unit: "nats"}]
            constants:
              - {id: redpajama, label: "fit on RedPajama", provenance: V-repro, values: {A: 1}, data: [redpajama]}
              - {id: c4, label: "fit on C4", provenance: V-repro, values: {A: 2}, aliases: ["trained on C4"], data: [c4]}
              - {id: refinedweb, label: "fit on RefinedWeb", provenance: V-repro, values: {A: 3}, data: [refinedweb]}
              - {id: redpajama-46, label: "fit on RedPajama, 46 tasks", provenance: V-repro, values: {A: 4}, aliases: ["46 tasks"], data: [redpajama]}
            ---
            """;
    private static final Map<String, List<String>> DATASET_NAMES = Map.of("c4", List.of("C4", "Colossal Clean Crawled Corpus", "T5 corpus"),
            "refinedweb", List.of("RefinedWeb", "Falcon web"), "redpajama", List.of("RedPajama", "LLaMA replica"),
            "massivetext", List.of("MassiveText"));

    @Test
    void should_name_a_set_by_any_name_of_the_data_it_was_fitted_on() {
        Law law = LawFile.parse(Path.of("d.md"), FITTED_ON_DATA);
        assertEquals(List.of("c4"), law.constantSets().get(1).data());
        ConstantSetChoice sets = new ConstantSetChoice(new LawBook(List.of(law)), EnglishStems::stem, DATASET_NAMES);
        assertEquals(Optional.of("c4"), named(sets, law, "Error for models pretrained on the Colossal Clean Crawled Corpus?"), "another name of the data");
        assertEquals(Optional.of("c4"), named(sets, law, "Fitted on the T5 pretraining corpus, what loss?"), "a word between a name's words");
        assertEquals(Optional.of("refinedweb"), named(sets, law, "With the constants fitted on the Falcon team's deduplicated web data?"),
                "a possessive is no word of its own");
        assertEquals(Optional.of("redpajama"), named(sets, law, "On Together's open LLaMA-replica data?"), "the first set fitted on it");
        assertEquals(Optional.of("redpajama-46"), named(sets, law, "RedPajama, over the 46 tasks?"), "its own alias is longer");
        assertEquals(Optional.empty(), named(sets, law, "What loss at a C4 eval loss of 2.9?"), "a name the law's conventions write names no fit");
        assertEquals(List.of("c4", "refinedweb"), sets.namedAll(law, Asked.of("The Colossal Clean Crawled Corpus fit versus Falcon's web crawl?", Set.of())
                .sequence()).stream().map(Law.ConstantSet::id).toList());
        assertEquals(Optional.empty(), named(new ConstantSetChoice(new LawBook(List.of(law)), EnglishStems::stem, Map.of()), law,
                "Error for models pretrained on the Colossal Clean Crawled Corpus?"), "without the dataset scheme, only the law file's aliases");
        Law shared = LawFile.parse(Path.of("m.md"), FITTED_ON_DATA.replace("data: [redpajama]", "data: [massivetext]").replace("data: [c4]", "data: [massivetext]")
                .replace("data: [refinedweb]", "data: [massivetext]"));
        assertEquals(Optional.empty(), named(new ConstantSetChoice(new LawBook(List.of(shared)), EnglishStems::stem, DATASET_NAMES), shared,
                "What loss on MassiveText?"), "data every set was fitted on tells none apart");
        assertTrue(assertThrows(CorpusException.class, () -> LawFile.parse(Path.of("d.md"), FITTED_ON_DATA.replace("data: [c4]", "data: [\"C 4\"]")))
                .getMessage().contains("dataset 'C 4' must be a dataset id"));
    }

    @Test
    void should_let_a_sizes_and_an_aliases_words_be_written_as_a_phrase_writes_them() {
        assertEquals(Optional.of("image-32x32"), namedInAnyForm("A 1B model on raw 32px images?"), "a side in pixels is a square size");
        assertEquals(Optional.of("image-32x32"), namedInAnyForm("A 1B model on 32-pixel-square images?"));
        assertEquals(Optional.of("image-vq-32x32"), namedInAnyForm("A 1B model on a 32 by 32 grid of vector-quantised image codes?"),
                "joining words (a, of) are not counted between an alias's words");
        assertEquals(Optional.of("image-32x32"), namedInAnyForm("On 32 x 32 pixel images?"), "\"32x32 pixel\" is no 32x32x32");
        assertEquals("a 32x32 grid, 16x16 images, 8x8 px and 32x32 pixels", Asked.sizes("a 32-by-32 grid, 16 x 16 images, 8px px and 32x32 pixels"));
    }

    @Test
    void should_compare_a_set_a_single_aside_names_but_not_one_a_negation_does() {
        Calculation.CitedNote note = new Calculation.CitedNote("n", "n?", List.of("own"), List.of("x"));
        assertEquals(List.of("video-vq-16x16x16", "language"), STEMMED.all(DOMAINS, note, Asked.of("How does loss compare between video and other data (language)?",
                Set.of())), "one thing between parentheses glosses the words before it");
        assertEquals(List.of("video-vq-16x16x16"), STEMMED.all(DOMAINS, note, Asked.of("What loss for video rather than for language?", Set.of())));
        assertEquals(List.of("language"), STEMMED.all(DOMAINS, note, Asked.of("For language models in that paper (images, video, text), what loss at 1B?",
                Set.of())), "a list between parentheses is no comparison");
    }

    @Test
    void should_prefer_the_named_set_then_the_notes_own_refit_then_the_first() {
        Calculation.CitedNote onTheRefit = new Calculation.CitedNote("n", "n?", List.of("other"), List.of("x"));
        Calculation.CitedNote onTheLaw = new Calculation.CitedNote("n", "n?", List.of("own"), List.of("x"));
        assertEquals("video-vq-16x16x16", SETS.of(DOMAINS, onTheRefit, Asked.wordsInOrder("a video model of 1B parameters?")));
        assertEquals("c4", SETS.of(DOMAINS, onTheRefit, Asked.wordsInOrder("a model of 1B parameters?")));
        assertEquals("language", SETS.of(DOMAINS, onTheLaw, Asked.wordsInOrder("a model of 1B parameters?")));
    }

    @Test
    void should_answer_a_question_with_the_constants_fitted_on_the_data_it_names() {
        LawBook book = new LawBook(Corpus.load(Path.of("corpus")).laws());
        InlineCalculations calculations = new InlineCalculations(book, Map.of());
        Calculation.CitedNote parscale = new Calculation.CitedNote("parscale", "Can running P parallel streams …?",
                List.of("parallel-scaling-law-for-language-models"), List.of("parscale-loss"));
        assertEquals("pile", constants(calculations, "1.6B non-embedding parameters, 4 parallel streams, trained on the Pile: what loss?", parscale));
        assertEquals("stack-v2-python", constants(calculations, "1.6B non-embedding parameters, 4 parallel streams, trained on Python code: what loss?", parscale));
        assertEquals("stack-v2-python", constants(calculations, "1.6B non-embedding parameters and 4 parallel streams: what loss?", parscale), "the first set");
    }

    @Test
    void should_say_in_the_words_of_what_ran_every_name_of_the_data_its_sets_were_fitted_on() {
        LawBook book = new LawBook(Corpus.load(Path.of("corpus")).laws());
        Map<String, List<String>> datasets = Map.of("stack-v2", List.of("The Stack v2", "BigCode", "StarCoder2 data"), "pile", List.of("the Pile", "EleutherAI"));
        Calculation.CitedNote parscale = new Calculation.CitedNote("parscale", "Can running P parallel streams …?",
                List.of("parallel-scaling-law-for-language-models"), List.of("parscale-loss"));
        Asked asked = Asked.of("A 2B model with 4 parallel streams trained on BigCode's code data: what loss?", Set.of());
        InlineCalculations named = new InlineCalculations(book, Map.of(), English.PLAIN, datasets);
        InlineCalculations.Inline ran = named.inline(asked, List.of(parscale));
        assertEquals("stack-v2-python", ran.calculations().get(0).result().constants());
        String said = String.join("\n", named.texts(ran));
        assertTrue(said.contains("BigCode") && said.contains("StarCoder2 data") && said.contains("EleutherAI"),
                "the names of the data of each of the law's sets, as its prose holds each set's aliases");
        String unnamed = String.join("\n", new InlineCalculations(book, Map.of()).texts(new InlineCalculations(book, Map.of()).inline(asked, List.of(parscale))));
        assertTrue(!unnamed.contains("BigCode") && unnamed.contains("Stack v2"), "without the scheme, the law's own aliases alone");
    }

    @Test
    void should_let_a_makers_collective_noun_join_it_to_what_it_made() {
        LawBook book = new LawBook(Corpus.load(Path.of("corpus")).laws());
        ConstantSetChoice sets = new ConstantSetChoice(book, EnglishStems::stem, Map.of("refinedweb", List.of("RefinedWeb", "Falcon web")));
        Law gadre = book.calculator("gadre-over-training-loss").orElseThrow().law();
        assertEquals(Optional.of("refinedweb"), named(sets, gadre, "the fit on the Falcon team's filtered, deduplicated web corpus"));
        assertEquals(Optional.empty(), named(sets, gadre, "the fit on the Falcon models' filtered, deduplicated, multilingual web corpus"),
                "other words between the maker and what it made are still counted");
    }

    @Test
    void should_name_the_real_laws_sets_as_their_users_describe_them() {
        LawBook book = new LawBook(Corpus.load(Path.of("corpus")).laws());
        ConstantSetChoice sets = new ConstantSetChoice(book, EnglishStems::stem, Map.of());
        java.util.function.BiFunction<String, String, String> named = (law, question) -> named(sets, book.calculator(law).orElseThrow().law(), question)
                .orElse("none");
        assertEquals("epoch-refit", named.apply("chinchilla-parametric-loss", "Using the Epoch AI re-analysis, what loss for 2B params on 100B tokens?"));
        assertEquals("unrounded", named.apply("chinchilla-parametric-loss", "chinchilla loss w/ full-precision constants (not the rounded ones)"));
        assertEquals("published", named.apply("chinchilla-parametric-loss", "with the rounded constants of eq. 10"));
        assertEquals("c4", named.apply("gadre-over-training-loss", "a 1B model trained on the C4 training split at M = 100"));
        assertEquals("c4", named.apply("gadre-downstream-error", "for models pretrained on C4, error at loss 2.9?"));
        assertEquals("none", named.apply("gadre-downstream-error", "error at a C4 eval loss of 2.9?"), "C4 as the evaluation data names no fit");
        assertEquals("redpajama-46-tasks", named.apply("gadre-downstream-error", "error at loss 3.0 over the broader 46 downstream evals"));
        assertEquals("math-extrapolate", named.apply("henighan-optimal-model-size", "optimal size for mathematical problems at 3 PF-days"));
        assertEquals("stack-v2-python", named.apply("parscale-loss", "a coding model with 4 streams"));
    }

    @Test
    void should_run_a_set_its_makers_wrote_for_another_law_rather_than_their_own_laws_example() {
        LawBook book = new LawBook(Corpus.load(Path.of("corpus")).laws());
        Calculation.CitedNote sardana = new Calculation.CitedNote("sardana", "Should models be trained smaller …?",
                List.of("beyond-chinchilla-optimal-accounting-for-inference-in-language"), List.of("sardana-inference-aware-optimum", "chinchilla-parametric-loss"));
        Calculation.CitedNote hoffmann = new Calculation.CitedNote("split", "How should a fixed training budget be split …?",
                List.of("training-compute-optimal-large-language-models"), List.of("chinchilla-parametric-loss"));
        InlineCalculations calculations = new InlineCalculations(book, Map.of());
        // the question names Sardana et al., whose own law wants the tokens served; Chinchilla's law in their set reads its numbers
        String question = "A 3B model on 60B tokens: with the chinchilla-style loss and the constants of the Sardana et al. code (a slightly "
                + "different rounding), what loss?";
        Calculation first = calculations.inline(Asked.of(question, Set.of("Sardana")), List.of(sardana, hoffmann)).calculations().get(0);
        assertEquals(List.of("chinchilla-parametric-loss", "sardana-code", Calculation.FROM_QUESTION),
                List.of(first.law(), first.result().constants(), first.inputsFrom()));
        Calculation own = calculations.inline(Asked.of("What loss does Sardana's law give for a 7B model on 1T tokens serving 2T tokens?", Set.of("Sardana")),
                List.of(sardana, hoffmann)).calculations().get(0);
        assertEquals("sardana-inference-aware-optimum", own.law(), "where the named law reads the numbers, it alone runs");
        Law chinchilla = book.require("chinchilla-parametric-loss").law();
        ConstantSetChoice sets = new ConstantSetChoice(book, EnglishStems::stem, Map.of());
        assertEquals(Optional.of("sardana-code"), sets.madeBy(chinchilla, Set.of("Sardana")).map(Law.ConstantSet::id),
                "named by its makers before \"rounding\" names the rounded set");
        assertEquals(Optional.empty(), sets.madeBy(chinchilla, Set.of("Hoffmann")), "Hoffmann made no other law: the name calls no set");
    }

    @Test
    void should_answer_an_allocation_for_a_domain_with_the_law_fitted_on_it_rather_than_the_planners() {
        InlineCalculations calculations = new InlineCalculations(new LawBook(Corpus.load(Path.of("corpus")).laws()), Map.of());
        List<Calculation.CitedNote> cited = List.of(
                new Calculation.CitedNote("split", "How should a fixed training budget be split …?", List.of("training-compute-optimal-large-language-models"),
                        List.of("chinchilla-parametric-loss", "chinchilla-approach-1-allocation")),
                new Calculation.CitedNote("domains", "Do compute-optimal scaling laws carry over from language to images …?",
                        List.of("scaling-laws-for-autoregressive-generative-modeling"),
                        List.of("henighan-loss-vs-parameters", "henighan-loss-vs-compute", "henighan-optimal-model-size")));
        InlineCalculations.Inline images = calculations.inline(Asked.of("What is the compute-optimal model size for 32x32 image modelling with 5 PF-days?", Set.of()), cited);
        assertEquals(null, images.plan(), "the planner's laws model language");
        Calculation first = images.calculations().get(0);
        assertEquals("henighan-optimal-model-size", first.law());
        assertEquals("image-32x32", first.result().constants());
        InlineCalculations.Inline language = calculations.inline(Asked.of("What is the compute-optimal model size with 5 PF-days?", Set.of()), cited);
        assertTrue(language.plan() != null, "no domain named: the planner's allocation, every constant set");
    }

    @Test
    void should_run_every_set_a_question_names_to_compare_them() {
        InlineCalculations calculations = new InlineCalculations(new LawBook(Corpus.load(Path.of("corpus")).laws()), Map.of());
        Calculation.CitedNote parscale = new Calculation.CitedNote("parscale", "Can running P parallel streams …?",
                List.of("parallel-scaling-law-for-language-models"), List.of("parscale-loss"));
        List<Calculation> runs = calculations.inline(Asked.of("What loss would a 2B model reach on Python code with 2 parallel streams, and on the Pile?",
                Set.of()), List.of(parscale)).calculations();
        assertEquals(List.of("stack-v2-python", "pile"), runs.stream().map(run -> run.result().constants()).toList());
        assertEquals(1.050, runs.get(0).result().outputs().get("loss"), 5e-4);
        assertEquals(1.898, runs.get(1).result().outputs().get("loss"), 5e-4);
        assertEquals("ParScale on the Pile (refit of the released data)", runs.get(1).constantsLabel(), "what the law file says of the set");
        // several settings under several sets: each setting with each set, once
        Calculation.CitedNote henighan = new Calculation.CitedNote("domains", "Do compute-optimal scaling laws carry over …?",
                List.of("scaling-laws-for-autoregressive-generative-modeling"), List.of("henighan-loss-vs-parameters"));
        List<Calculation> grid = calculations.inline(Asked.of("Henighan L(N): loss at 100M, 1B and 10B non-embedding parameters for language and for 8x8 images?",
                Set.of()), List.of(henighan)).calculations();
        assertEquals(List.of("language@1.0E8", "image-8x8@1.0E8", "language@1.0E9", "image-8x8@1.0E9", "language@1.0E10", "image-8x8@1.0E10"),
                grid.stream().map(run -> run.result().constants() + "@" + run.result().inputs().get("N")).toList());
    }

    @Test
    void should_answer_an_allocation_with_the_sets_a_question_names_to_compare_rather_than_the_plan() {
        InlineCalculations calculations = new InlineCalculations(new LawBook(Corpus.load(Path.of("corpus")).laws()), Map.of(), English.PLAIN,
                Map.of());
        Calculation.CitedNote split = new Calculation.CitedNote("split", "How should a fixed training budget be split …?",
                List.of("training-compute-optimal-large-language-models"), List.of("chinchilla-parametric-loss", "chinchilla-approach-1-allocation"));
        InlineCalculations.Inline named = calculations.inline(Asked.of("At 3e21 FLOPs, compare the tokens per parameter of the compute-optimal point "
                + "from the constants as printed in the paper with those of the Epoch AI replication.", Set.of()), List.of(split));
        assertEquals(null, named.plan(), "the sets asked about, not every law's row");
        assertEquals(List.of("published", "epoch-refit"), named.calculations().stream().filter(run -> run.law().equals("chinchilla-parametric-loss"))
                .map(run -> run.result().constants()).toList());
        InlineCalculations.Inline unnamed = calculations.inline(Asked.of("At 3e21 FLOPs, how many tokens per parameter at the compute-optimal point?",
                Set.of()), List.of(split));
        assertTrue(unnamed.plan() != null, "no set named: the plan");
    }

    @Test
    void should_name_an_output_of_a_named_law_by_its_units_head() {
        InlineCalculations calculations = new InlineCalculations(new LawBook(Corpus.load(Path.of("corpus")).laws()), Map.of());
        Calculation.CitedNote kumar = new Calculation.CitedNote("precision", "Can extra pretraining data make a model worse …?",
                List.of("scaling-laws-for-precision"), List.of("kumar-precision-effective-parameters", "kumar-precision-aware-compute"));
        InlineCalculations.Inline named = calculations.inline(Asked.of("7B model, 1.4T tokens, trained in 4-bit: how many flops does the Kumar cost model charge?",
                Set.of("kumar")), List.of(kumar));
        assertEquals(List.of("compute"), named.asked(), "16-bit-equivalent FLOPs, by its head");
        InlineCalculations.Inline unnamed = calculations.inline(Asked.of("7B model, 1.4T tokens, trained in 4-bit: how many flops does the cost model charge?",
                Set.of()), List.of(kumar));
        assertEquals(List.of(), unnamed.asked(), "a law not named is not named by a unit's head");
    }

    private static String constants(InlineCalculations calculations, String question, Calculation.CitedNote note) {
        InlineCalculations.Inline inline = calculations.inline(Asked.of(question, Set.of()), List.of(note));
        assertEquals(1, inline.calculations().size(), question);
        return inline.calculations().get(0).result().constants();
    }
}
