package org.scalingatlas.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import org.scalingatlas.question.WordClasses;

/**
 * Apache OpenNLP's maximum-entropy part-of-speech tagger with its English model ({@code en-pos-maxent.bin}, shipped in
 * a Maven artifact: offline, no key). The model is read once, in the background (about 2 s); a question is tagged in
 * about a millisecond.
 * The tagger object is not thread-safe, so each thread gets its own over the shared, immutable model.
 */
public final class OpenNlpWordClasses implements WordClasses {

    private static final String MODEL = "/en-pos-maxent.bin";

    /** The model, read in the background from construction on: start-up goes on building the graph and the index meanwhile. */
    private final CompletableFuture<POSModel> model = CompletableFuture.supplyAsync(OpenNlpWordClasses::read);
    private final ThreadLocal<POSTaggerME> taggers = ThreadLocal.withInitial(() -> new POSTaggerME(model.join()));

    /**
     * Waits until the model is read (tagging waits for it anyway), so that a server declares itself ready only once it
     * can tag a question at once; the model's failure, if reading it failed.
     */
    public void awaitModel() {
        model.join();
    }

    private static POSModel read() {
        try (InputStream in = OpenNlpWordClasses.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the part-of-speech model " + MODEL + " is not on the class path");
            }
            return new POSModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the part-of-speech model " + MODEL, e);
        }
    }

    @Override
    public List<WordClass> tag(List<String> words) {
        String[] tags = taggers.get().tag(words.toArray(String[]::new));
        List<WordClass> classes = new ArrayList<>(tags.length);
        for (String tag : tags) {
            classes.add(classOf(tag));
        }
        return classes;
    }

    /** The model answers in Universal Dependencies' tags (or Penn Treebank's, for older models): fold both. */
    private static WordClass classOf(String tag) {
        return switch (tag) {
            case "NOUN", "NN", "NNS" -> WordClass.NOUN;
            case "PROPN", "NNP", "NNPS" -> WordClass.PROPER_NOUN;
            case "ADJ", "JJ", "JJR", "JJS" -> WordClass.ADJECTIVE;
            case "VERB", "AUX", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD" -> WordClass.VERB;
            case "NUM", "CD" -> WordClass.NUMBER;
            default -> WordClass.OTHER;
        };
    }
}
