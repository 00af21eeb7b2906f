package org.scalingatlas.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.scalingatlas.retrieve.Embedder;

/**
 * Embeddings for a synthetic corpus at sizes the model could not embed here in reasonable time (a million passages
 * at ~150 a second is two hours): each real sentence is embedded once by the real model, and a passage made of real
 * sentences gets the normalised sum of their vectors, which lands where its sentences' meanings are. Any other
 * text (a question) goes to the real model. For benchmarks only: retrieval quality is not what they measure.
 */
public final class RecombinedEmbedder implements Embedder {

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[A-Z])");

    private final Embedder model;
    private final Map<String, float[]> sentences = new HashMap<>();

    public RecombinedEmbedder(Embedder model, List<String> sentencePool) {
        this.model = model;
        List<String> pool = List.copyOf(new java.util.LinkedHashSet<>(sentencePool));
        for (int from = 0; from < pool.size(); from += 64) {
            List<String> batch = pool.subList(from, Math.min(pool.size(), from + 64));
            List<float[]> vectors = model.embedAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                sentences.put(batch.get(i), vectors.get(i));
            }
        }
    }

    /**
     * No: a synthetic note's title is a new string the sentence pool does not hold, so each would go to the model, which
     * is what this embedder exists to avoid (a million notes: two hours); titles only reorder leads, which benchmarks
     * do not score.
     */
    @Override
    public boolean embedsTitles() {
        return false;
    }

    @Override
    public String name() {
        return "recombined(" + model.name() + ")";
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        List<float[]> known = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(text)) {
            float[] vector = sentences.get(sentence.strip());
            if (vector != null) {
                known.add(vector);
            }
        }
        if (known.isEmpty()) {
            return model.embed(text);
        }
        float[] sum = new float[dimension()];
        for (float[] vector : known) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        double norm = 0;
        for (float v : sum) {
            norm += v * v;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < sum.length; i++) {
            sum[i] *= scale;
        }
        return sum;
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            vectors.add(null);
            boolean recombinable = SENTENCE_END.splitAsStream(texts.get(i)).anyMatch(s -> sentences.containsKey(s.strip()));
            if (recombinable) {
                vectors.set(i, embed(texts.get(i)));
            } else {
                unknown.add(i);
            }
        }
        if (!unknown.isEmpty()) {
            List<float[]> embedded = model.embedAll(unknown.stream().map(texts::get).toList());
            for (int j = 0; j < unknown.size(); j++) {
                vectors.set(unknown.get(j), embedded.get(j));
            }
        }
        return vectors;
    }
}
