package org.mailautoconf.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which provider a mail server (an MX host name) belongs to, by the providers' {@code mx:}
 * patterns: an exact host name first, then the longest {@code *.} pattern above it. Two
 * providers naming the same pattern: the first in file order keeps it, as the first provider
 * whose {@code mx:} matches answers (docs/providers.md).
 */
final class MxIndex {

    static final MxIndex EMPTY = new MxIndex(Map.of(), Map.of());

    private final Map<DomainName, Provider> exact;
    private final Map<DomainName, Provider> wildcards;

    private MxIndex(Map<DomainName, Provider> exact, Map<DomainName, Provider> wildcards) {
        this.exact = exact;
        this.wildcards = wildcards;
    }

    static MxIndex of(List<Provider> providers) {
        Map<DomainName, Provider> exact = new HashMap<>();
        Map<DomainName, Provider> wildcards = new HashMap<>();
        for (Provider p : providers) {
            for (DomainPattern d : p.mx()) {
                (d.wildcard() ? wildcards : exact).putIfAbsent(d.name(), p);
            }
        }
        return exact.isEmpty() && wildcards.isEmpty() ? EMPTY : new MxIndex(Map.copyOf(exact), Map.copyOf(wildcards));
    }

    boolean isEmpty() {
        return this == EMPTY;
    }

    Optional<Provider> providerFor(DomainName host) {
        Provider p = exact.get(host);
        for (DomainName parent = host.parent(); p == null && parent != null; parent = parent.parent()) {
            p = wildcards.get(parent);
        }
        return Optional.ofNullable(p);
    }
}
