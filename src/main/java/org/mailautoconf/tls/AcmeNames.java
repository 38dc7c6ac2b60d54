package org.mailautoconf.tls;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * The names certificates are ordered for: {@code autoconfig.} and {@code autodiscover.} of every
 * domain the registry lists by name, and the public host. Never a wildcard pattern, never a name
 * a client sent: nothing a request carries makes the service order a certificate.
 */
final class AcmeNames {

    /** Let's Encrypt's limit of names per certificate. */
    static final int MAX_NAMES_PER_CERTIFICATE = 100;

    private AcmeNames() {
    }

    static SortedSet<String> wanted(Registry registry, Optional<String> publicHost) {
        SortedSet<String> names = new TreeSet<>();
        for (Provider p : registry.providers()) {
            for (DomainPattern d : p.domains()) {
                if (!d.wildcard()) {
                    names.add("autoconfig." + d.name().ascii());
                    names.add("autodiscover." + d.name().ascii());
                }
            }
        }
        publicHost.map(h -> h.toLowerCase(Locale.ROOT)).ifPresent(names::add);
        return names;
    }

    /**
     * Names in groups of at most {@link #MAX_NAMES_PER_CERTIFICATE}, in sorted order, so a
     * domain's two names usually share a certificate.
     */
    static List<List<String>> groups(Collection<String> names) {
        List<List<String>> groups = new ArrayList<>();
        List<String> sorted = new ArrayList<>(new TreeSet<>(names));
        for (int i = 0; i < sorted.size(); i += MAX_NAMES_PER_CERTIFICATE) {
            groups.add(List.copyOf(sorted.subList(i, Math.min(sorted.size(), i + MAX_NAMES_PER_CERTIFICATE))));
        }
        return groups;
    }
}
