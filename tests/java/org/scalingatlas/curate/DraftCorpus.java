package org.scalingatlas.curate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.scalingatlas.TestAtlas;

/** A writable copy of the fixture corpus with papers no note rests on yet: one with an abstract, one without. */
public final class DraftCorpus {

    public static final String PAPER = "scaling-laws-for-attention-heads";
    public static final String BARE_PAPER = "a-paper-known-by-citation";
    public static final String ABSTRACT = "Scaling laws guide how compute is spent on language models. "
            + "We study how the number of attention heads affects loss at a fixed parameter count. "
            + "We train 120 models between 20M and 1.2B parameters on 300B tokens. "
            + "We find that loss falls as a power law in width with an exponent of 0.07, while the number of heads matters little beyond eight. "
            + "Models with sixteen heads are 4% slower than those with eight at the same loss. "
            + "These results suggest that head count is a secondary choice for compute-optimal training.";

    private DraftCorpus() {
    }

    public static Path create(Path into) {
        Path corpus = TestAtlas.copy(TestAtlas.FIXTURE_CORPUS, into);
        try {
            Files.writeString(corpus.resolve("papers/" + PAPER + ".md"), "---\nid: " + PAPER + "\ntitle: Scaling Laws for Attention Heads\n"
                    + "date: 2025-05-01\n---\n" + ABSTRACT + "\n");
            Files.writeString(corpus.resolve("papers/" + BARE_PAPER + ".md"), "---\nid: " + BARE_PAPER + "\ntitle: A Paper Known by Citation\n---\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corpus;
    }
}
