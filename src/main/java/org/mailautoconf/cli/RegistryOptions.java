package org.mailautoconf.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options every command needs to find the registry: render and validate take them alike. */
final class RegistryOptions {

    @Option(names = {"-p", "--providers"}, paramLabel = "DIR", defaultValue = "${env:MAILAUTOCONF_PROVIDERS:-providers.d}",
            description = "Directory of provider files (env MAILAUTOCONF_PROVIDERS; default: ${DEFAULT-VALUE}).")
    Path providers;

    @Option(names = "--default-provider", paramLabel = "ID", defaultValue = "${env:MAILAUTOCONF_DEFAULT_PROVIDER}",
            description = "Provider id that answers for domains no file lists (env MAILAUTOCONF_DEFAULT_PROVIDER; default: none).")
    String defaultProvider;

    Optional<String> defaultProvider() {
        return Optional.ofNullable(defaultProvider).filter(s -> !s.isBlank());
    }
}
