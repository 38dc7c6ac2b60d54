package org.mailautoconf.directory;

import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/** One configured directory (LDAP or SQL). Blocking: called only on the directory's own threads. */
public interface DirectorySource extends AutoCloseable {

    /** What the directory holds for this address; {@link DirectoryEntry#UNKNOWN} when nothing. */
    DirectoryEntry lookup(EmailAddress address) throws DirectoryException;

    /** Whether the domain is hosted here, or empty when the source has no domain query. */
    Optional<Boolean> hostsDomain(DomainName domain) throws DirectoryException;

    /**
     * Connects ahead of the first lookup (class loading, TLS, SCRAM and the bind cost more than a
     * lookup's time limit once): called on the directory's own thread when it opens.
     */
    void warm() throws DirectoryException;

    @Override
    void close();
}
