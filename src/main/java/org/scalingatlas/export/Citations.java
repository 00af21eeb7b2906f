package org.scalingatlas.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.scalingatlas.corpus.Paper;

/** Which papers an export holds: all of them in corpus order, or the ones named, in the order named. */
public final class Citations {

    private Citations() {
    }

    /** Thrown when a named paper is not in the corpus. */
    public static final class UnknownPapers extends IllegalArgumentException {
        public UnknownPapers(List<String> ids) {
            super("no paper in the corpus has the id" + (ids.size() == 1 ? " " : "s ") + String.join(", ", ids));
        }
    }

    /**
     * @param ids comma-separated paper ids, or {@code null} for the whole corpus
     * @throws IllegalArgumentException when {@code ids} names no paper at all
     * @throws UnknownPapers when it names a paper the corpus does not hold
     */
    public static List<Paper> select(List<Paper> all, Map<String, Paper> byId, String ids) {
        if (ids == null) {
            return all;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String id : ids.split(",")) {
            if (!id.isBlank()) {
                wanted.add(id.strip());
            }
        }
        if (wanted.isEmpty()) {
            throw new IllegalArgumentException("'ids' names no paper: give paper ids separated by commas, e.g. ids=a,b");
        }
        List<String> unknown = wanted.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownPapers(unknown);
        }
        List<Paper> papers = new ArrayList<>();
        wanted.forEach(id -> papers.add(byId.get(id)));
        return papers;
    }

    static String arxivUrl(String arxiv) {
        return "https://arxiv.org/abs/" + arxiv;
    }
}
