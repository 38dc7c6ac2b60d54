package org.mailautoconf.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
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
    public enum MatchKind { EXACT, WILDCARD, DEFAULT,
        /** Named in a provider's domain-list file ({@code domainList:}, docs/hosting.md). */
        LISTED,
        /** Listed nowhere, but the domain's MX names a provider's mail server ({@code mx:}, hoster mode). */
        MX }

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
    private final DomainIndex exact;
    private final Map<DomainName, Provider> wildcards;
    private final Optional<Provider> defaultProvider;
    private final String version;
    private final MxIndex mx;
    private final DomainLists lists;

    /**
     * @throws ConflictingClaims when two providers claim the same domain pattern, naming every
     *         such claim (the loader turns them into problems with file and line)
     * @throws IllegalArgumentException when two providers have one id
     */
    public Registry(List<Provider> providers, Optional<Provider> defaultProvider, String version) {
        this(providers, defaultProvider, version, null, List.of());
    }

    /**
     * With the providers' domain lists, whose names the caller has checked: none is in two lists
     * or also in a provider file (the loader does, naming file and line).
     */
    public Registry(List<Provider> providers, Optional<Provider> defaultProvider, String version, List<ListedDomains> lists) {
        this(providers, defaultProvider, version, null, lists);
    }

    /**
     * The registry of {@code providers}, sharing with {@code previous} the parts of its domain
     * index that no changed provider touches. A provider counts as unchanged when it is the very
     * object {@code previous} has under its id (the loader takes unchanged files over that way).
     * Gives what the constructor gives for the same arguments, and throws what it throws.
     */
    public static Registry after(Registry previous, List<Provider> providers, Optional<Provider> defaultProvider, String version) {
        return new Registry(providers, defaultProvider, version, previous, List.of());
    }

    /** {@link #after(Registry, List, Optional, String)} with domain lists, as the four-argument constructor takes them. */
    public static Registry after(Registry previous, List<Provider> providers, Optional<Provider> defaultProvider, String version,
                                List<ListedDomains> lists) {
        return new Registry(providers, defaultProvider, version, previous, lists);
    }

    private Registry(List<Provider> providers, Optional<Provider> defaultProvider, String version, Registry previous,
                     List<ListedDomains> lists) {
        Map<String, Provider> ids = new LinkedHashMap<>(capacity(providers.size()));
        Map<DomainName, Provider> wildcardIndex = new HashMap<>();
        List<Conflict> conflicts = new ArrayList<>();
        for (Provider p : providers) {
            if (ids.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("two providers have the id " + p.id());
            }
            for (DomainPattern d : p.domains()) {
                if (d.wildcard()) {
                    Provider before = wildcardIndex.putIfAbsent(d.name(), p);
                    if (before != null) {
                        conflicts.add(new Conflict(d, before, p));
                    }
                }
            }
        }
        DomainIndex index = previous == null || !conflicts.isEmpty() ? null : previous.patched(ids, providers).orElse(null);
        if (index == null) {
            List<Conflict> exactConflicts = new ArrayList<>();
            index = DomainIndex.of(providers, exactConflicts);
            conflicts.addAll(exactConflicts);
        }
        if (!conflicts.isEmpty()) {
            // In the order of the files and of their domain lists, as a reader would find them.
            Map<Provider, Integer> position = new IdentityHashMap<>();
            for (int i = 0; i < providers.size(); i++) {
                position.putIfAbsent(providers.get(i), i);
            }
            conflicts.sort(Comparator.comparingInt((Conflict c) -> position.get(c.second()))
                    .thenComparingInt(c -> c.second().domains().indexOf(c.pattern())));
            throw new ConflictingClaims(conflicts);
        }
        this.byId = Collections.unmodifiableMap(ids);
        this.exact = index;
        this.wildcards = Collections.unmodifiableMap(wildcardIndex);
        this.defaultProvider = defaultProvider;
        this.version = version;
        this.mx = MxIndex.of(providers);
        this.lists = DomainLists.of(lists, byId);
    }

    /** This registry's exact index changed into that of {@code ids}; empty when building it whole is the better way. */
    private Optional<DomainIndex> patched(Map<String, Provider> ids, List<Provider> providers) {
        List<Provider> gone = new ArrayList<>();
        for (Provider p : byId.values()) {
            if (ids.get(p.id()) != p) {
                gone.add(p);
            }
        }
        List<Provider> added = new ArrayList<>();
        for (Provider p : providers) {
            if (byId.get(p.id()) != p) {
                added.add(p);
            }
        }
        // When much changed (a profile that many files extend), copying shards saves nothing.
        if (gone.size() + added.size() > providers.size() / 4 + 16) {
            return Optional.empty();
        }
        return exact.with(gone, added);
    }

    private static int capacity(int entries) {
        return (int) Math.min(Integer.MAX_VALUE, entries * 4L / 3 + 16);
    }

    /**
     * The provider for a domain: an exact name first, then the domain lists, then the longest
     * {@code *.} pattern above it, then the default provider if one is configured. Costs one
     * hash lookup per label (and one per list).
     */
    public Optional<Match> providerFor(DomainName domain) {
        Provider p = exact.get(domain);
        if (p != null) {
            return Optional.of(new Match(p, MatchKind.EXACT));
        }
        p = lists.get(domain);
        if (p != null) {
            return Optional.of(new Match(p, MatchKind.LISTED));
        }
        for (DomainName parent = domain.parent(); parent != null; parent = parent.parent()) {
            p = wildcards.get(parent);
            if (p != null) {
                return Optional.of(new Match(p, MatchKind.WILDCARD));
            }
        }
        return defaultProvider.map(d -> new Match(d, MatchKind.DEFAULT));
    }

    /** Whether any provider names its mail servers ({@code mx:}): only then is a domain's MX worth asking. */
    public boolean matchesMx() {
        return !mx.isEmpty();
    }

    /** The provider whose {@code mx:} names this mail server, if any. */
    public Optional<Provider> providerForMx(DomainName mailServer) {
        return mx.providerFor(mailServer);
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
        return (int) Math.min(Integer.MAX_VALUE, exact.size() + wildcards.size() + lists.size());
    }

    /** The providers' domain lists, in file order. */
    public List<ListedDomains> domainLists() {
        return lists.lists();
    }

    /** The domain list that names {@code domain}, if one does: what {@code render} and {@code check} show. */
    public Optional<ListedDomains> listFor(DomainName domain) {
        return Optional.ofNullable(lists.listOf(domain));
    }

    /**
     * True when {@code other} has this registry's very lists: no list changed between them, so
     * an answer cached for a listed domain still holds when its provider did not change.
     */
    public boolean sameListsAs(Registry other) {
        List<ListedDomains> mine = lists.lists();
        List<ListedDomains> theirs = other.lists.lists();
        if (mine.size() != theirs.size()) {
            return false;
        }
        for (int i = 0; i < mine.size(); i++) {
            if (mine.get(i) != theirs.get(i)) {
                return false;
            }
        }
        return true;
    }

    public String version() {
        return version;
    }
}
