package org.scalingatlas.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalingatlas.corpus.Paper;
import org.scalingatlas.corpus.PaperStore;
import org.scalingatlas.corpus.Slugs;

/**
 * Merges listing entries into the corpus. The same paper (same arXiv id, else same title) from several inputs
 * becomes one record; a field already in the corpus is never overwritten (a curator's edit wins, and an input that
 * states nothing for a field never empties it), a differing value is reported as a warning; only new or changed
 * records are written, all or none.
 */
public final class CorpusImport {

    /**
     * What an import did.
     *
     * @param changedFields per updated paper, the fields the import filled in ({@code doi}, {@code authors}, ...)
     */
    public record Report(int entriesRead, List<String> created, List<String> updated, int unchanged, List<String> warnings,
            Map<String, List<String>> changedFields) {
        public Report {
            created = List.copyOf(created);
            updated = List.copyOf(updated);
            warnings = List.copyOf(warnings);
            changedFields = Collections.unmodifiableMap(new LinkedHashMap<>(changedFields));
        }

        /** Every field some updated paper gained, in the order of the record's fields. */
        public List<String> fieldsUpdated() {
            return FIELDS.stream().filter(f -> changedFields.values().stream().anyMatch(l -> l.contains(f))).toList();
        }

        /** {@code added 3, updated 1 (doi, authors), unchanged 176}. */
        public String summary() {
            List<String> fields = fieldsUpdated();
            return "added " + created.size() + ", updated " + updated.size()
                    + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")") + ", unchanged " + unchanged;
        }
    }

    /** The fields of a paper record, in the order the report names them. */
    static final List<String> FIELDS = List.of("title", "abstract", "date", "issued", "authorCount", "authors", "organization", "arxiv",
            "doi", "venue", "code", "sources");

    private final PaperStore store;

    public CorpusImport(PaperStore store) {
        this.store = store;
    }

    public Report run(List<ListingEntry> entries) {
        List<Paper> existing = store.loadAll();
        Map<String, Paper> byId = new LinkedHashMap<>();
        Map<String, String> idByTitle = new HashMap<>();
        Map<String, String> idByArxiv = new HashMap<>();
        for (Paper paper : existing) {
            index(paper, byId, idByTitle, idByArxiv);
        }
        Map<String, Paper> original = new HashMap<>(byId);
        List<String> warnings = new ArrayList<>();
        List<String> touched = new ArrayList<>();
        for (ListingEntry entry : entries) {
            String id = entry.arxiv() != null && idByArxiv.containsKey(entry.arxiv())
                    ? idByArxiv.get(entry.arxiv())
                    : idByTitle.get(Paper.titleKey(entry.title()));
            Paper merged = id == null ? create(entry, byId) : merge(byId.get(id), entry, warnings);
            index(merged, byId, idByTitle, idByArxiv);
            if (!touched.contains(merged.id())) {
                touched.add(merged.id());
            }
        }
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<Paper> changed = new ArrayList<>();
        Map<String, List<String>> changedFields = new LinkedHashMap<>();
        for (String id : touched) {
            Paper now = byId.get(id);
            Paper before = original.get(id);
            if (before == null) {
                created.add(id);
                changed.add(now);
            } else if (!before.equals(now)) {
                updated.add(id);
                changed.add(now);
                changedFields.put(id, changedFields(before, now));
            }
        }
        store.saveAll(changed);
        int unchanged = touched.size() - created.size() - updated.size();
        return new Report(entries.size(), created, updated, unchanged, warnings, changedFields);
    }

    private static List<String> changedFields(Paper before, Paper now) {
        List<Object> was = values(before);
        List<Object> is = values(now);
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < FIELDS.size(); i++) {
            if (!Objects.equals(was.get(i), is.get(i))) {
                fields.add(FIELDS.get(i));
            }
        }
        return fields;
    }

    private static List<Object> values(Paper p) {
        return java.util.Arrays.asList(p.title(), p.abstractText(), p.date(), p.yearMonth(), p.authorCount(), p.authors(), p.organization(),
                p.arxiv(), p.doi(), p.venue(), p.code(), p.sources());
    }

    private static void index(Paper paper, Map<String, Paper> byId, Map<String, String> idByTitle, Map<String, String> idByArxiv) {
        byId.put(paper.id(), paper);
        idByTitle.putIfAbsent(paper.titleKey(), paper.id());
        if (paper.arxiv() != null) {
            idByArxiv.putIfAbsent(paper.arxiv(), paper.id());
        }
    }

    private static Paper create(ListingEntry entry, Map<String, Paper> byId) {
        String base = Slugs.of(entry.title());
        String id = base;
        for (int n = 2; byId.containsKey(id); n++) {
            id = base + "-" + n;
        }
        return new Paper(id, entry.title(), entry.abstractText(), entry.date(), entry.date() == null ? entry.yearMonth() : null,
                entry.authorCount(), entry.authors(),
                entry.organization(), entry.arxiv(), entry.doi(), entry.venue(), CodeUrls.find(entry.abstractText()).orElse(null),
                List.of(entry.source()));
    }

    private static Paper merge(Paper paper, ListingEntry entry, List<String> warnings) {
        Conflicts conflicts = new Conflicts(paper.id(), entry, warnings);
        String abstractText = conflicts.keep("abstract", paper.abstractText().isEmpty() ? null : paper.abstractText(), entry.abstractText());
        List<String> sources = new ArrayList<>(paper.sources());
        sources.add(entry.source());
        String code = paper.code() != null ? paper.code() : CodeUrls.find(abstractText).orElse(null);
        LocalDate date = conflicts.keep("date", paper.date(), entry.date());
        // a stated year (or month) stands only until a day is known; a day never replaces a curated year with another year
        String yearMonth = date != null ? null : conflicts.keep("issued year", paper.yearMonth(), entry.yearMonth());
        return new Paper(paper.id(), paper.title(), abstractText, date, yearMonth,
                conflicts.keep("author count", paper.authorCount(), entry.authorCount()),
                paper.authors().isEmpty() ? entry.authors() : paper.authors(),
                conflicts.keep("organization", paper.organization(), entry.organization()),
                conflicts.keep("arXiv id", paper.arxiv(), entry.arxiv()),
                conflicts.keep("DOI", paper.doi(), entry.doi()),
                conflicts.keep("venue", paper.venue(), entry.venue()),
                code, sources);
    }

    /** Keeps the corpus's value of a field, takes the input's where the corpus has none, and reports differences. */
    private record Conflicts(String id, ListingEntry entry, List<String> warnings) {
        <T> T keep(String field, T current, T incoming) {
            if (incoming instanceof String text && text.isBlank()) {
                incoming = null;
            }
            if (current == null) {
                return incoming;
            }
            if (incoming != null && !Objects.equals(current, incoming)) {
                warnings.add(entry.source() + ":" + entry.line() + ": its " + field + " differs from the one in papers/"
                        + id + ".md; kept the corpus's");
            }
            return current;
        }
    }
}
