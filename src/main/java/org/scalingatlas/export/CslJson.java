package org.scalingatlas.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.corpus.Paper;

/**
 * Papers as CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc and citeproc), valid against
 * the CSL data schema: one item a paper, of type {@code article-journal} or {@code paper-conference} when a venue is
 * known ({@code container-title}), else {@code article} (CSL's type for preprints); its title; {@code author} when a
 * source lists the authors ({@code family}/{@code given}, a one-word name or the crediting organisation as
 * {@code literal}); {@code issued} as date-parts as precise as known (year and month only when they come from the
 * arXiv identifier); {@code DOI}; and for an arXiv paper the publisher arXiv, its identifier as {@code number} and its
 * abstract page as {@code URL}. Nothing the corpus does not hold is written.
 */
public final class CslJson {

    private CslJson() {
    }

    /** The items, ready for a JSON writer. */
    public static List<Map<String, Object>> of(List<Paper> papers) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (Paper paper : papers) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", paper.id());
            String venue = paper.venue();
            item.put("type", venue == null ? "article" : BibTex.isProceedings(venue) ? "paper-conference" : "article-journal");
            item.put("title", paper.title());
            List<Map<String, String>> authors = authors(paper);
            if (!authors.isEmpty()) {
                item.put("author", authors);
            }
            if (venue != null) {
                item.put("container-title", venue);
            }
            Paper.Issued issued = paper.issued();
            if (issued != null) {
                item.put("issued", Map.of("date-parts", List.of(issued.month() == null ? List.of(issued.year())
                        : issued.day() == null ? List.of(issued.year(), issued.month())
                        : List.of(issued.year(), issued.month(), issued.day()))));
            }
            if (paper.doi() != null) {
                item.put("DOI", paper.doi());
            }
            if (paper.arxiv() != null) {
                item.put("publisher", "arXiv");
                item.put("number", "arXiv:" + paper.arxiv());
                item.put("URL", Citations.arxivUrl(paper.arxiv()));
            } else if (paper.doi() != null) {
                item.put("URL", "https://doi.org/" + paper.doi());
            }
            items.add(item);
        }
        return items;
    }

    private static List<Map<String, String>> authors(Paper paper) {
        if (paper.authors().isEmpty()) {
            return paper.organization() == null ? List.of() : List.of(Map.of("literal", paper.organization()));
        }
        List<Map<String, String>> names = new ArrayList<>();
        for (String author : paper.authors()) {
            PersonName name = PersonName.parse(author);
            Map<String, String> csl = new LinkedHashMap<>();
            if (name.literal() != null) {
                csl.put("literal", name.literal());
            } else {
                csl.put("family", name.family());
                csl.put("given", name.given());
            }
            names.add(csl);
        }
        return names;
    }
}
