package org.mailautoconf.registry.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A providers.d/ directory that a test writes file by file, so each test shows its own YAML. */
final class ProviderDir {

    private final Path dir;

    ProviderDir(Path dir) {
        this.dir = dir;
    }

    /** Writes a provider file exactly as given: line 1 of the text block is line 1 of the file. */
    ProviderDir file(String name, String yaml) {
        return bytes(name, yaml.getBytes(StandardCharsets.UTF_8));
    }

    ProviderDir bytes(String name, byte[] content) {
        try {
            Path path = dir.resolve(name);
            Files.createDirectories(path.getParent());
            Files.write(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path path(String name) {
        return dir.resolve(name);
    }

    LoadResult load() {
        return new RegistryLoader().load(dir, Optional.empty());
    }

    LoadResult load(String defaultProvider) {
        return new RegistryLoader().load(dir, Optional.of(defaultProvider));
    }

    /** A complete, clean provider (no warnings) serving {@code domain}, for tests about something else. */
    static String provider(String id, String domain) {
        return """
                id: %s
                name: Provider %s
                domains: [%s]
                incoming:
                  - type: imap
                    hostname: imap.%s
                    port: 993
                    security: tls
                outgoing:
                  - type: smtp
                    hostname: smtp.%s
                    port: 465
                    security: tls
                """.formatted(id, id, domain, domain, domain);
    }
}
