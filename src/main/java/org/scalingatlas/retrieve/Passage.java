package org.scalingatlas.retrieve;

import java.util.ArrayList;
import java.util.List;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;

/**
 * One searchable unit: a note (question, claim and evidence) or a paper (title and abstract).
 *
 * @param kind  what it is
 * @param id    the note or paper id
 * @param title the note's question or the paper's title
 * @param body  the note's claim and evidence, or the paper's abstract
 * @param citable whether an answer may cite it: a note, or a paper no note rests on yet (cited by its abstract)
 */
public record Passage(Kind kind, String id, String title, String body, boolean citable) {

    /** A note (citable), or a paper some note rests on (cited through its notes). */
    public Passage(Kind kind, String id, String title, String body) {
        this(kind, id, title, body, kind == Kind.NOTE);
    }

    public enum Kind { NOTE, PAPER }

    /** A passage named by kind and id. */
    public record Ref(Kind kind, String id) {

        /** {@code note:ID} or {@code paper:ID}: the passage's key in an index. */
        public String key() {
            return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
        }
    }

    public String key() {
        return new Ref(kind, id).key();
    }

    /** A digest of the passage's text (SHA-256), and of whether a paper awaits a note: equal digests, equal passages. */
    public String digest() {
        try {
            String text = title + "\n" + body + (citable && kind == Kind.PAPER ? "\n(awaits a note)" : "");
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** The text that is embedded: title and the start of the body (the same for every engine). */
    public String embeddingText() {
        String text = title + ". " + body;
        return text.length() <= 1200 ? text : text.substring(0, 1200);
    }

    public static List<Passage> of(Corpus corpus) {
        List<Passage> passages = new ArrayList<>();
        for (Note note : corpus.notes()) {
            StringBuilder body = new StringBuilder(note.claim());
            note.papers().forEach(s -> s.evidence().forEach(e -> body.append(' ').append(e)));
            passages.add(new Passage(Kind.NOTE, note.id(), note.title(), body.toString()));
        }
        java.util.Set<String> noted = new java.util.HashSet<>();
        corpus.notes().forEach(note -> noted.addAll(note.paperIds()));
        for (Paper paper : corpus.papers()) {
            passages.add(new Passage(Kind.PAPER, paper.id(), paper.title(), paper.abstractText(), !noted.contains(paper.id())));
        }
        return passages;
    }
}
