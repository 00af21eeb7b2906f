package org.scalingatlas.nlp;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.nio.file.Path;
import java.util.List;
import org.scalingatlas.retrieve.Embedder;

/**
 * all-MiniLM-L6-v2 (quantised), run in process through LangChain4j's ONNX embeddings: the weights ship inside the
 * Maven artifact, so it works offline with no key. 384 dimensions; vectors are normalised here.
 */
public final class MiniLmEmbedder implements Embedder {

    /** The model and version: {@link #name()}, known before the model is read. */
    public static final String NAME = "all-minilm-l6-v2-q/1.17.0-beta27";
    /** The vectors' length: {@link #dimension()}. */
    public static final int DIMENSION = 384;

    private final EmbeddingModel model;

    /**
     * The model, with ONNX Runtime's native libraries kept under {@code nativeLibraries} (see {@link OnnxNatives}) when
     * this is the first model of the process: nothing is left in the temporary folder when it exits.
     */
    public MiniLmEmbedder(Path nativeLibraries) {
        OnnxNatives.keepIn(nativeLibraries);
        this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    @Override
    public float[] embed(String text) {
        return normalised(model.embed(text).content());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(MiniLmEmbedder::normalised).toList();
    }

    private static float[] normalised(Embedding embedding) {
        float[] vector = embedding.vector();
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / norm);
            }
        }
        return vector;
    }
}
