package org.scalingatlas.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's JSON Schema validator (networknt, draft 2020-12), made on first use rather than when the server is built:
 * loading it takes a good part of a second, which would otherwise delay the answer to the handshake. It checks each
 * tool's structured content against the tool's output schema.
 */
final class LazySchemaValidator implements JsonSchemaValidator {

    private static final Logger LOG = LoggerFactory.getLogger(LazySchemaValidator.class);

    private final Queue<Map<String, Object>> unchecked = new ConcurrentLinkedQueue<>();
    private volatile JsonSchemaValidator validator;

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        JsonSchemaValidator checked = validator();
        for (Map<String, Object> pending; (pending = unchecked.poll()) != null; ) {
            ValidationResponse meta = checked.validateSchema(pending);
            if (!meta.valid()) {
                LOG.error("a tool's schema is not valid JSON Schema: {}", meta.errorMessage());
            }
        }
        return checked.validate(schema, structuredContent);
    }

    /**
     * Accepts the schema for now and checks it against its meta-schema on first use, in {@link #validate}: the SDK
     * checks every tool's schemas when the server is built, which would load the validator before the handshake.
     */
    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        if (validator != null) {
            return validator.validateSchema(schema);
        }
        unchecked.add(schema);
        return ValidationResponse.asValid(null);
    }

    private JsonSchemaValidator validator() {
        JsonSchemaValidator made = validator;
        if (made == null) {
            synchronized (this) {
                if (validator == null) {
                    validator = McpJsonDefaults.getSchemaValidator();
                }
                made = validator;
            }
        }
        return made;
    }
}
