package org.scalingatlas.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** HTTP content negotiation: the offered media type an {@code Accept} header prefers, by quality then order. */
public final class MediaRanges {

    private MediaRanges() {
    }

    /**
     * @param fallback what a missing Accept, {@code *}{@code /*} or a matching {@code type/*} gets
     * @return the offered type the client prefers; empty when it accepts none of them
     */
    public static Optional<String> best(String accept, Collection<String> offered, String fallback) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(fallback);
        }
        record Choice(String type, double q, int order) {
        }
        List<Choice> choices = new ArrayList<>();
        String[] ranges = accept.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";");
            double q = 1.0;
            for (int p = 1; p < parts.length; p++) {
                String param = parts[p].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            choices.add(new Choice(parts[0].strip().toLowerCase(Locale.ROOT), q, i));
        }
        choices.sort(Comparator.comparingDouble((Choice c) -> -c.q).thenComparingInt(Choice::order));
        for (Choice choice : choices) {
            if (choice.q <= 0) {
                continue;
            }
            if (offered.contains(choice.type)) {
                return Optional.of(choice.type);
            }
            if (choice.type.equals("*/*") || (choice.type.endsWith("/*") && fallback.startsWith(choice.type.substring(0, choice.type.length() - 1)))) {
                return Optional.of(fallback);
            }
        }
        return Optional.empty();
    }
}
