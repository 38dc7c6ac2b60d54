package org.mailautoconf.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.RegistryLoader;

/** The shipped provider directory, as shipped or copied with extras, loaded as the server loads it. */
public final class Providers {

    public static final Path SHIPPED = Path.of("providers.d");

    private Providers() {
    }

    public static Registry load(Path dir) {
        LoadResult result = new RegistryLoader().load(dir, Optional.empty());
        return result.registry().orElseThrow(() -> new AssertionError(dir + " does not load: " + result.errors()));
    }

    public static Registry shipped() {
        return load(SHIPPED);
    }

    /** A copy of the shipped provider files in {@code dir}. */
    public static Path copyShipped(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(SHIPPED)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /** A copy of the shipped files with Halnet's CA certificate where halnet.yaml expects it. */
    public static Path shippedWithHalnetCa(Path dir, TestPki.Issued ca) throws IOException {
        copyShipped(dir);
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/halnet-ca.crt"), TestPki.pem(ca.certificate()), StandardCharsets.US_ASCII);
        return dir;
    }
}
