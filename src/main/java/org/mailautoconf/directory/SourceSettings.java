package org.mailautoconf.directory;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** One source of a directories file, as configured. */
public sealed interface SourceSettings {

    String name();

    /**
     * LDAP: {@code ldap://} (with {@code startTls}) or {@code ldaps://}; the filter is a template
     * whose {@code {address}}, {@code {localpart}}, {@code {domain}} are escaped per RFC 4515.
     * {@code attributes} maps {@code login}, {@code incomingLogin}, {@code outgoingLogin},
     * {@code activeSyncLogin}, {@code displayName}, {@code canonicalAddress} to attribute names.
     */
    record Ldap(String name, URI url, boolean startTls, Optional<String> bindDn, Optional<Secret> password,
            String baseDn, String filter, Optional<String> domainFilter, Map<String, String> attributes,
            Optional<Path> caFile) implements SourceSettings {
    }

    /** SQL over JDBC: the lookup's columns are named like LDAP's attributes keys, in snake case. */
    record Sql(String name, String url, Optional<String> user, Optional<Secret> password, SqlTemplate lookup,
            Optional<SqlTemplate> domain, int poolSize) implements SourceSettings {
    }
}
