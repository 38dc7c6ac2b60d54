package org.mailautoconf.format.pacc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON Schema written from the PACC draft (src/test/resources/pacc), checked by networknt's validator. */
public final class PaccSchema {

    private static final Schema SCHEMA = load();

    private PaccSchema() {
    }

    private static Schema load() {
        try (InputStream in = PaccSchema.class.getResourceAsStream("/pacc/user-agent-configuration.schema.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the document breaks the schema; empty when it is valid. */
    public static List<String> errors(byte[] document) {
        try {
            List<Error> errors = SCHEMA.validate(new ObjectMapper().readTree(document));
            return errors.stream().map(Error::toString).toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
