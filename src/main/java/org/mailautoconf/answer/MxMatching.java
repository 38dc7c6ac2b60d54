package org.mailautoconf.answer;

import java.util.Optional;
import org.mailautoconf.mx.MxAnswer;
import org.mailautoconf.mx.MxLookups;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * Hoster mode's step for a domain no file lists (or only the default provider answers): its MX
 * hosts in preference order, the first that a provider's {@code mx:} names. Asked only where
 * the registry matched nothing better, so a listed domain never costs a lookup. Reads the kept
 * MX answer only: when there is none yet, the caller is told so ({@link #UNRESOLVED}) and the
 * http layer asks DNS off the event loop.
 */
final class MxMatching {

    /** The match and the MX answer it rests on. */
    record Step(Optional<Registry.Match> match, MxAnswer basis) {}

    /** The domain's MX answer is not kept yet: ask for it first. */
    static final Step UNRESOLVED = new Step(Optional.empty(), null);

    private final MxLookups lookups;

    /** @param lookups null: no hoster mode at all */
    MxMatching(MxLookups lookups) {
        this.lookups = lookups;
    }

    /** Whether the MX decides for this domain: only when the registry listed it nowhere and some provider has {@code mx:}. */
    boolean applies(Registry registry, Optional<Registry.Match> listed) {
        return lookups != null && registry.matchesMx() && (listed.isEmpty() || listed.get().kind() == Registry.MatchKind.DEFAULT);
    }

    /** The match with the kept MX answer applied, or {@link #UNRESOLVED}. Call only where {@link #applies}. */
    Step apply(Registry registry, DomainName domain, Optional<Registry.Match> listed) {
        MxAnswer a = lookups.settled(domain);
        if (a == null) {
            return UNRESOLVED;
        }
        for (DomainName host : a.hosts()) {
            Optional<Provider> p = registry.providerForMx(host);
            if (p.isPresent()) {
                return new Step(Optional.of(new Registry.Match(p.get(), Registry.MatchKind.MX)), a);
            }
        }
        return new Step(listed, a);
    }

    /** Whether the MX answer an answer rests on is still the one kept (null basis: it rests on none). */
    boolean stillHolds(MxAnswer basis, DomainName domain) {
        return basis == null || lookups.settled(domain) == basis;
    }
}
