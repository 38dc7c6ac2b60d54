package org.mailautoconf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.RegistryLoader;

/** Loads registries for tests: the shipped providers.d, or files a test writes. */
public final class Registries {

    public static final Path SHIPPED = Path.of("providers.d");

    private Registries() {
    }

    public static Registry shipped() {
        return load(SHIPPED);
    }

    public static Registry load(Path dir) {
        LoadResult result = new RegistryLoader().load(dir, Optional.empty());
        return result.registry().orElseThrow(() -> new AssertionError("registry did not load: " + result.errors()));
    }

    /** The providers that answer for at least one domain (profiles answer for none). */
    public static List<Provider> providers(Registry registry) {
        return registry.providers().stream().filter(p -> p.primaryDomain().isPresent()).toList();
    }

    /** Every exact domain a provider lists. */
    public static List<DomainName> domains(Provider p) {
        return p.domains().stream().filter(d -> !d.wildcard()).map(DomainPattern::name).toList();
    }

    /** Writes a provider file (text block) into {@code dir} and returns its path. */
    public static Path write(Path dir, String fileName, String yaml) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(fileName), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the shipped files with Halnet's CA certificate where halnet.yaml expects it. */
    public static Path shippedWithHalnetCa(Path dir, TestPki.Issued ca) throws IOException {
        copyShipped(dir);
        Files.createDirectories(dir.resolve("certs"));
        Files.writeString(dir.resolve("certs/halnet-ca.crt"), TestPki.pem(ca.certificate()), StandardCharsets.US_ASCII);
        return dir;
    }

    /** A copy of the shipped providers.d in {@code dir}, for tests that edit it. */
    public static Path copyShipped(Path dir) {
        try (var files = Files.walk(SHIPPED)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(SHIPPED.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
