package org.scalingatlas.laws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points to fit, as CSV: a header naming the input columns (N, D, C, k ...) and a last column {@code loss}, then one
 * row of numbers per observation. Blank lines and lines starting with {@code #} are skipped.
 */
public final class PointsCsv {

    /** The parsed table: the input column names, in order, and the points. */
    public record Table(List<String> inputs, List<Fitter.Point> points) {
        public Table {
            inputs = List.copyOf(inputs);
            points = List.copyOf(points);
        }
    }

    private static final String LOSS = "loss";

    private PointsCsv() {
    }

    /** @throws LawInputException naming the line and what is wrong */
    public static Table parse(String text) {
        if (text == null || text.isBlank()) {
            throw new LawInputException("the CSV is empty: expected a header such as 'N,D,loss' and rows of numbers");
        }
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        List<String> header = null;
        List<Fitter.Point> points = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split("\\s*,\\s*", -1));
            if (header == null) {
                header = header(cells, n + 1);
                continue;
            }
            if (cells.size() != header.size()) {
                throw new LawInputException("line " + (n + 1) + ": expected " + header.size() + " values (" + String.join(",", header) + "), got " + cells.size());
            }
            Map<String, Double> inputs = new LinkedHashMap<>();
            for (int c = 0; c + 1 < cells.size(); c++) {
                inputs.put(header.get(c), number(cells.get(c), n + 1, header.get(c)));
            }
            points.add(new Fitter.Point(inputs, number(cells.get(cells.size() - 1), n + 1, LOSS)));
            if (points.size() > Fitter.MAX_POINTS) {
                throw new LawInputException("at most " + Fitter.MAX_POINTS + " points can be fitted");
            }
        }
        if (header == null) {
            throw new LawInputException("the CSV has no header: expected e.g. 'N,D,loss'");
        }
        return new Table(header.subList(0, header.size() - 1), points);
    }

    private static List<String> header(List<String> cells, int line) {
        if (cells.size() < 2 || !cells.get(cells.size() - 1).equalsIgnoreCase(LOSS)) {
            throw new LawInputException("line " + line + ": the header must name the input columns and end with 'loss', e.g. 'N,D,loss'");
        }
        for (String cell : cells.subList(0, cells.size() - 1)) {
            if (!cell.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new LawInputException("line " + line + ": column name '" + cell + "' must be a variable name such as N, D or C");
            }
        }
        if (cells.stream().distinct().count() != cells.size()) {
            throw new LawInputException("line " + line + ": a column name appears twice");
        }
        return cells;
    }

    private static double number(String cell, int line, String column) {
        try {
            double value = Double.parseDouble(cell);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new LawInputException("line " + line + ": " + column + " must be a number, got '" + (cell.length() > 30 ? cell.substring(0, 27) + "..." : cell) + "'");
    }
}
