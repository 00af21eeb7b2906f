package org.scalingatlas.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack et al. 2009) of a BM25 list and a nearest-neighbour list of passage keys
 * ({@code note:<id>}, {@code paper:<id>}), exactly as {@link HybridIndex} fuses its own two lists: each list adds
 * {@code 1 / (60 + rank)}, ties go by id.
 */
public final class RankFusion {

    /** The fusion constant; the same as the local index's. */
    public static final int K = 60;

    private RankFusion() {
    }

    /**
     * @param lexical    passage keys by BM25, best first
     * @param dense      passage keys by closeness of embedding, best first
     * @param similarity each key's cosine to the question (every key of both lists)
     */
    public static List<Hit> fuse(List<String> lexical, List<String> dense, Map<String, Double> similarity) {
        Map<String, Integer> lexicalRanks = ranks(lexical);
        Map<String, Integer> denseRanks = ranks(dense);
        Map<String, Double> fused = new HashMap<>();
        lexicalRanks.forEach((key, r) -> fused.merge(key, 1.0 / (K + r), Double::sum));
        denseRanks.forEach((key, r) -> fused.merge(key, 1.0 / (K + r), Double::sum));
        List<Hit> hits = new ArrayList<>();
        for (Map.Entry<String, Double> entry : fused.entrySet()) {
            String key = entry.getKey();
            int colon = key.indexOf(':');
            Passage.Kind kind = Passage.Kind.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT));
            hits.add(new Hit(kind, key.substring(colon + 1), entry.getValue(), lexicalRanks.getOrDefault(key, 0),
                    denseRanks.getOrDefault(key, 0), similarity.getOrDefault(key, 0.0)));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed().thenComparing(Hit::id));
        return hits;
    }

    private static Map<String, Integer> ranks(List<String> keys) {
        Map<String, Integer> ranks = new HashMap<>();
        for (String key : keys) {
            ranks.putIfAbsent(key, ranks.size() + 1);
        }
        return ranks;
    }
}
