package org.scalingatlas.laws;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a law computed: {@code POST /api/laws/{id}/evaluate} and {@code /optimal} return it as JSON.
 *
 * @param law        the law's id
 * @param mode       {@code evaluate} or {@code optimal}
 * @param constants  the constant set used ({@code custom} when the caller supplied the values)
 * @param constantValues the values of the constants used
 * @param inputs     the inputs as given
 * @param outputs    output name → value, in the law's order
 * @param units      unit of every input and output
 * @param warnings   inputs or results outside the range the law was fitted on, and caveats of the constants
 * @param method     how the result was found ("formula", "closed form", "Brent optimiser on ln N" ...)
 */
public record Result(String law, String mode, String constants, Map<String, Double> constantValues, Map<String, Double> inputs,
        Map<String, Double> outputs, Map<String, String> units, List<String> warnings, String method) {

    public Result {
        constantValues = frozen(constantValues);
        inputs = frozen(inputs);
        outputs = frozen(outputs);
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
        warnings = List.copyOf(warnings);
    }

    private static Map<String, Double> frozen(Map<String, Double> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
