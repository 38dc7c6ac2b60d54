package org.mailautoconf.directory;

import java.util.Optional;

/**
 * What a directory knows about one address. Every value is optional: a source gives what its
 * query or attributes name. {@code found} is false for an address the directory does not know.
 * Never logged: it is personal data (query results stay out of every log).
 */
public record DirectoryEntry(
        boolean found,
        Optional<String> incomingLogin,
        Optional<String> outgoingLogin,
        Optional<String> activeSyncLogin,
        Optional<String> displayName,
        Optional<String> canonicalAddress) {

    public static final DirectoryEntry UNKNOWN = new DirectoryEntry(false, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    /** An entry where one {@code login} stands for every server that has no login of its own. */
    static DirectoryEntry of(Optional<String> login, Optional<String> incoming, Optional<String> outgoing,
            Optional<String> activeSync, Optional<String> displayName, Optional<String> canonical) {
        return new DirectoryEntry(true, incoming.or(() -> login), outgoing.or(() -> login), activeSync.or(() -> login),
                displayName, canonical);
    }

    @Override
    public String toString() {
        // Records print their values; this one must not, wherever it ends up.
        return "DirectoryEntry[found=" + found + "]";
    }
}
