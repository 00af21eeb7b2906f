package org.scalingatlas.corpus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A note as a human-editable file: Markdown with YAML front matter (see corpus/README.md). */
public final class NoteFile {

    private static final Set<String> KEYS = Set.of("id", "title", "status", "claim", "date", "papers", "axes", "laws", "ceilings", "relations");
    private static final Set<String> SUPPORT_KEYS = Set.of("id", "evidence", "via");
    private static final Set<String> CEILING_KEYS = Set.of("id", "label", "value", "task", "condition");
    private static final Set<String> RELATION_KEYS = Set.of("type", "note", "on");

    private NoteFile() {
    }

    /** The note as a file that {@link #parse} reads back as the same note. */
    public static String render(Note note) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", note.id());
        fields.put("title", note.title());
        if (note.status() == Note.Status.DRAFT) {
            fields.put("status", Note.Status.DRAFT.word);
        }
        if (!note.claim().isEmpty()) {
            fields.put("claim", note.claim());
        }
        if (note.date() != null) {
            fields.put("date", note.date().toString());
        }
        fields.put("papers", note.papers().stream().map(s -> {
            Map<String, Object> support = new LinkedHashMap<>();
            support.put("id", s.paperId());
            support.put("evidence", s.evidence());
            if (s.via() != null) {
                support.put("via", s.via());
            }
            return support;
        }).toList());
        fields.put("axes", note.axes());
        if (!note.laws().isEmpty()) {
            fields.put("laws", note.laws());
        }
        if (!note.ceilings().isEmpty()) {
            fields.put("ceilings", note.ceilings().stream().map(c -> {
                Map<String, Object> ceiling = new LinkedHashMap<>();
                ceiling.put("id", c.id());
                putIfPresent(ceiling, "label", c.label());
                putIfPresent(ceiling, "value", c.value());
                putIfPresent(ceiling, "task", c.task());
                putIfPresent(ceiling, "condition", c.condition());
                return ceiling;
            }).toList());
        }
        if (!note.relations().isEmpty()) {
            fields.put("relations", note.relations().stream().map(r -> {
                Map<String, Object> relation = new LinkedHashMap<>();
                relation.put("type", r.type().word);
                relation.put("note", r.noteId());
                putIfPresent(relation, "on", r.on());
                return relation;
            }).toList());
        }
        return new FrontMatter(fields, note.body(), 0).render();
    }

    private static void putIfPresent(Map<String, Object> fields, String key, String value) {
        if (value != null) {
            fields.put(key, value);
        }
    }

    /** A file says {@code status: draft} for a draft; a curated note says nothing (there is no other status to write). */
    private static Note.Status status(String word) {
        if (word == null) {
            return Note.Status.CURATED;
        }
        if (word.equals(Note.Status.DRAFT.word)) {
            return Note.Status.DRAFT;
        }
        throw new IllegalArgumentException("status '" + word + "' is not 'draft' (leave it out for a curated note)");
    }

    public static Note parse(Path file, String text) {
        FrontMatter doc = FrontMatter.parse(file, text);
        FrontMatterFields fields = new FrontMatterFields(file, doc.fields()).only(KEYS, "a note");
        try {
            List<Note.Support> papers = fields.objects("papers").stream()
                    .map(p -> p.only(SUPPORT_KEYS, "a note's papers"))
                    .map(p -> new Note.Support(p.text("id", true), p.texts("evidence"), p.text("via", false)))
                    .toList();
            List<Note.Ceiling> ceilings = fields.objects("ceilings").stream()
                    .map(c -> c.only(CEILING_KEYS, "a note's ceilings"))
                    .map(c -> new Note.Ceiling(c.text("id", true), c.text("label", false), c.text("value", false),
                            c.text("task", false), c.text("condition", false)))
                    .toList();
            List<Note.Relation> relations = fields.objects("relations").stream()
                    .map(r -> r.only(RELATION_KEYS, "a note's relations"))
                    .map(r -> new Note.Relation(Note.Relation.Type.of(r.text("type", true)), r.text("note", true), r.text("on", false)))
                    .toList();
            return new Note(fields.text("id", true), fields.text("title", true), fields.text("claim", false),
                    fields.date("date"), papers, fields.texts("axes"), fields.texts("laws"), ceilings, relations, doc.body(),
                    status(fields.text("status", false)));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CorpusException(file, 0, e.getMessage());
        }
    }
}
