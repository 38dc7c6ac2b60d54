package org.mailautoconf.registry;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A provider's {@code directory:} field: which configured directory source knows its users, and
 * which values of an answer it supplies (docs/directories.md). Values it does not supply, and
 * every value for an address the directory does not know, come from the file's templates.
 */
public record DirectoryUse(String source, Set<Value> supplies) {

    /** What an answer may take from the directory. */
    public enum Value {
        INCOMING_LOGIN("incomingLogin"),
        OUTGOING_LOGIN("outgoingLogin"),
        ACTIVESYNC_LOGIN("activeSyncLogin"),
        CANONICAL_ADDRESS("canonicalAddress");

        private final String key;

        Value(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static Optional<Value> byKey(String key) {
            return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
        }
    }

    public DirectoryUse {
        supplies = Set.copyOf(supplies);
    }
}
