package org.mailautoconf.registry.load;

import java.util.List;
import org.mailautoconf.registry.Provider;

/**
 * A file after binding: the provider (null for a profile or when it has errors), the file's
 * problems, and its {@code domainList:} (null when it names none).
 */
record Bound(SourceFile file, Provider provider, List<DomainClaims.Claim> claims, List<Problem> problems, DomainListRef list) {}
