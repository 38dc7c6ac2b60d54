package org.mailautoconf.answer;

import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/** The outcome of asking for an answer: found, or no provider serves the domain. */
public sealed interface Lookup {

    /** @param kind how the domain found the provider */
    record Found(Answer answer, Provider provider, Registry.MatchKind kind) implements Lookup {}

    record NoProvider(DomainName domain) implements Lookup {}

    /** A provider serves the domain, but the format has no answer for it; the handler says why. */
    record Refused(Refusal refusal, Provider provider) implements Lookup {}

    /**
     * No file lists the domain and its MX records decide (hoster mode), but they are not known
     * yet: ask for them ({@code MxLookups.resolve}) off the event loop, then look up again.
     */
    record Unresolved(DomainName domain) implements Lookup {}
}
