package org.scalingatlas.api;

/** A note found for free text rather than named by its id, with its search score. */
public record NoteMatch(String id, double score) {
}
