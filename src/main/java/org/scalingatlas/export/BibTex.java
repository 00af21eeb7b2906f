package org.scalingatlas.export;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.scalingatlas.corpus.Paper;

/**
 * Papers as BibTeX that reference managers import and {@code bibtex} formats without complaint. One entry a paper:
 * {@code @article} ({@code journal}) or {@code @inproceedings} ({@code booktitle}) when a venue is known, else
 * {@code @misc}; a readable key (see {@link BibTexKeys}); {@code author = {Family, Given and ...}} when a source lists
 * the authors, or the crediting organisation as a braced corporate author; the title in LaTeX (see {@link LatexText})
 * with words holding capitals past their first letter ({@code LLMs}, {@code GPT-4}) braced so styles keep them;
 * {@code year} and {@code month} from the stated date or, when none is stated, from the arXiv identifier; the arXiv id
 * as {@code eprint}/{@code archivePrefix} and, because {@code plain.bst} ignores those, as
 * {@code howpublished = {arXiv preprint arXiv:…}} (or a {@code note} beside a venue); {@code doi}; and for an entry
 * without authors a {@code key} (the title) that styles sort by. Nothing the corpus does not hold is written.
 */
public final class BibTex {

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    /** A venue that names proceedings rather than a journal. */
    private static final Pattern PROCEEDINGS = Pattern.compile(
            "(?i).*\\b(proceedings|conference|workshop|symposium|advances in neural information processing systems|neurips|nips|icml|iclr|acl|emnlp|naacl|cvpr|iccv|eccv|aaai|ijcai|colm|kdd|aistats|uai|colt)\\b.*");

    private BibTex() {
    }

    public static String of(List<Paper> papers) {
        Map<Paper, String> keys = BibTexKeys.of(papers);
        StringBuilder out = new StringBuilder();
        for (Paper paper : papers) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            entry(out, keys.get(paper), paper);
        }
        return out.toString();
    }

    private static void entry(StringBuilder out, String key, Paper paper) {
        String venue = paper.venue();
        boolean proceedings = venue != null && isProceedings(venue);
        out.append('@').append(venue == null ? "misc" : proceedings ? "inproceedings" : "article").append('{').append(key).append(",\n");
        String authors = authors(paper);
        if (authors != null) {
            field(out, "author", authors);
        }
        field(out, "title", title(paper.title()));
        if (venue != null) {
            field(out, proceedings ? "booktitle" : "journal", LatexText.of(venue));
        }
        if (paper.arxiv() != null) {
            field(out, venue == null ? "howpublished" : "note", "arXiv preprint arXiv:" + paper.arxiv());
        }
        Paper.Issued issued = paper.issued();
        if (issued != null) {
            field(out, "year", Integer.toString(issued.year()));
            if (issued.month() != null) {
                out.append("  month = ").append(MONTHS[issued.month() - 1]).append(",\n");
            }
            if (issued.day() != null) {
                field(out, "date", issued.toString());
            }
        }
        if (paper.arxiv() != null) {
            field(out, "eprint", paper.arxiv());
            field(out, "archivePrefix", "arXiv");
        }
        if (paper.doi() != null) {
            // verbatim, as biblatex and reference managers read it (plain.bst ignores it); only braces would unbalance the entry
            field(out, "doi", paper.doi().replaceAll("[{}\\\\]", ""));
        }
        if (paper.arxiv() != null) {
            field(out, "url", Citations.arxivUrl(paper.arxiv()));
        } else if (paper.doi() != null) {
            field(out, "url", "https://doi.org/" + paper.doi().replaceAll("[{}\\\\]", ""));
        }
        if (authors == null) {
            field(out, "key", LatexText.of(paper.title()));
        }
        out.setLength(out.length() - 2);
        out.append("\n}\n");
    }

    /** Whether a venue names proceedings (a conference, a workshop) rather than a journal. */
    static boolean isProceedings(String venue) {
        return PROCEEDINGS.matcher(venue).matches();
    }

    /** {@code Kaplan, Jared and McCandlish, Sam}; a one-word name (an organisation) braced so it is never split. */
    static String authors(Paper paper) {
        if (paper.authors().isEmpty()) {
            return paper.organization() == null ? null : "{" + LatexText.of(paper.organization()) + "}";
        }
        return paper.authors().stream().map(PersonName::parse).map(name -> name.literal() != null
                ? "{" + LatexText.of(name.literal()) + "}"
                : LatexText.of(name.family()) + ", " + LatexText.of(name.given())).collect(Collectors.joining(" and "));
    }

    /** The title in LaTeX, each word with a capital past its first letter or a capital and a digit braced. */
    static String title(String title) {
        StringBuilder out = new StringBuilder();
        for (String word : title.split("(?<= )|(?= )")) {
            String latex = LatexText.of(word);
            boolean protect = word.codePoints().skip(1).anyMatch(Character::isUpperCase)
                    || (Character.isUpperCase(word.codePointAt(0)) && word.chars().anyMatch(Character::isDigit));
            out.append(protect ? "{" + latex + "}" : latex);
        }
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append(" = {").append(value).append("},\n");
    }
}
