package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.scalingatlas.question.Quantities.Quantity;

/**
 * The settings of its numbers a question compares, and the numbers that fit none.
 *
 * @param settings each the quantities of one run, in the question's order; one setting when it compares none
 * @param unplaced numbers no setting takes: a kind stated a different number of times than another that varies ("a 7B
 *                 or a 13B model on 1T, 2T or 3T tokens"), so that which goes with which is not said
 */
public record Settings(List<List<Quantity>> settings, List<Quantity> unplaced) {

    /** At most this many settings are compared; a question stating more reads as one. */
    public static final int MAX = 4;

    public Settings {
        settings = settings.stream().map(List::copyOf).toList();
        unplaced = List.copyOf(unplaced);
    }

    /**
     * The runs a question compares when it states a kind of number more than once: "a 7B model on 2T tokens or a 13B
     * model on 1T tokens" compares (7B, 2T) with (13B, 1T); "a 13B model and a 7B model, both on 1T tokens" (13B, 1T)
     * with (7B, 1T); "a 7B model on 140B versus 1T tokens" (7B, 140B) with (7B, 1T). A kind stated once holds in every
     * setting; the kinds stated more than once pair up in order, and must be stated equally often (2 to {@value #MAX}
     * times). Otherwise the first number of each kind makes the one setting, and the others are unplaced. The first
     * setting is always the first number of each kind, as a question that compares nothing reads.
     */
    public static Settings of(List<Quantity> quantities) {
        Map<String, List<Quantity>> byKind = new LinkedHashMap<>();
        quantities.forEach(q -> byKind.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(q));
        Set<Integer> counts = byKind.values().stream().map(List::size).filter(n -> n > 1).collect(Collectors.toSet());
        int compared = counts.size() == 1 ? counts.iterator().next() : 1;
        if (compared > MAX) {
            compared = 1;
        }
        List<List<Quantity>> settings = new ArrayList<>();
        for (int i = 0; i < compared; i++) {
            int at = i;
            settings.add(byKind.values().stream().map(values -> values.get(values.size() == 1 ? 0 : at)).toList());
        }
        Set<Quantity> placed = settings.stream().flatMap(List::stream).collect(Collectors.toSet());
        return new Settings(settings, quantities.stream().filter(q -> !placed.contains(q)).toList());
    }
}
