package org.mailautoconf.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The directories file: LDAP and SQL sources of per-user logins (docs/directories.md). */
final class DirectoryOptions {

    @Option(names = "--directories", paramLabel = "FILE", defaultValue = "${env:MAILAUTOCONF_DIRECTORIES}",
            description = "Read LDAP and SQL directories from this YAML file, for providers whose file names one "
                    + "(env MAILAUTOCONF_DIRECTORIES; default: none, every answer from the provider files' templates).")
    String file;

    Optional<Path> file() {
        return Optional.ofNullable(file).filter(f -> !f.isBlank()).map(Path::of);
    }
}
