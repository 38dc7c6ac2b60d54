package org.mailautoconf.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the last good provider files are kept, to start from when providers.d does not load. */
final class StateOptions {

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = "${env:MAILAUTOCONF_STATE_DIR}",
            description = "Keep the provider files of the last good load here and start from them when the provider "
                    + "directory does not load (env MAILAUTOCONF_STATE_DIR; default: none, nothing is kept).")
    String stateDir;

    Optional<Path> stateDir() {
        return Optional.ofNullable(stateDir).filter(d -> !d.isBlank()).map(Path::of);
    }
}
