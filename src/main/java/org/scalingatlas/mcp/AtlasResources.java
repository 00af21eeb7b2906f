package org.scalingatlas.mcp;

import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.scalingatlas.app.CorpusRecords;
import org.scalingatlas.app.Services;

/**
 * Notes and papers as MCP resources named by their IRIs ({@code https://scalingatlas.org/id/note/ID}), read as the
 * JSON of {@code GET /api/notes/ID} and {@code GET /api/papers/ID}. Two resource templates are there from the start,
 * so a record can be read by IRI while the corpus loads (the read waits for it); the listed resources, one per note
 * and paper, are added once it has loaded.
 */
final class AtlasResources {

    static final String NOTE_TEMPLATE = CorpusRecords.IRI_BASE + "note/{id}";
    static final String PAPER_TEMPLATE = CorpusRecords.IRI_BASE + "paper/{id}";
    private static final String MIME = "application/json";
    private static final String NOTE = "A note: one claim and the papers it rests on.";
    private static final String PAPER = "A paper: its abstract and the notes that cite it.";

    private final LoadingServices services;

    AtlasResources(LoadingServices services) {
        this.services = services;
    }

    /** The templates for notes and papers, read through the services once they have loaded. */
    List<McpServerFeatures.SyncResourceTemplateSpecification> templates() {
        return List.of(
                template(NOTE_TEMPLATE, "note", "A note by its IRI", NOTE, (s, id) -> s.records().note(id).map(Object.class::cast)),
                template(PAPER_TEMPLATE, "paper", "A paper by its IRI", PAPER, (s, id) -> s.records().paper(id).map(Object.class::cast)));
    }

    /** Every note and paper of the loaded corpus as a listed resource. */
    static List<McpServerFeatures.SyncResourceSpecification> listed(Services services) {
        List<McpServerFeatures.SyncResourceSpecification> resources = new ArrayList<>();
        services.records().noteResources().forEach(note -> resources.add(resource(note, NOTE)));
        services.records().paperResources().forEach(paper -> resources.add(resource(paper, PAPER)));
        return resources;
    }

    private static McpServerFeatures.SyncResourceSpecification resource(CorpusRecords.Resource record, String description) {
        McpSchema.Resource resource = McpSchema.Resource.builder().uri(record.iri()).name(record.title()).title(record.title())
                .description(description).mimeType(MIME).build();
        return new McpServerFeatures.SyncResourceSpecification(resource, (exchange, request) -> contents(record.iri(), record.detail()));
    }

    private McpServerFeatures.SyncResourceTemplateSpecification template(String uriTemplate, String name, String title, String description,
            RecordLookup lookup) {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder().uriTemplate(uriTemplate).name(name).title(title)
                .description(description).mimeType(MIME).build();
        String prefix = uriTemplate.substring(0, uriTemplate.indexOf('{'));
        return new McpServerFeatures.SyncResourceTemplateSpecification(template, (exchange, request) -> {
            String id = request.uri().substring(prefix.length());
            Services loaded;
            try {
                loaded = services.await();
            } catch (LoadingServices.NotLoadedException e) {
                throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(e.getMessage()).build();
            }
            Object record = lookup.find(loaded, id).orElseThrow(() -> McpError.RESOURCE_NOT_FOUND.apply(request.uri()));
            return contents(request.uri(), () -> record);
        });
    }

    private static McpSchema.ReadResourceResult contents(String uri, Supplier<Object> detail) {
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, MIME, ToolReplies.write(detail.get()))));
    }

    /** Finds a record by id in the loaded services. */
    private interface RecordLookup {
        Optional<Object> find(Services services, String id);
    }
}
