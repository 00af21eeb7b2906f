package org.scalingatlas.corpus;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One claim, titled as a question, resting on sentences quoted from papers.
 *
 * @param id        stable slug; also the file name in {@code corpus/notes/}
 * @param title     the question the claim answers
 * @param claim     1-3 sentences in the curators' own words
 * @param date      the date of the claim (of the paper it rests on), or {@code null}
 * @param papers    the papers it rests on, each with the quoted evidence
 * @param axes      axis ids from the axis scheme
 * @param laws      ids of the laws it cites
 * @param ceilings  ceilings it reports (a full definition, or a reference by id to one another note defines)
 * @param relations relations to other notes
 * @param body      optional commentary in Markdown
 * @param status    whether a curator wrote and reviewed it, it is a draft awaiting review, or it stands for a paper no
 *                  note rests on yet, holding the abstract's own sentences
 */
public record Note(
        String id,
        String title,
        String claim,
        LocalDate date,
        List<Support> papers,
        List<String> axes,
        List<String> laws,
        List<Ceiling> ceilings,
        List<Relation> relations,
        String body,
        Status status) {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Note {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("note id '" + id + "' must be lowercase words joined by '-'");
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("note " + id + " has no title");
        }
        claim = claim == null ? "" : claim.strip();
        papers = List.copyOf(papers);
        axes = List.copyOf(axes);
        laws = List.copyOf(laws);
        ceilings = List.copyOf(ceilings);
        relations = List.copyOf(relations);
        body = body == null ? "" : body;
        status = status == null ? Status.CURATED : status;
    }

    /** A curated note. */
    public Note(String id, String title, String claim, LocalDate date, List<Support> papers, List<String> axes, List<String> laws,
            List<Ceiling> ceilings, List<Relation> relations, String body) {
        this(id, title, claim, date, papers, axes, laws, ceilings, relations, body, Status.CURATED);
    }

    /**
     * {@link #CURATED}: written and reviewed by a curator. {@link #DRAFT}: drafted (by {@code ./atlas notes draft}),
     * served with a mark and awaiting review. {@link #ABSTRACT}: not a file at all, but a paper no note rests on yet,
     * standing in an answer with its abstract's own sentences as its claim.
     */
    public enum Status {
        CURATED("curated"), DRAFT("draft"), ABSTRACT("abstract");

        public final String word;

        Status(String word) {
            this.word = word;
        }
    }

    public List<String> paperIds() {
        return papers.stream().map(Support::paperId).toList();
    }

    /** A paper a note rests on, and the sentences quoted from it. */
    public record Support(String paperId, List<String> evidence, String via) {
        public Support {
            Objects.requireNonNull(paperId, "paper id");
            evidence = List.copyOf(evidence);
        }
    }

    /** Where a curve flattens or a capability plateaus. A reference to a ceiling defined elsewhere has only its id. */
    public record Ceiling(String id, String label, String value, String task, String condition) {
        public Ceiling {
            Objects.requireNonNull(id, "ceiling id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("ceiling id '" + id + "' must be lowercase words joined by '-'");
            }
        }

        public boolean isReference() {
            return label == null && value == null && task == null && condition == null;
        }
    }

    /**
     * A relation from this note to another.
     *
     * @param on what the two differ on (or agree on), in a few words ("the definition of N"), or {@code null} when the
     *           texts do not tell
     */
    public record Relation(Type type, String noteId, String on) {
        public Relation {
            Objects.requireNonNull(type, "relation type");
            Objects.requireNonNull(noteId, "related note id");
            on = on == null || on.isBlank() ? null : on.strip();
        }

        public Relation(Type type, String noteId) {
            this(type, noteId, null);
        }

        /** The kinds of relation between notes, as written in the files. */
        public enum Type {
            SUPPORTS("supports"), DISAGREES("disagrees"), REFINES("refines"), EXTENDS("extends");

            public final String word;

            Type(String word) {
                this.word = word;
            }

            public static Type of(String word) {
                for (Type type : values()) {
                    if (type.word.equals(word)) {
                        return type;
                    }
                }
                throw new IllegalArgumentException("relation type '" + word + "' is not one of supports, disagrees, refines, extends");
            }
        }
    }
}
