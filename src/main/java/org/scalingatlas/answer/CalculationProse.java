package org.scalingatlas.answer;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.scalingatlas.laws.Calculation;

/** The paragraph that states an answer's calculations, each attributed to the note that cites its law. */
public final class CalculationProse {

    private CalculationProse() {
    }

    public static String of(List<Calculation> calculations) {
        if (calculations.isEmpty()) {
            return "";
        }
        boolean fromQuestion = calculations.get(0).inputsFrom().equals(Calculation.FROM_QUESTION);
        StringBuilder text = new StringBuilder(fromQuestion ? "Worked out with your numbers." : "A worked example, at a representative point.");
        for (Calculation c : calculations) {
            // the note is quoted inside the sentence (its question is written once, where the note is used)
            text.append(' ').append(Character.toUpperCase(c.name().charAt(0))).append(c.name().substring(1))
                    .append(" (constants: ").append(c.result().constants()).append("), cited by \u201c").append(c.noteTitle())
                    .append("\u201d, gives ").append(values(c.headline(), c)).append(" at ").append(values(c.result().inputs(), c)).append('.');
            long outside = c.result().warnings().stream().filter(w -> w.contains("range the law was fitted on")).count();
            if (outside > 0) {
                text.append(" That lies outside the range ").append(c.name()).append(" (").append(c.result().constants())
                        .append(") was fitted on, so treat it as an extrapolation.");
            }
        }
        return text.toString();
    }

    private static String values(Map<String, Double> values, Calculation c) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " = " + number(e.getValue()) + unit(c.result().units().get(e.getKey())))
                .collect(Collectors.joining(", "));
    }

    private static String unit(String unit) {
        return unit == null || unit.isEmpty() || unit.equals("ratio") ? "" : " " + unit.replaceAll(" \\(.*\\)$", "");
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude != 0 && (magnitude >= 1e5 || magnitude < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", value).replace("e+", "e");
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
