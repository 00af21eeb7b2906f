package org.scalingatlas.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.scalingatlas.corpus.Corpus;
import org.scalingatlas.corpus.Law;
import org.scalingatlas.corpus.Note;
import org.scalingatlas.corpus.Paper;

/** The corpus as RDF: one resource per paper, note, evidence sentence and ceiling, in the project's vocabulary. */
public final class CorpusGraph {

    private CorpusGraph() {
    }

    public static Model build(Corpus corpus) {
        Model model = withPrefixes();
        corpus.papers().forEach(paper -> addPaper(model, paper));
        corpus.notes().forEach(note -> addNote(model, note));
        corpus.laws().forEach(law -> addLaw(model, law));
        return model;
    }

    /**
     * The same triples as {@code vocabulary} plus {@link #build}, made in batches for a loader that takes one at a
     * time: the vocabulary and the laws, then papers and notes {@code size} records at a time. Each batch's model is
     * made only when asked for, so the whole graph is never in memory at once. Every resource of the corpus graph has
     * an IRI (no blank nodes), so batches made apart add up to the same graph.
     */
    public static List<Supplier<Model>> batches(Corpus corpus, Model vocabulary, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a batch must hold at least one record, got " + size);
        }
        List<Supplier<Model>> batches = new ArrayList<>();
        batches.add(() -> {
            Model model = ModelFactory.createDefaultModel().add(vocabulary);
            corpus.laws().forEach(law -> addLaw(model, law));
            return model;
        });
        List<Paper> papers = corpus.papers();
        for (int from = 0; from < papers.size(); from += size) {
            List<Paper> slice = papers.subList(from, Math.min(papers.size(), from + size));
            batches.add(() -> {
                Model model = ModelFactory.createDefaultModel();
                slice.forEach(paper -> addPaper(model, paper));
                return model;
            });
        }
        List<Note> notes = corpus.notes();
        for (int from = 0; from < notes.size(); from += size) {
            List<Note> slice = notes.subList(from, Math.min(notes.size(), from + size));
            batches.add(() -> {
                Model model = ModelFactory.createDefaultModel();
                slice.forEach(note -> addNote(model, note));
                return model;
            });
        }
        return List.copyOf(batches);
    }

    private static Model withPrefixes() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("atlas", Vocabulary.ATLAS);
        model.setNsPrefix("dcterms", Vocabulary.DCTERMS);
        model.setNsPrefix("cito", Vocabulary.CITO);
        model.setNsPrefix("prov", Vocabulary.PROV);
        model.setNsPrefix("skos", Vocabulary.SKOS);
        for (Kind kind : Kind.values()) {
            model.setNsPrefix(kind.prefix, Vocabulary.ID + kind.segment.segment + "/");
        }
        return model;
    }

    private enum Kind {
        PAPER("paper", Vocabulary.Kind.PAPER), NOTE("note", Vocabulary.Kind.NOTE), AXIS("axis", Vocabulary.Kind.AXIS),
        CEILING("ceiling", Vocabulary.Kind.CEILING), LAW("law", Vocabulary.Kind.LAW);

        final String prefix;
        final Vocabulary.Kind segment;

        Kind(String prefix, Vocabulary.Kind segment) {
            this.prefix = prefix;
            this.segment = segment;
        }
    }

    private static void addPaper(Model model, Paper paper) {
        Resource r = model.createResource(Vocabulary.iri(Vocabulary.Kind.PAPER, paper.id()).getURI(), Vocabulary.PAPER);
        r.addProperty(DCTerms.identifier, paper.id());
        r.addProperty(DCTerms.title, paper.title());
        if (!paper.abstractText().isEmpty()) {
            r.addProperty(DCTerms.abstract_, paper.abstractText());
        }
        if (paper.date() != null) {
            r.addProperty(DCTerms.date, model.createTypedLiteral(paper.date().toString(), XSDDatatype.XSDdate));
        }
        if (paper.yearMonth() != null) {
            r.addProperty(DCTerms.issued, model.createTypedLiteral(paper.yearMonth(),
                    paper.yearMonth().length() == 4 ? XSDDatatype.XSDgYear : XSDDatatype.XSDgYearMonth));
        }
        if (paper.arxiv() != null) {
            r.addProperty(Vocabulary.ARXIV_ID, paper.arxiv());
        }
        if (paper.doi() != null) {
            r.addProperty(Vocabulary.DOI, paper.doi());
        }
        if (paper.venue() != null) {
            r.addProperty(Vocabulary.VENUE, paper.venue());
        }
        if (paper.authorCount() != null) {
            r.addLiteral(Vocabulary.AUTHOR_COUNT, model.createTypedLiteral(paper.authorCount().toString(), XSDDatatype.XSDinteger));
        }
        paper.authors().forEach(name -> r.addProperty(DCTerms.creator, name));
        if (paper.organization() != null) {
            r.addProperty(Vocabulary.ORGANIZATION, paper.organization());
        }
        if (paper.code() != null) {
            r.addProperty(Vocabulary.CODE_REPOSITORY, model.createResource(paper.code()));
        }
        paper.sources().forEach(source -> r.addProperty(Vocabulary.IMPORTED_FROM, source));
    }

    private static void addNote(Model model, Note note) {
        Resource r = model.createResource(Vocabulary.iri(Vocabulary.Kind.NOTE, note.id()).getURI(), Vocabulary.NOTE);
        if (note.status() == Note.Status.DRAFT) {
            r.addProperty(RDF.type, Vocabulary.DRAFT_NOTE);
        }
        r.addProperty(DCTerms.identifier, note.id());
        r.addProperty(DCTerms.title, note.title());
        if (!note.claim().isEmpty()) {
            r.addProperty(Vocabulary.CLAIM, note.claim());
        }
        if (note.date() != null) {
            r.addProperty(DCTerms.date, model.createTypedLiteral(note.date().toString(), XSDDatatype.XSDdate));
        }
        for (int p = 0; p < note.papers().size(); p++) {
            Note.Support support = note.papers().get(p);
            Resource paper = model.createResource(Vocabulary.iri(Vocabulary.Kind.PAPER, support.paperId()).getURI());
            r.addProperty(Vocabulary.CITES_AS_EVIDENCE, paper);
            r.addProperty(Vocabulary.WAS_DERIVED_FROM, paper);
            for (int e = 0; e < support.evidence().size(); e++) {
                Resource evidence = model.createResource(r.getURI() + "/evidence/%02d-%02d".formatted(p + 1, e + 1), Vocabulary.EVIDENCE);
                evidence.addProperty(Vocabulary.WAS_QUOTED_FROM, paper);
                evidence.addProperty(Vocabulary.QUOTE, support.evidence().get(e));
                if (support.via() != null) {
                    evidence.addProperty(Vocabulary.VIA, support.via());
                }
                r.addProperty(Vocabulary.HAS_EVIDENCE, evidence);
            }
        }
        note.axes().forEach(axis -> r.addProperty(Vocabulary.ON_AXIS, Vocabulary.iri(Vocabulary.Kind.AXIS, axis)));
        note.laws().forEach(law -> r.addProperty(Vocabulary.CITES_LAW, Vocabulary.iri(Vocabulary.Kind.LAW, law)));
        for (Note.Ceiling ceiling : note.ceilings()) {
            Resource c = model.createResource(Vocabulary.iri(Vocabulary.Kind.CEILING, ceiling.id()).getURI());
            r.addProperty(Vocabulary.REPORTS_CEILING, c);
            if (!ceiling.isReference()) {
                c.addProperty(RDF.type, Vocabulary.CEILING);
                c.addProperty(DCTerms.identifier, ceiling.id());
                addIfPresent(c, RDFS.label, ceiling.label());
                addIfPresent(c, Vocabulary.CEILING_VALUE, ceiling.value());
                addIfPresent(c, Vocabulary.TASK, ceiling.task());
                addIfPresent(c, Vocabulary.CONDITION, ceiling.condition());
            }
        }
        for (Note.Relation relation : note.relations()) {
            Property property = Vocabulary.relation(relation.type());
            Resource other = Vocabulary.iri(Vocabulary.Kind.NOTE, relation.noteId());
            r.addProperty(property, other);
            if (relation.on() != null) {
                // what the two notes differ (or agree) on qualifies the direct relation, which stays for plain CiTO readers
                Resource qualified = model.createResource(r.getURI() + "/relation/" + relation.type().word + "/" + relation.noteId(),
                        Vocabulary.RELATION);
                qualified.addProperty(Vocabulary.RELATION_TYPE, property);
                qualified.addProperty(Vocabulary.RELATED_NOTE, other);
                qualified.addProperty(Vocabulary.ON, relation.on());
                r.addProperty(Vocabulary.QUALIFIED_RELATION, qualified);
            }
        }
    }

    private static void addLaw(Model model, Law law) {
        Resource r = model.createResource(Vocabulary.iri(Vocabulary.Kind.LAW, law.id()).getURI(), Vocabulary.LAW);
        r.addProperty(DCTerms.identifier, law.id());
        r.addProperty(RDFS.label, law.name());
        r.addProperty(Vocabulary.FORMULA, law.formula());
        r.addProperty(DCTerms.source, Vocabulary.iri(Vocabulary.Kind.PAPER, law.paperId()));
        law.conventions().forEach(c -> r.addProperty(Vocabulary.CONVENTION, c));
        law.axes().forEach(axis -> r.addProperty(Vocabulary.ON_AXIS, Vocabulary.iri(Vocabulary.Kind.AXIS, axis)));
        addVariables(model, r, law);
        addConstantSets(model, r, law);
    }

    /** The law's inputs (symbol, unit, fitted range) and outputs (symbol, unit, formula). */
    private static void addVariables(Model model, Resource r, Law law) {
        for (Law.Variable input : law.inputs()) {
            Resource v = model.createResource(r.getURI() + "/input/" + input.symbol(), Vocabulary.VARIABLE);
            v.addProperty(Vocabulary.SYMBOL, input.symbol());
            addIfPresent(v, RDFS.label, input.name());
            v.addProperty(Vocabulary.UNIT, input.unit());
            if (input.min() != null) {
                v.addLiteral(Vocabulary.FITTED_MIN, model.createTypedLiteral(input.min()));
            }
            if (input.max() != null) {
                v.addLiteral(Vocabulary.FITTED_MAX, model.createTypedLiteral(input.max()));
            }
            r.addProperty(Vocabulary.HAS_INPUT, v);
        }
        for (Law.Output output : law.outputs()) {
            Resource o = model.createResource(r.getURI() + "/output/" + output.name(), Vocabulary.VARIABLE);
            o.addProperty(Vocabulary.SYMBOL, output.name());
            o.addProperty(Vocabulary.UNIT, output.unit());
            o.addProperty(Vocabulary.FORMULA, output.formula());
            r.addProperty(Vocabulary.HAS_OUTPUT, o);
        }
    }

    /**
     * Each constant set with its provenance, the paper that published it, its aliases (skos:altLabel), the datasets it
     * was fitted on and its values.
     */
    private static void addConstantSets(Model model, Resource r, Law law) {
        for (Law.ConstantSet set : law.constantSets()) {
            Resource s = model.createResource(r.getURI() + "/constants/" + set.id(), Vocabulary.CONSTANT_SET);
            s.addProperty(DCTerms.identifier, set.id());
            s.addProperty(RDFS.label, set.label());
            set.aliases().forEach(alias -> s.addProperty(SKOS.altLabel, alias));
            set.data().forEach(dataset -> s.addProperty(Vocabulary.FITTED_ON, Vocabulary.iri(Vocabulary.Kind.DATASET, dataset)));
            s.addProperty(Vocabulary.PROVENANCE, set.provenance());
            s.addProperty(DCTerms.source, Vocabulary.iri(Vocabulary.Kind.PAPER, set.paperId() == null ? law.paperId() : set.paperId()));
            set.values().forEach((name, value) -> {
                Resource c = model.createResource(s.getURI() + "/" + name, Vocabulary.CONSTANT);
                c.addProperty(RDFS.label, name);
                c.addLiteral(Vocabulary.VALUE, model.createTypedLiteral(value));
                s.addProperty(Vocabulary.HAS_CONSTANT, c);
            });
            r.addProperty(Vocabulary.HAS_CONSTANT_SET, s);
        }
    }

    private static void addIfPresent(Resource resource, Property property, String value) {
        if (value != null) {
            resource.addProperty(property, value);
        }
    }
}
