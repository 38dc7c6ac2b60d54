package org.mailautoconf.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * Holds the live registry (the one swap point) and answers lookups against it, from a cache of
 * complete answers, then from answers prepared per provider and domain, then by rendering.
 *
 * <p>A request reads the live reference once, so it sees one whole registry from start to
 * end. A reload keeps the cached answers of providers it did not change: each provider has a
 * generation, bumped only when its content changed, and cache keys carry it.
 */
public final class Answers {

    /** The published state: a registry and the generation of each of its providers. */
    private record Live(Registry registry, Map<String, Long> generations) {}

    private final AtomicReference<Live> live = new AtomicReference<>();
    private final Map<ClientFormat, FormatRenderer> renderers;
    private final Cache<AnswerKey, Answer> complete;
    private final Cache<AnswerKey, Optional<PreparedAnswer>> prepared;
    private long nextGeneration = 1;

    public Answers(Map<ClientFormat, FormatRenderer> renderers) {
        this(renderers, 64L << 20);
    }

    /** @param cacheBytes how many bytes of answers the cache may hold (a quarter more for prepared ones) */
    public Answers(Map<ClientFormat, FormatRenderer> renderers, long cacheBytes) {
        this.renderers = new EnumMap<>(renderers);
        this.complete = Caffeine.newBuilder()
                .maximumWeight(cacheBytes)
                .weigher((AnswerKey k, Answer a) -> a.body().length + k.subject().length() * 2 + 160)
                .recordStats()
                .build();
        this.prepared = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, cacheBytes / 4))
                .weigher((AnswerKey k, Optional<PreparedAnswer> p) -> p.map(PreparedAnswer::weight).orElse(0) + 160)
                .recordStats()
                .build();
    }

    /**
     * Makes {@code registry} the one every following request sees, and drops the cached
     * answers of providers it changed or removed. Called by one thread at a time (the reloader).
     */
    public synchronized void publish(Registry registry) {
        Live before = live.get();
        Map<String, Long> generations = new HashMap<>(registry.providers().size() * 4 / 3 + 16);
        for (Provider p : registry.providers()) {
            Optional<Provider> old = before == null ? Optional.empty() : before.registry().provider(p.id());
            boolean same = old.isPresent() && old.get().equals(p);
            generations.put(p.id(), same ? before.generations().get(p.id()) : nextGeneration++);
        }
        // Never written after this; a HashMap looks up 100,000 ids faster than Map.copyOf's probing table.
        live.set(new Live(registry, java.util.Collections.unmodifiableMap(generations)));
        if (before != null) {
            complete.asMap().keySet().removeIf(k -> !Long.valueOf(k.generation()).equals(generations.get(k.providerId())));
            prepared.asMap().keySet().removeIf(k -> !Long.valueOf(k.generation()).equals(generations.get(k.providerId())));
        }
    }

    public Optional<Registry> registry() {
        Live l = live.get();
        return l == null ? Optional.empty() : Optional.of(l.registry());
    }

    public Lookup lookup(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        FormatRenderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new IllegalStateException("no renderer for " + format);
        }
        Target t = target(format, domain, address);
        if (t == null) {
            return new Lookup.NoProvider(domain);
        }
        Optional<Refusal> refusal = renderer.refusal(t.provider(), domain, address);
        if (refusal.isPresent()) {
            return new Lookup.Refused(refusal.get(), t.provider());
        }
        Answer answer = complete.get(t.key(), k -> build(renderer, t.provider(), t.key().generation(), format, domain, address));
        return new Lookup.Found(answer, t.provider());
    }

    /** The answer if it is already in the cache, without rendering anything. */
    public Optional<Lookup> cached(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        Target t = target(format, domain, address);
        if (t == null) {
            return live.get() == null ? Optional.empty() : Optional.of(new Lookup.NoProvider(domain));
        }
        Answer answer = complete.getIfPresent(t.key());
        return answer == null ? Optional.empty() : Optional.of(new Lookup.Found(answer, t.provider()));
    }

    private record Target(Provider provider, AnswerKey key) {}

    /** The provider for the domain in the live registry and the cache key of this answer; null when none serves it. */
    private Target target(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        Live l = live.get();
        Optional<Registry.Match> match = l == null ? Optional.empty() : l.registry().providerFor(domain);
        if (match.isEmpty()) {
            return null;
        }
        Provider provider = match.get().provider();
        String subject = address.map(EmailAddress::toString).orElseGet(() -> "@" + domain.ascii());
        return new Target(provider, new AnswerKey(provider.id(), l.generations().get(provider.id()), format, subject));
    }

    private Answer build(FormatRenderer renderer, Provider provider, long generation, ClientFormat format,
                         DomainName domain, Optional<EmailAddress> address) {
        if (address.isEmpty() || provider.aliases().containsKey(address.get().toString())
                || !PreparedAnswer.canSplice(address.get().localPart())) {
            return renderer.render(provider, domain, address);
        }
        Optional<PreparedAnswer> p = prepared.get(new AnswerKey(provider.id(), generation, format, "@" + domain.ascii()),
                k -> PreparedAnswer.prepare(renderer, provider, domain));
        return p.isPresent() ? p.get().splice(address.get().localPart()) : renderer.render(provider, domain, address);
    }

    /** The cache of complete answers, for its statistics. */
    public Cache<?, ?> answerCache() {
        return complete;
    }

    /** The cache of prepared answers, for its statistics. */
    public Cache<?, ?> preparedCache() {
        return prepared;
    }
}
