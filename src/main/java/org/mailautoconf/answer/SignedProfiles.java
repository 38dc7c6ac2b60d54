package org.mailautoconf.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.mailautoconf.directory.DirectoryEntry;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * Personal signed profiles, kept per address as long as the directory's own per-address cache
 * keeps what it said, so that a repeated request costs no signature. Keyed by everything the
 * profile is made from: the address, the directory's values, and the provider (by identity: a
 * reloaded registry's provider is another object, so its profiles are made again). A changed
 * entry in the directory is another key, so a kept profile never outlives the values it shows.
 * One instance per directories file: a reload starts an empty one. Bounded by the bytes kept.
 */
final class SignedProfiles {

    static final long MAX_BYTES = 32L * 1024 * 1024;

    private record Key(ClientFormat format, EmailAddress address, DomainName domain, DirectoryEntry entry, Provider provider) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && format == k.format && provider == k.provider && address.equals(k.address)
                    && domain.equals(k.domain) && entry.equals(k.entry);
        }

        @Override
        public int hashCode() {
            return Objects.hash(format, address, domain, entry, System.identityHashCode(provider));
        }
    }

    private final Cache<Key, Lookup> kept;

    SignedProfiles(Duration keepFor) {
        this.kept = Caffeine.newBuilder().expireAfterWrite(keepFor).maximumWeight(MAX_BYTES)
                .weigher((Key k, Lookup l) -> l instanceof Lookup.Found f ? f.answer().body().length : 1).build();
    }

    Optional<Lookup> get(DirectoryAnswers.Personal p, DirectoryEntry entry) {
        return Optional.ofNullable(kept.getIfPresent(key(p, entry)));
    }

    void put(DirectoryAnswers.Personal p, DirectoryEntry entry, Lookup made) {
        kept.put(key(p, entry), made);
    }

    private static Key key(DirectoryAnswers.Personal p, DirectoryEntry entry) {
        return new Key(p.format(), p.address(), p.domain(), entry, p.match().provider());
    }
}
