package org.mailautoconf.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of all providers, with the domain index. A reload builds a new one;
 * nothing here ever changes after construction.
 *
 * @param version a hash of every file the snapshot was read from
 */
public final class Registry {

    /** How a domain found its provider: useful in logs and for metrics with bounded labels. */
    public enum MatchKind { EXACT, WILDCARD, DEFAULT }

    public record Match(Provider provider, MatchKind kind) {}

    /** A domain pattern claimed by two providers, or twice by one ({@code first == second}). */
    public record Conflict(DomainPattern pattern, Provider first, Provider second) {}

    /** Every conflicting claim of a set of providers, found while the index was built. */
    public static final class ConflictingClaims extends IllegalArgumentException {
        private final transient List<Conflict> conflicts;

        ConflictingClaims(List<Conflict> conflicts) {
            super(conflicts.get(0).pattern() + " is claimed by " + conflicts.get(0).first().id() + " and "
                    + conflicts.get(0).second().id() + (conflicts.size() > 1 ? " (and " + (conflicts.size() - 1) + " more)" : ""));
            this.conflicts = List.copyOf(conflicts);
        }

        public List<Conflict> conflicts() {
            return conflicts;
        }
    }

    private final Map<String, Provider> byId;
    private final Map<DomainName, Provider> exact;
    private final Map<DomainName, Provider> wildcards;
    private final Optional<Provider> defaultProvider;
    private final String version;

    /**
     * @throws ConflictingClaims when two providers claim the same domain pattern, naming every
     *         such claim (the loader turns them into problems with file and line)
     * @throws IllegalArgumentException when two providers have one id
     */
    public Registry(List<Provider> providers, Optional<Provider> defaultProvider, String version) {
        // Sized up front: a hoster's registry has a million names, and rehashing them costs seconds.
        int names = providers.stream().mapToInt(p -> p.domains().size()).sum();
        Map<String, Provider> ids = new LinkedHashMap<>(capacity(providers.size()));
        Map<DomainName, Provider> exactIndex = new HashMap<>(capacity(names));
        Map<DomainName, Provider> wildcardIndex = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Provider p : providers) {
            if (ids.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("two providers have the id " + p.id());
            }
            for (DomainPattern d : p.domains()) {
                Map<DomainName, Provider> index = d.wildcard() ? wildcardIndex : exactIndex;
                Provider before = index.putIfAbsent(d.name(), p);
                if (before != null) {
                    conflicts.add(new Conflict(d, before, p));
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictingClaims(conflicts);
        }
        this.byId = Collections.unmodifiableMap(ids);
        // Never written after this point; wrapping, not copying, keeps a million entries from being copied again.
        this.exact = Collections.unmodifiableMap(exactIndex);
        this.wildcards = Collections.unmodifiableMap(wildcardIndex);
        this.defaultProvider = defaultProvider;
        this.version = version;
    }

    private static int capacity(int entries) {
        return (int) Math.min(Integer.MAX_VALUE, entries * 4L / 3 + 16);
    }

    /**
     * The provider for a domain: an exact name first, then the longest {@code *.} pattern
     * above it, then the default provider if one is configured. Costs one hash lookup per label.
     */
    public Optional<Match> providerFor(DomainName domain) {
        Provider p = exact.get(domain);
        if (p != null) {
            return Optional.of(new Match(p, MatchKind.EXACT));
        }
        for (DomainName parent = domain.parent(); parent != null; parent = parent.parent()) {
            p = wildcards.get(parent);
            if (p != null) {
                return Optional.of(new Match(p, MatchKind.WILDCARD));
            }
        }
        return defaultProvider.map(d -> new Match(d, MatchKind.DEFAULT));
    }

    public Optional<Provider> provider(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Provider> providers() {
        return byId.values();
    }

    public Optional<Provider> defaultProvider() {
        return defaultProvider;
    }

    public int domainCount() {
        return exact.size() + wildcards.size();
    }

    public String version() {
        return version;
    }
}
