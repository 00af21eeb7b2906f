package org.scalingatlas.export;

import java.util.List;
import org.scalingatlas.corpus.Paper;

/**
 * Papers as BibTeX a reference manager imports: one {@code @misc} entry a paper, keyed by its corpus id, with what the
 * corpus knows and nothing more: the title (double-braced, so styles keep its capitals), year and month when the date
 * is known, and for an arXiv paper {@code eprint}, {@code archivePrefix} and its abstract page. No author is written:
 * the listings name none.
 */
public final class BibTex {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private BibTex() {
    }

    public static String of(List<Paper> papers) {
        StringBuilder out = new StringBuilder();
        for (Paper paper : papers) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            entry(out, paper);
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, Paper paper) {
        out.append("@misc{").append(paper.id()).append(",\n");
        field(out, "title", "{" + escape(paper.title()) + "}");
        if (paper.date() != null) {
            field(out, "year", Integer.toString(paper.date().getYear()));
            out.append("  month = ").append(MONTHS[paper.date().getMonthValue() - 1]).append(",\n");
            field(out, "date", paper.date().toString());
        }
        if (paper.arxiv() != null) {
            field(out, "eprint", paper.arxiv());
            field(out, "archivePrefix", "arXiv");
            field(out, "url", Citations.arxivUrl(paper.arxiv()));
        }
        out.setLength(out.length() - 2);
        out.append("\n}\n");
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }

    /** Text with LaTeX's special characters escaped; any other character (Unicode included) as it is. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '&', '%', '$', '#', '_' -> out.append('\\').append(c);
                case '~' -> out.append("\\textasciitilde{}");
                case '^' -> out.append("\\textasciicircum{}");
                default -> out.append(Character.isISOControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }
}
