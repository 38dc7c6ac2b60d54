package org.mailautoconf.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.mailautoconf.directory.DirectoryFile;
import org.mailautoconf.directory.DirectorySettings;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.DirectorySources;
import org.mailautoconf.registry.load.Problem;

/**
 * {@code validate --directories FILE}: reads the directories file as {@code serve} would (a
 * password file or variable it names must be there too) and checks each provider's
 * {@code directory.source} against its sources.
 */
final class DirectorySourceCheck {

    private DirectorySourceCheck() {
    }

    /** The problems of the providers' source names; empty when the directories file itself does not read (said on {@code out}). */
    static Optional<List<Problem>> problems(Registry registry, Path file, PrintWriter out) {
        DirectorySettings settings;
        try {
            settings = DirectoryFile.read(file);
        } catch (IllegalArgumentException e) {
            // The message names the file and field, never a password.
            out.println(e.getMessage());
            out.printf("%s: invalid directories file: the providers' directory sources were not checked%n", file);
            return Optional.empty();
        }
        return Optional.of(DirectorySources.unknown(registry, settings.sources().keySet(), file.toString()));
    }
}
