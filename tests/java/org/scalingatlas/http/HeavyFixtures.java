package org.scalingatlas.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import org.scalingatlas.Atlas;
import org.scalingatlas.TestAtlas;
import org.scalingatlas.config.AtlasConfig;

/** The real application with its own pool settings, and the expensive and cheap requests the pool tests send. */
final class HeavyFixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private HeavyFixtures() {
    }

    /** The application on the real corpus (shared, already built) behind a server with these pool settings. */
    static Loopback server(AtlasConfig.Heavy heavy) {
        Atlas real = TestAtlas.real();
        Atlas atlas = new Atlas(real.config().withHeavy(heavy), real.corpus(), real.graph(), real.sparql(), real.index(), real.pipeline(),
                real.laws(), real.fingerprint());
        return new Loopback(AtlasServer.create(atlas.services()).start("127.0.0.1", 0));
    }

    /** A Chinchilla fit of 10,000 noisy points with 20 resamples: about 20 s of one core, unbounded. */
    static String bigFit() {
        Random noise = new Random(11);
        StringBuilder csv = new StringBuilder("N,D,loss\n");
        for (int i = 0; i < 10_000; i++) {
            double n = Math.exp(17 + 6 * noise.nextDouble());
            double d = Math.exp(20 + 6 * noise.nextDouble());
            double loss = (1.69 + 406.4 / Math.pow(n, 0.34) + 410.7 / Math.pow(d, 0.28)) * Math.exp(0.01 * noise.nextGaussian());
            csv.append(String.format(java.util.Locale.ROOT, "%.6e,%.6e,%.6f%n", n, d, loss));
        }
        return json(Map.of("csv", csv.toString(), "resamples", 20));
    }

    /** A power law on eight exact points, no resamples: milliseconds. */
    static String smallFit() {
        StringBuilder csv = new StringBuilder("k,loss\n");
        for (double k = 1; k <= 1e7; k *= 10) {
            csv.append(k).append(',').append(0.5 + 2.0 / Math.pow(k, 0.4)).append('\n');
        }
        return json(Map.of("family", "power-law", "csv", csv.toString(), "resamples", 0));
    }

    /** 400 optimal allocations of the data-constrained law, each a nested numerical search: minutes, unbounded. */
    static String bigCurve() {
        return json(Map.of("mode", "optimal", "inputs", Map.of("U_D", 2.5e10), "vary", "N", "output", "loss", "from", 1e8, "to", 9e9, "points", 400));
    }

    static final String BIG_CURVE_PATH = "/api/laws/muennighoff-data-constrained-loss/curve";

    /** The refusal's message, checking that the body is exactly {"error": "<words>"}. */
    static String error(HttpResponse<String> response) throws Exception {
        JsonNode body = JSON.readTree(response.body());
        if (body.size() != 1 || !body.path("error").isTextual() || body.get("error").asText().isBlank()) {
            throw new AssertionError("not the JSON error shape: " + response.body());
        }
        return body.get("error").asText();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
