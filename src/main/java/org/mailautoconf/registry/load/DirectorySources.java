package org.mailautoconf.registry.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * {@code validate --directories FILE}: a provider whose {@code directory.source} names no source
 * of the directories file is an error, at the line and column of that name (serve would answer
 * it from its templates alone, which is seldom what was meant). The loader keeps no positions in
 * the model, so the provider's file is read again for this one field.
 */
public final class DirectorySources {

    private DirectorySources() {
    }

    /** One problem per provider naming a source that {@code configured} does not hold. */
    public static List<Problem> unknown(Registry registry, Set<String> configured, String directoriesFile) {
        List<Problem> problems = new ArrayList<>();
        for (Provider p : registry.providers()) {
            if (p.directory().isEmpty() || configured.contains(p.directory().get().source())) {
                continue;
            }
            String source = p.directory().get().source();
            String known = configured.isEmpty() ? "it has no sources" : "its sources are " + String.join(", ", configured.stream().sorted().toList());
            problems.add(Problem.error(where(p), "directory.source", "unknown-directory-source",
                    "'" + source + "' is not a source of " + directoriesFile + " (" + known
                            + "); serve would answer " + p.id() + " from its templates alone"));
        }
        return problems;
    }

    /** Where the provider's file names the source; its first line when the field is inherited ({@code extends}). */
    private static Location where(Provider p) {
        String file = p.source().toString();
        Location first = new Location(file, 1, 1);
        String text;
        try {
            text = new String(BoundedRead.read(p.source(), BoundedRead.MAX_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return first;
        }
        YamlNode root = new YamlReader().read(file, text, new ArrayList<>());
        return Optional.ofNullable(root).filter(YamlNode.Mapping.class::isInstance).map(YamlNode.Mapping.class::cast)
                .flatMap(m -> m.entry("directory")).map(YamlNode.Entry::value)
                .filter(YamlNode.Mapping.class::isInstance).map(YamlNode.Mapping.class::cast)
                .flatMap(m -> m.entry("source")).map(e -> e.value().location()).orElse(first);
    }
}
