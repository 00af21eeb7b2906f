package org.scalingatlas.graph;

import java.util.Optional;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.scalingatlas.corpus.Note;

/** Every IRI the project mints or uses, in one place. */
public final class Vocabulary {

    public static final String ATLAS = "https://scalingatlas.org/ontology#";
    public static final String ID = "https://scalingatlas.org/id/";
    public static final String CITO = "http://purl.org/spar/cito/";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

    public static final Resource PAPER = atlas("Paper");
    public static final Resource NOTE = atlas("Note");
    public static final Resource DRAFT_NOTE = atlas("DraftNote");
    public static final Resource EVIDENCE = atlas("Evidence");
    public static final Resource CEILING = atlas("Ceiling");
    public static final Resource LAW = atlas("Law");
    public static final Resource VARIABLE = atlas("Variable");
    public static final Resource CONSTANT_SET = atlas("ConstantSet");
    public static final Resource CONSTANT = atlas("Constant");
    public static final Resource DATASET = atlas("Dataset");
    public static final Resource RELATION = atlas("Relation");

    public static final Property CLAIM = atlasProperty("claim");
    public static final Property HAS_EVIDENCE = atlasProperty("evidence");
    public static final Property QUOTE = atlasProperty("quote");
    public static final Property VIA = atlasProperty("via");
    public static final Property ON_AXIS = atlasProperty("onAxis");
    public static final Property CITES_LAW = atlasProperty("citesLaw");
    public static final Property REPORTS_CEILING = atlasProperty("reportsCeiling");
    public static final Property REFINES = atlasProperty("refines");
    public static final Property ARXIV_ID = atlasProperty("arxivId");
    public static final Property DOI = atlasProperty("doi");
    public static final Property VENUE = atlasProperty("venue");
    public static final Property AUTHOR_COUNT = atlasProperty("authorCount");
    public static final Property ORGANIZATION = atlasProperty("organization");
    public static final Property CODE_REPOSITORY = atlasProperty("codeRepository");
    public static final Property IMPORTED_FROM = atlasProperty("importedFrom");
    public static final Property CEILING_VALUE = atlasProperty("ceilingValue");
    public static final Property TASK = atlasProperty("task");
    public static final Property CONDITION = atlasProperty("condition");
    public static final Property FORMULA = atlasProperty("formula");
    public static final Property HAS_INPUT = atlasProperty("variable");
    public static final Property HAS_OUTPUT = atlasProperty("output");
    public static final Property SYMBOL = atlasProperty("symbol");
    public static final Property UNIT = atlasProperty("unit");
    public static final Property FITTED_MIN = atlasProperty("fittedMin");
    public static final Property FITTED_MAX = atlasProperty("fittedMax");
    public static final Property HAS_CONSTANT_SET = atlasProperty("constantSet");
    public static final Property HAS_CONSTANT = atlasProperty("constant");
    public static final Property VALUE = atlasProperty("value");
    public static final Property FITTED_ON = atlasProperty("fittedOn");
    public static final Property PROVENANCE = atlasProperty("provenance");
    public static final Property CONVENTION = atlasProperty("convention");
    public static final Property QUALIFIED_RELATION = atlasProperty("qualifiedRelation");
    public static final Property RELATION_TYPE = atlasProperty("relationType");
    public static final Property RELATED_NOTE = atlasProperty("relatedNote");
    public static final Property ON = atlasProperty("on");

    public static final Property CITES_AS_EVIDENCE = property(CITO + "citesAsEvidence");
    public static final Property SUPPORTS = property(CITO + "supports");
    public static final Property DISAGREES_WITH = property(CITO + "disagreesWith");
    public static final Property EXTENDS = property(CITO + "extends");
    public static final Property WAS_QUOTED_FROM = property(PROV + "wasQuotedFrom");
    public static final Property WAS_DERIVED_FROM = property(PROV + "wasDerivedFrom");

    private Vocabulary() {
    }

    /** The kinds of record that get an IRI {@code https://scalingatlas.org/id/KIND/ID}. */
    public enum Kind {
        PAPER("paper"), NOTE("note"), AXIS("axis"), CEILING("ceiling"), LAW("law"), DATASET("dataset");

        public final String segment;

        Kind(String segment) {
            this.segment = segment;
        }
    }

    public static Resource iri(Kind kind, String id) {
        return ResourceFactory.createResource(ID + kind.segment + "/" + id);
    }

    /** The kind and id of an IRI minted here ({@code .../note/ID/evidence/...} belongs to note ID). */
    public static Optional<Minted> parse(String iri) {
        if (iri == null || !iri.startsWith(ID)) {
            return Optional.empty();
        }
        String[] parts = iri.substring(ID.length()).split("/");
        if (parts.length < 2) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (kind.segment.equals(parts[0])) {
                return Optional.of(new Minted(kind, parts[1]));
            }
        }
        return Optional.empty();
    }

    /** A record IRI taken apart. */
    public record Minted(Kind kind, String id) {
    }

    public static Property relation(Note.Relation.Type type) {
        return switch (type) {
            case SUPPORTS -> SUPPORTS;
            case DISAGREES -> DISAGREES_WITH;
            case EXTENDS -> EXTENDS;
            case REFINES -> REFINES;
        };
    }

    private static Resource atlas(String local) {
        return ResourceFactory.createResource(ATLAS + local);
    }

    private static Property atlasProperty(String local) {
        return ResourceFactory.createProperty(ATLAS + local);
    }

    private static Property property(String iri) {
        return ResourceFactory.createProperty(iri);
    }
}
