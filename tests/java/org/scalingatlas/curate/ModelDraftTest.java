package org.scalingatlas.curate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.Atlas;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.graph.Ontology;
import org.scalingatlas.graph.Violation;
import org.scalingatlas.nlp.ChatTextModel;

/**
 * Drafting with a chat model, against a fake OpenAI-compatible server on loopback that answers with chat completions
 * as a real one does, through the real LangChain4j adapter: what the model proposes is checked, never trusted.
 */
class ModelDraftTest {

    static final String GOOD_QUOTE = FakeChat.GOOD_QUOTE;
    static final String GOOD_TITLE = FakeChat.GOOD_TITLE;
    static final String GOOD_CLAIM = FakeChat.GOOD_CLAIM;

    @TempDir
    Path tmp;

    private final AtomicReference<String> reply = new AtomicReference<>();
    private final AtomicReference<String> rawBody = new AtomicReference<>();
    private final AtomicReference<Long> delayMillis = new AtomicReference<>(0L);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = FakeChat.start(reply, rawBody, delayMillis);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private NoteDrafter.Report draft(Path corpus, Duration timeout) {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
        return new NoteDrafter(corpus, ChatTextModel.create("openai", url, "fake-model", null, timeout)).draft(List.of(DraftCorpus.PAPER));
    }

    private Note drafted(Path corpus, NoteDrafter.Report report) {
        assertEquals(1, report.written().size(), report.toString());
        return Corpus.load(corpus).note(report.written().get(0).noteId()).orElseThrow();
    }

    @Test
    void should_write_the_models_question_claim_and_quotes_when_they_pass_the_checks() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        // the quote's white space differs from the abstract's: compared normalised, written as the abstract has it
        reply.set("```json\n" + FakeChat.json(GOOD_TITLE, GOOD_CLAIM, List.of(GOOD_QUOTE.replace(" in width", "\n in  width"))) + "\n```");
        NoteDrafter.Report report = draft(corpus, Duration.ofSeconds(5));

        Note note = drafted(corpus, report);
        assertEquals(Note.Status.DRAFT, note.status());
        assertEquals(GOOD_TITLE, note.title());
        assertEquals(GOOD_CLAIM, note.claim());
        assertEquals(List.of(GOOD_QUOTE), note.papers().get(0).evidence());
        assertEquals(List.of(), report.warnings());
        assertEquals(List.of(), report.written().get(0).remarks());
        List<Violation> violations = Atlas.check(Corpus.load(corpus), Ontology.load(Path.of("ontology")));
        assertTrue(violations.stream().noneMatch(Violation::isError), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.reason().contains("a draft note awaits a curator's review")), violations.toString());
    }

    @Test
    void should_drop_a_quote_that_is_not_in_the_abstract() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        reply.set(FakeChat.json(GOOD_TITLE, GOOD_CLAIM, List.of("Loss falls as a power law in the number of heads with an exponent of 0.5.", GOOD_QUOTE)));
        NoteDrafter.Report report = draft(corpus, Duration.ofSeconds(5));

        assertEquals(List.of(GOOD_QUOTE), drafted(corpus, report).papers().get(0).evidence());
        assertTrue(report.written().get(0).remarks().get(0).startsWith("dropped a quote that is not in the abstract"), report.toString());
    }

    @Test
    void should_quote_the_result_sentences_when_no_quote_of_the_model_is_in_the_abstract() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        reply.set(FakeChat.json(GOOD_TITLE, GOOD_CLAIM, List.of("Heads do not matter.", "Sixteen heads are always better than eight heads.")));
        NoteDrafter.Report report = draft(corpus, Duration.ofSeconds(5));

        List<String> evidence = drafted(corpus, report).papers().get(0).evidence();
        assertTrue(evidence.contains(GOOD_QUOTE), evidence.toString());
        evidence.forEach(e -> assertTrue(DraftCorpus.ABSTRACT.contains(e), e));
    }

    @Test
    void should_reject_a_claim_copying_eight_words_of_the_abstract_and_a_title_that_asks_nothing() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        reply.set(FakeChat.json("Attention heads and loss", "In short, loss falls as a power law in width, and heads matter little.", List.of(GOOD_QUOTE)));
        NoteDrafter.Report report = draft(corpus, Duration.ofSeconds(5));

        Note note = drafted(corpus, report);
        assertEquals("", note.claim(), "a claim copied from the abstract is left for the curator");
        assertEquals("What scaling laws hold for attention heads?", note.title());
        assertEquals(List.of(GOOD_QUOTE), note.papers().get(0).evidence());
        String remarks = String.join("\n", report.written().get(0).remarks());
        assertTrue(remarks.contains("rejected the model's title, which is not one question"), remarks);
        assertTrue(remarks.contains("rejected the model's claim, which copies 8 words in a row from the abstract ('loss falls as a power law in width"), remarks);
    }

    @Test
    void should_draft_without_the_model_when_its_reply_is_malformed() {
        for (String content : new String[] {"Sure! Here is a note about attention heads.", "{\"title\": \"Does it?\", \"evidence\": [", "[1, 2]"}) {
            Path corpus = DraftCorpus.create(tmp.resolve("corpus-" + content.hashCode()));
            reply.set(content);
            assertFallback(corpus, draft(corpus, Duration.ofSeconds(5)), "reply");
        }
        Path corpus = DraftCorpus.create(tmp.resolve("garbage"));
        rawBody.set("{\"choices\": [");
        assertFallback(corpus, draft(corpus, Duration.ofSeconds(5)), "the language model failed: its reply could not be read");
    }

    @Test
    void should_draft_without_the_model_when_it_does_not_answer_in_time() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        reply.set(FakeChat.json(GOOD_TITLE, GOOD_CLAIM, List.of(GOOD_QUOTE)));
        delayMillis.set(3000L);
        assertFallback(corpus, draft(corpus, Duration.ofMillis(500)), "the language model failed: it did not answer in time");
    }

    private void assertFallback(Path corpus, NoteDrafter.Report report, String reason) {
        assertEquals(1, report.warnings().size(), report.toString());
        String warning = report.warnings().get(0);
        assertTrue(warning.startsWith(DraftCorpus.PAPER + ": ") && warning.contains(reason) && warning.endsWith("; drafted without the model"), warning);
        assertTrue(!warning.contains("\n") && !warning.contains("Exception"), warning);
        Note note = drafted(corpus, report);
        assertEquals("What scaling laws hold for attention heads?", note.title());
        assertEquals("", note.claim());
        assertTrue(note.papers().get(0).evidence().contains(GOOD_QUOTE));
    }
}
