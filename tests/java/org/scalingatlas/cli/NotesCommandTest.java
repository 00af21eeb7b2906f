package org.scalingatlas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.curate.DraftCorpus;
import org.scalingatlas.curate.FakeChat;

/** `./atlas notes draft`: drafts pass `check` as to-dos, `check --strict` refuses them; with the fake model too. */
class NotesCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return AtlasCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void should_write_drafts_that_check_passes_and_strict_check_refuses() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        assertEquals(0, run("notes", "draft", "--corpus", corpus.toString()), out + "\n" + err);
        String drafted = out.toString();
        assertTrue(drafted.contains("Drafted 1 note(s) without a chat model, status: draft:"), drafted);
        assertTrue(drafted.contains("what-scaling-laws-hold-for-attention-heads.md  (paper " + DraftCorpus.PAPER + ": "), drafted);
        assertTrue(drafted.contains("claim left for the curator"), drafted);
        assertTrue(drafted.contains("  " + DraftCorpus.BARE_PAPER + ": has no abstract to quote"), drafted);

        Note note = Corpus.load(corpus).note("what-scaling-laws-hold-for-attention-heads").orElseThrow();
        assertEquals(Note.Status.DRAFT, note.status());
        assertEquals("", note.claim());
        note.papers().get(0).evidence().forEach(e -> assertTrue(DraftCorpus.ABSTRACT.contains(e), e));

        out.getBuffer().setLength(0);
        assertEquals(0, run("check", "--corpus", corpus.toString()), out.toString());
        assertTrue(out.toString().contains("notes/what-scaling-laws-hold-for-attention-heads.md: note what-scaling-laws-hold-for-attention-heads: "
                + "a draft note awaits a curator's review"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(AtlasCli.FAILED, run("check", "--strict", "--corpus", corpus.toString()), out.toString());
    }

    @Test
    void should_report_what_it_skipped_and_fail_on_an_unknown_paper() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        assertEquals(AtlasCli.FAILED, run("notes", "draft", "compute-optimal-study", "no-such-paper", "--corpus", corpus.toString()), out.toString());
        assertTrue(out.toString().contains("  compute-optimal-study: has a note (should-parameters-and-tokens-grow-together)"), out.toString());
        assertTrue(out.toString().contains("  no-such-paper: is not a paper in the corpus"), out.toString());
        assertTrue(Corpus.load(corpus).notes().stream().noneMatch(n -> n.status() == Note.Status.DRAFT));
    }

    @Test
    void should_say_so_when_every_paper_has_a_note() {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        assertEquals(0, run("notes", "draft", "--corpus", corpus.toString()));
        out.getBuffer().setLength(0);
        // the bare paper is still listed: it has no abstract
        assertEquals(0, run("notes", "draft", DraftCorpus.PAPER, "--corpus", corpus.toString()));
        assertTrue(out.toString().contains(DraftCorpus.PAPER + ": has a note (what-scaling-laws-hold-for-attention-heads (a draft))"), out.toString());
    }

    @Test
    void should_draft_with_the_configured_chat_model() throws IOException {
        Path corpus = DraftCorpus.create(tmp.resolve("corpus"));
        AtomicReference<String> reply = new AtomicReference<>(FakeChat.GOOD_REPLY);
        HttpServer server = FakeChat.start(reply, new AtomicReference<>(), new AtomicReference<>(0L));
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("atlas.properties"), String.join("\n", List.of(
                "ontology.dir=" + Path.of("ontology").toAbsolutePath(),
                "data.dir=" + tmp.resolve("data"),
                "llm.provider=openai",
                "llm.base.url=http://127.0.0.1:" + server.getAddress().getPort() + "/v1",
                "llm.model=fake-model",
                "llm.timeout.ms=5000")) + "\n");
        String before = System.getProperty("atlas.home");
        System.setProperty("atlas.home", home.toString());
        try {
            assertEquals(0, run("notes", "draft", "--corpus", corpus.toString()), out + "\n" + err);
        } finally {
            server.stop(0);
            if (before == null) {
                System.clearProperty("atlas.home");
            } else {
                System.setProperty("atlas.home", before);
            }
        }
        assertTrue(out.toString().contains("Drafted 1 note(s) with openai:fake-model, status: draft:"), out.toString());
        assertTrue(out.toString().contains("a claim to review"), out.toString());
        Note note = Corpus.load(corpus).notes().stream().filter(n -> n.status() == Note.Status.DRAFT).findFirst().orElseThrow();
        assertEquals(FakeChat.GOOD_TITLE, note.title());
        assertEquals(FakeChat.GOOD_CLAIM, note.claim());
        note.papers().get(0).evidence().forEach(e -> assertTrue(DraftCorpus.ABSTRACT.contains(e), e));

        out.getBuffer().setLength(0);
        assertEquals(0, run("check", "--corpus", corpus.toString()), out.toString());
        assertEquals(AtlasCli.FAILED, run("check", "--strict", "--corpus", corpus.toString()), out.toString());
    }
}
