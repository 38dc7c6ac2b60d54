package org.mailautoconf.registry.load;

import java.nio.file.Path;

/**
 * A provider file's {@code domainList:} field: the list's name as written (relative to
 * providers.d), the file it resolves to, and where the field is, for a list that is missing.
 */
record DomainListRef(String name, Path path, Location at) {

    static final String FIELD = "domainList";

    /**
     * The field of {@code file}'s own tree (a list is not inherited through {@code extends}: two
     * providers would claim every name of it), or null when there is none or it is wrong (a
     * problem then says why).
     */
    static DomainListRef of(SourceFile file, NodeReader reader) {
        YamlNode.Entry e = file.root().entry(FIELD).orElse(null);
        if (e == null) {
            return null;
        }
        Location at = e.value().location();
        String text = reader.text(e, FIELD);
        if (text == null) {
            return null;
        }
        if (file.profile()) {
            reader.error(at, FIELD, "bad-domain-list", "a profile serves no domains; name the list in the provider file that extends it");
            return null;
        }
        Path dir = file.path().toAbsolutePath().getParent();
        String why = text.isBlank() ? "name a file in the provider directory, such as customers.txt"
                : text.startsWith("/") || text.contains("\\") || Path.of(text).isAbsolute() ? "the path is relative to the provider directory, such as customers.txt"
                : !dir.resolve(text).normalize().startsWith(dir) || text.contains("..") ? "the list must be inside the provider directory (no ..)"
                : text.endsWith(".yaml") || text.endsWith(".yml") ? "a .yaml or .yml file there is read as a provider file; name the list customers.txt, for example"
                : null;
        if (why != null) {
            reader.error(at, FIELD, "bad-domain-list", "'" + text + "': " + why);
            return null;
        }
        return new DomainListRef(text, dir.resolve(text).normalize(), at);
    }
}
