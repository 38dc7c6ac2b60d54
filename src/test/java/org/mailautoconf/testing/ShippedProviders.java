package org.mailautoconf.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.RegistryLoader;

/** The registry of {@code providers.d/} exactly as shipped, and of the test provider directories. */
public final class ShippedProviders {

    public static final Path DIR = Path.of("providers.d");

    private ShippedProviders() {
    }

    public static Registry registry() {
        return load(DIR);
    }

    public static Registry load(Path dir) {
        LoadResult result = new RegistryLoader().load(dir, Optional.empty());
        return result.registry().orElseThrow(() -> new AssertionError(dir + " does not load: " + result.errors()));
    }

    /** The providers that answer for at least one domain (profiles answer for none). */
    public static List<Provider> providers(Registry registry) {
        return registry.providers().stream().filter(p -> p.primaryDomain().isPresent()).toList();
    }

    /** Every exact domain each provider lists. */
    public static List<DomainName> domains(Provider p) {
        return p.domains().stream().filter(d -> !d.wildcard()).map(DomainPattern::name).toList();
    }
}
