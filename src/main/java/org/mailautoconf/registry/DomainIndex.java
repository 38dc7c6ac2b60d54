package org.mailautoconf.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry's index of exact domain names, in shards. A reload that changes a few providers
 * copies only the shards their names fall in and shares every other shard with the registry
 * before it: one edited file in a hoster's registry does not make a million names be hashed,
 * allocated and then collected again while requests are being served. Never written once
 * built.
 */
final class DomainIndex {

    private static final int SHARD_BITS = 8;
    private static final int SHARDS = 1 << SHARD_BITS;

    private final Map<DomainName, Provider>[] shards;
    private final int size;

    private DomainIndex(Map<DomainName, Provider>[] shards) {
        this.shards = shards;
        int n = 0;
        for (Map<DomainName, Provider> shard : shards) {
            n += shard.size();
        }
        this.size = n;
    }

    /** The high bits of the hash: within a shard, the HashMap spreads its keys by the low ones. */
    private static int shardOf(DomainName name) {
        return (name.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - SHARD_BITS);
    }

    /** Every exact name of {@code providers}; a name claimed again is added to {@code conflicts}. */
    static DomainIndex of(List<Provider> providers, List<Registry.Conflict> conflicts) {
        int names = 0;
        for (Provider p : providers) {
            names += p.domains().size();
        }
        Map<DomainName, Provider>[] shards = newShards();
        for (int i = 0; i < SHARDS; i++) {
            // Sized up front: rehashing a million names costs seconds.
            shards[i] = new HashMap<>((names / SHARDS) * 4 / 3 + 16);
        }
        for (Provider p : providers) {
            for (DomainPattern d : p.domains()) {
                if (!d.wildcard()) {
                    Provider before = shards[shardOf(d.name())].putIfAbsent(d.name(), p);
                    if (before != null) {
                        conflicts.add(new Registry.Conflict(d, before, p));
                    }
                }
            }
        }
        return new DomainIndex(shards);
    }

    /**
     * This index without the names of {@code gone} and with those of {@code added}, sharing
     * every shard neither touches; empty when an added name is taken (the caller then builds the
     * whole index, which names every conflict in file order).
     */
    Optional<DomainIndex> with(Collection<Provider> gone, Collection<Provider> added) {
        Map<DomainName, Provider>[] next = shards.clone();
        boolean[] copied = new boolean[SHARDS];
        for (Provider p : gone) {
            for (DomainPattern d : p.domains()) {
                if (!d.wildcard()) {
                    writable(next, copied, shardOf(d.name())).remove(d.name(), p);
                }
            }
        }
        for (Provider p : added) {
            for (DomainPattern d : p.domains()) {
                if (!d.wildcard() && writable(next, copied, shardOf(d.name())).putIfAbsent(d.name(), p) != null) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new DomainIndex(next));
    }

    private Map<DomainName, Provider> writable(Map<DomainName, Provider>[] next, boolean[] copied, int shard) {
        if (!copied[shard]) {
            next[shard] = new HashMap<>(shards[shard]);
            copied[shard] = true;
        }
        return next[shard];
    }

    Provider get(DomainName name) {
        return shards[shardOf(name)].get(name);
    }

    int size() {
        return size;
    }

    @SuppressWarnings("unchecked")
    private static Map<DomainName, Provider>[] newShards() {
        return (Map<DomainName, Provider>[]) new Map<?, ?>[SHARDS];
    }
}
