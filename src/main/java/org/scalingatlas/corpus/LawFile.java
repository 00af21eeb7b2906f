package org.scalingatlas.corpus;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** A law as a human-editable file: Markdown with YAML front matter (see corpus/README.md). */
public final class LawFile {

    private static final Set<String> KEYS = Set.of("id", "name", "paper", "inputs", "outputs", "constants", "conventions", "constantNames", "axes",
            "optimal", "example", "checks");
    private static final Set<String> VARIABLE_KEYS = Set.of("symbol", "name", "unit", "quantity", "scale", "min", "max", "zeroAllowed");
    private static final Set<String> OUTPUT_KEYS = Set.of("name", "formula", "unit", "description", "aliases");
    private static final Set<String> SET_KEYS = Set.of("id", "label", "provenance", "paper", "values", "note", "interval", "aliases", "data");
    private static final Set<String> INTERVAL_KEYS = Set.of("of", "low", "high", "level", "pivot", "provenance", "source");
    private static final Set<String> OPTIMAL_KEYS = Set.of("kind", "objective", "target", "closedForm", "then");
    private static final Set<String> CHECK_KEYS = Set.of("mode", "constants", "inputs", "expect", "tolerance", "provenance", "source");

    private LawFile() {
    }

    public static Law parse(Path file, String text) {
        FrontMatter doc = FrontMatter.parse(file, text);
        FrontMatterFields fields = new FrontMatterFields(file, doc.fields()).only(KEYS, "a law");
        try {
            List<Law.Variable> inputs = fields.objects("inputs").stream()
                    .map(v -> v.only(VARIABLE_KEYS, "a law's inputs"))
                    .map(v -> new Law.Variable(v.text("symbol", true), v.text("name", true), v.text("unit", true),
                            v.text("quantity", false), v.number("scale") == null ? 1 : v.number("scale"), v.number("min"), v.number("max"), v.flag("zeroAllowed")))
                    .toList();
            List<Law.ConstantSet> sets = fields.objects("constants").stream()
                    .map(c -> c.only(SET_KEYS, "a law's constant sets"))
                    .map(c -> new Law.ConstantSet(c.text("id", true), c.text("label", true), c.text("provenance", true),
                            c.text("paper", false), c.numbers("values"), c.text("note", false), interval(c.object("interval")), c.texts("aliases"),
                            c.texts("data")))
                    .toList();
            List<Law.Check> checks = fields.objects("checks").stream()
                    .map(c -> c.only(CHECK_KEYS, "a law's checks"))
                    .map(c -> new Law.Check(c.text("mode", true), c.text("constants", false), c.numbers("inputs"), c.numbers("expect"),
                            required(c.number("tolerance"), "a check needs its tolerance"), c.text("provenance", true), c.text("source", true)))
                    .toList();
            return new Law(fields.text("id", true), fields.text("name", true), fields.text("paper", true), inputs,
                    outputs(fields, "outputs"), sets, fields.texts("conventions"), fields.texts("constantNames"), fields.texts("axes"), optimal(fields.object("optimal")),
                    fields.numbers("example"), checks, doc.body());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorpusException(file, 0, e.getMessage());
        }
    }

    private static Law.ExponentInterval interval(FrontMatterFields interval) {
        if (interval == null) {
            return null;
        }
        interval.only(INTERVAL_KEYS, "a constant set's interval");
        return new Law.ExponentInterval(interval.text("of", true), required(interval.number("low"), "an interval needs its low end"),
                required(interval.number("high"), "an interval needs its high end"), interval.text("level", true),
                required(interval.number("pivot"), "an interval needs its pivot (FLOPs)"), interval.text("provenance", true), interval.text("source", true));
    }

    private static Law.Optimal optimal(FrontMatterFields optimal) {
        if (optimal == null) {
            return null;
        }
        optimal.only(OPTIMAL_KEYS, "a law's optimal");
        return new Law.Optimal(optimal.text("kind", true), optimal.text("objective", true), optimal.text("target", false),
                outputs(optimal, "closedForm"), outputs(optimal, "then"));
    }

    private static List<Law.Output> outputs(FrontMatterFields fields, String key) {
        return fields.objects(key).stream()
                .map(o -> o.only(OUTPUT_KEYS, "a law's " + key))
                .map(o -> new Law.Output(o.text("name", true), o.text("formula", true), o.text("unit", true), o.text("description", false), o.texts("aliases")))
                .toList();
    }

    private static double required(Double value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }
}
