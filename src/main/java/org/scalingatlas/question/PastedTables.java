package org.scalingatlas.question;

import java.util.ArrayList;
import java.util.List;

/**
 * A table pasted into a question, restated as the labelled numbers it holds, one row after another: a header line of
 * labels split by "|" or "," ("| params | tokens_seen |", "nonembed_params,tokens") and the lines of numbers under it,
 * as many cells each (a Markdown rule "|---|---|" under the header aside), become "params: 2.8e9, tokens_seen: 1.5e11;
 * params: 2.8e9, tokens_seen: 3.0e11." A question is
 * read on one line, so the rows would otherwise run into one another; labelled, each number keeps its column's unit
 * ({@link Quantities}) and each row is a setting to compare. Lines that are no such table are left as they are.
 */
final class PastedTables {

    private PastedTables() {
    }

    static String inline(String text) {
        if (!text.contains("\n")) {
            return text;
        }
        String[] lines = text.split("\\r?\\n", -1);
        List<String> out = new ArrayList<>();
        List<String> header = null;
        String headerLine = null;
        List<String> rows = new ArrayList<>();
        for (String line : lines) {
            List<String> cells = cells(line);
            if (header != null && rows.isEmpty() && !cells.isEmpty() && cells.stream().allMatch(cell -> cell.matches(":?-{2,}:?"))) {
                headerLine = headerLine + "\n" + line; // a Markdown table's rule under its header, "|---|:---:|", kept with it
                continue;
            }
            boolean numbers = cells.size() >= 2 && cells.stream().allMatch(Numbers::isNumber);
            if (numbers && header != null && header.size() == cells.size()) {
                List<String> labelled = new ArrayList<>();
                for (int i = 0; i < cells.size(); i++) {
                    labelled.add(header.get(i) + ": " + cells.get(i));
                }
                rows.add(String.join(", ", labelled));
                continue;
            }
            flush(out, headerLine, rows);
            header = null;
            headerLine = null;
            rows = new ArrayList<>();
            if (cells.size() >= 2 && cells.stream().noneMatch(Numbers::isNumber) && cells.stream().allMatch(PastedTables::label)) {
                header = cells;
                headerLine = line;
            } else {
                out.add(line);
            }
        }
        flush(out, headerLine, rows);
        return String.join("\n", out);
    }

    /** The rows read under a header, as one sentence; a header with no row under it is left as it was written. */
    private static void flush(List<String> out, String headerLine, List<String> rows) {
        if (headerLine != null) {
            out.add(rows.isEmpty() ? headerLine : String.join("; ", rows) + ".");
        }
    }

    /** A column's label: a few words at most ("N (params)", "tokens_seen", "unique tokens available"). */
    private static boolean label(String cell) {
        return cell.split("\\s+").length <= 4 && cell.chars().anyMatch(Character::isLetter);
    }

    /** The cells of a line: split by "|" (outer bars aside) when it has one, else by ","; blank cells dropped. */
    private static List<String> cells(String line) {
        String separator = line.contains("|") ? "\\|" : ",";
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(separator, -1)) {
            if (!cell.isBlank()) {
                cells.add(cell.strip());
            }
        }
        return cells;
    }
}
