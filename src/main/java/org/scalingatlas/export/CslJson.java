package org.scalingatlas.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalingatlas.corpus.Paper;

/**
 * Papers as CSL-JSON (the Citation Style Language's data format, read by Zotero, Pandoc and citeproc): one item a
 * paper, of type {@code article} (CSL's type for preprints), with its title, issue date when known, and for an arXiv
 * paper the publisher arXiv, its identifier as {@code number} and its abstract page as {@code URL}. Nothing the corpus
 * does not hold is written.
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
            item.put("type", "article");
            item.put("title", paper.title());
            if (paper.date() != null) {
                item.put("issued", Map.of("date-parts", List.of(List.of(paper.date().getYear(), paper.date().getMonthValue(), paper.date().getDayOfMonth()))));
            }
            if (paper.arxiv() != null) {
                item.put("publisher", "arXiv");
                item.put("number", "arXiv:" + paper.arxiv());
                item.put("URL", Citations.arxivUrl(paper.arxiv()));
            }
            items.add(item);
        }
        return items;
    }
}
