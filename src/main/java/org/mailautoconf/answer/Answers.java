package org.mailautoconf.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
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
 * end. Complete answers are cached by client format and subject alone, so a hit costs no
 * registry lookup (with a hoster's million names, each of those pointer hops is a cache miss):
 * a reload drops the answers of providers it changed or removed, and, when any provider
 * changed, every answer that a wildcard or the default provider gave, since a new or changed
 * claim may now serve that domain. Prepared answers carry each provider's generation, bumped
 * only when its content changed.
 */
public final class Answers {

    /** The published state: a registry, the generation of each of its providers, and the how-manieth it is. */
    private record Live(Registry registry, Map<String, Long> generations, long epoch) {}

    private final AtomicReference<Live> live = new AtomicReference<>();
    private final Map<ClientFormat, FormatRenderer> renderers;
    /** What a complete answer is cached under: the client format and the normalised address or {@code @domain}. */
    private record Subject(ClientFormat format, String subject) {
        // Written out: a record's generated equals and hashCode go through method handles, which
        // JFR showed on every lookup of the cache (as in Metrics' labels).
        @Override
        public int hashCode() {
            return format.hashCode() * 31 + subject.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Subject s && format == s.format && subject.equals(s.subject);
        }
    }

    /**
     * A complete answer with the provider that gave it and how the domain found that provider;
     * {@code mxBasis}: the MX answer it rests on (hoster mode), else null; {@code epoch}: that
     * of the registry it was made from.
     */
    private record Cached(Lookup.Found found, org.mailautoconf.mx.MxAnswer mxBasis, long epoch) {
        Provider provider() {
            return found.provider();
        }

        Registry.MatchKind kind() {
            return found.kind();
        }
    }

    private final Cache<Subject, Cached> complete;
    private final Cache<PreparedKey, Optional<PreparedAnswer>> prepared;
    private final MxMatching mx;
    private long nextGeneration = 1;
    /**
     * While a reload's sweep runs, its registry's epoch: answers made before it are not trusted
     * (the sweep may be about to drop them), so a request that already sees the new registry
     * never gets an answer of the old one. 0 otherwise.
     */
    private volatile long sweeping;

    public Answers(Map<ClientFormat, FormatRenderer> renderers) {
        this(renderers, 64L << 20);
    }

    /** @param cacheBytes how many bytes of answers the cache may hold (a quarter more for prepared ones) */
    public Answers(Map<ClientFormat, FormatRenderer> renderers, long cacheBytes) {
        this(renderers, cacheBytes, null);
    }

    /** @param mxLookups where domains no file lists find their MX records (hoster mode); null: they are not asked */
    public Answers(Map<ClientFormat, FormatRenderer> renderers, long cacheBytes, org.mailautoconf.mx.MxLookups mxLookups) {
        this.mx = new MxMatching(mxLookups);
        this.renderers = new EnumMap<>(renderers);
        // Each cache's upkeep (the reads it records, evictions) runs on the thread that used it:
        // Caffeine's default hands it to the common pool, a thread woken every few dozen reads,
        // which was 6 % of the service's CPU under load and a futex call per eight answers
        // (bench/README.md). The upkeep itself is the same few microseconds either way.
        this.complete = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(cacheBytes)
                .weigher((Subject k, Cached c) -> c.found().answer().body().length + k.subject().length() * 2 + 200)
                .recordStats()
                .build();
        this.prepared = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumWeight(Math.max(1, cacheBytes / 4))
                .weigher((PreparedKey k, Optional<PreparedAnswer> p) -> p.map(PreparedAnswer::weight).orElse(0) + 160)
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
        long epoch = before == null ? 1 : before.epoch() + 1;
        sweeping = epoch;
        // Never written after this; a HashMap looks up 100,000 ids faster than Map.copyOf's probing table.
        live.set(new Live(registry, java.util.Collections.unmodifiableMap(generations), epoch));
        if (before != null) {
            Map<String, Long> was = before.generations();
            // Added, removed or changed (a new provider has no generation before): a claim may
            // have moved, and only an exact claim cannot move without its provider changing.
            boolean anyChange = was.size() != generations.size()
                    || generations.entrySet().stream().anyMatch(e -> !e.getValue().equals(was.get(e.getKey())))
                    || !before.registry().defaultProvider().map(Provider::id).equals(registry.defaultProvider().map(Provider::id))
                    || !before.registry().sameListsAs(registry); // a listed domain may have left its list
            complete.asMap().values().removeIf(c -> (anyChange && c.kind() != Registry.MatchKind.EXACT)
                    || !Objects.equals(generations.get(c.provider().id()), was.get(c.provider().id())));
            prepared.asMap().keySet().removeIf(k -> !Long.valueOf(k.generation()).equals(generations.get(k.providerId())));
        }
        sweeping = 0;
    }

    public Optional<Registry> registry() {
        Live l = live.get();
        return l == null ? Optional.empty() : Optional.of(l.registry());
    }

    /**
     * The provider that serves {@code domain} in the live registry, listed domains only (the
     * setup page's provider by its Host name, the CalDAV/CardDAV redirects); {@link #choose}
     * also finds a customer domain by its MX (docs/hosting.md).
     */
    public Optional<Provider> provider(DomainName domain) {
        Live l = live.get();
        return l == null ? Optional.empty() : l.registry().providerFor(domain).map(Registry.Match::provider);
    }

    /**
     * The provider for {@code domain} as {@link #lookup} finds it, with one read of the live
     * registry: listed, or in hoster mode chosen by the domain's kept MX answer.
     */
    public ProviderChoice choose(DomainName domain) {
        return choose(live.get(), domain);
    }

    private ProviderChoice choose(Live l, DomainName domain) {
        if (l == null) {
            return ProviderChoice.NOBODY;
        }
        Optional<Registry.Match> match = l.registry().providerFor(domain);
        if (mx.applies(l.registry(), match)) {
            MxMatching.Step step = mx.apply(l.registry(), domain, match);
            if (step == MxMatching.UNRESOLVED) {
                return new ProviderChoice.Unresolved(match);
            }
            match = step.match();
        }
        return match.<ProviderChoice>map(ProviderChoice.Chosen::new).orElse(ProviderChoice.NOBODY);
    }

    public Lookup lookup(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        FormatRenderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new IllegalStateException("no renderer for " + format);
        }
        Subject key = new Subject(format, subject(domain, address));
        Live l = live.get();
        // Why nothing was cached, found by the one registry lookup of the miss.
        Lookup[] uncached = new Lookup[1];
        Cached c = complete.get(key, k -> make(l, renderer, format, domain, address, uncached, true));
        if (c != null && !mx.stillHolds(c.mxBasis(), domain)) {
            // The MX answer it rests on expired or changed: ask again (the registry hit path never gets here).
            complete.asMap().remove(key, c);
            return lookup(format, domain, address);
        }
        if (c != null && c.epoch() < sweeping) {
            // Made before a reload whose sweep has not finished: it may be one the sweep drops.
            Cached fresh = make(live.get(), renderer, format, domain, address, uncached, true);
            return fresh != null ? fresh.found() : uncached[0];
        }
        if (c == null) {
            // Another request's mapping ran instead of ours and found nothing either: ask again.
            return uncached[0] != null ? uncached[0] : lookup(format, domain, address);
        }
        if (live.get() != l) {
            // Made from a registry that a reload replaced meanwhile; the reload's sweep may have
            // run before it was cached, so it must not outlive this request.
            complete.invalidate(key);
        }
        return c.found();
    }

    /**
     * The answer as if the domain's MX records named no provider: for a request whose MX lookup
     * did not finish in time or was not made (a limit). Not cached, since the MX may yet match.
     */
    public Lookup lookupWithoutMx(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        Lookup[] uncached = new Lookup[1];
        Cached c = make(live.get(), renderers.get(format), format, domain, address, uncached, false);
        return c != null ? c.found() : uncached[0];
    }

    /**
     * The answer to cache, or null with the reason in {@code uncached[0]}: no provider serves
     * the domain, or it refuses this format.
     */
    private Cached make(Live l, FormatRenderer renderer, ClientFormat format, DomainName domain, Optional<EmailAddress> address,
                        Lookup[] uncached, boolean askMx) {
        Optional<Registry.Match> match = l == null ? Optional.empty() : l.registry().providerFor(domain);
        org.mailautoconf.mx.MxAnswer basis = null;
        if (askMx && l != null && mx.applies(l.registry(), match)) {
            MxMatching.Step step = mx.apply(l.registry(), domain, match);
            if (step == MxMatching.UNRESOLVED) {
                uncached[0] = new Lookup.Unresolved(domain);
                return null;
            }
            match = step.match();
            basis = step.basis();
        }
        if (match.isEmpty()) {
            uncached[0] = new Lookup.NoProvider(domain);
            return null;
        }
        Provider provider = match.get().provider();
        Optional<Refusal> refusal = renderer.refusal(provider, domain, address);
        if (refusal.isPresent()) {
            uncached[0] = new Lookup.Refused(refusal.get(), provider);
            return null;
        }
        long generation = l.generations().get(provider.id());
        // Cached under the asked format, even when made unsigned.
        ClientFormat made = made(format, match.get().kind());
        FormatRenderer r = made == format ? renderer : renderers.get(made);
        return new Cached(new Lookup.Found(build(r, provider, generation, made, domain, address), provider, match.get().kind()),
                basis, l.epoch());
    }

    /**
     * Whether the answer of {@code format} for a domain found this way is signed. Only for
     * domains the registry names, exactly or by a pattern: a default provider with
     * {@code %EMAILDOMAIN%} host names answers for any domain at all, and the operator's
     * signature ("Verified" on the device) would vouch for {@code mail.<whatever domain was
     * asked>}, a server anyone can name. A domain whose MX names a provider's mail server
     * (hoster mode) is signed: the MX shows that the domain's mail is that provider's.
     */
    static boolean signs(ClientFormat format, Registry.MatchKind kind) {
        return format == ClientFormat.MOBILECONFIG_SIGNED && switch (kind) {
            case EXACT, LISTED, WILDCARD, MX -> true;
            case DEFAULT -> false;
        };
    }

    /** The format a profile is made in: a signed one that must not carry the operator's signature ({@link #signs}) is the unsigned one. */
    static ClientFormat made(ClientFormat format, Registry.MatchKind kind) {
        return format == ClientFormat.MOBILECONFIG_SIGNED && !signs(format, kind) ? ClientFormat.MOBILECONFIG : format;
    }

    /**
     * The answer when giving it signs nothing: from the cache, for a domain no provider serves,
     * or for a domain whose profile goes out unsigned (see {@link #signs}; rendered here, as
     * cheap as any unsigned answer). Empty when a signature has to be made: then {@link #lookup}
     * makes it, off the event loop.
     */
    public Optional<Lookup> withoutSigning(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        Cached hit = complete.getIfPresent(new Subject(format, subject(domain, address)));
        if (hit != null && hit.epoch() >= sweeping && mx.stillHolds(hit.mxBasis(), domain)) {
            return Optional.of(hit.found());
        }
        Live l = live.get();
        if (l == null) {
            return Optional.empty();
        }
        ProviderChoice choice = choose(l, domain);
        if (choice instanceof ProviderChoice.Unresolved) {
            return Optional.of(new Lookup.Unresolved(domain));
        }
        Optional<Registry.Match> match = choice.provider();
        if (match.isEmpty()) {
            return Optional.of(new Lookup.NoProvider(domain));
        }
        return signs(format, match.get().kind()) ? Optional.empty() : Optional.of(lookup(format, domain, address));
    }

    /**
     * The answer for a provider copy that carries one address's directory values
     * ({@link DirectoryAnswers}): rendered whole, never spliced from a prepared answer and never
     * put in this cache (the directory's own cache keeps what it said per address).
     */
    Lookup personal(ClientFormat format, Provider personal, Registry.MatchKind kind, DomainName domain, EmailAddress address) {
        FormatRenderer renderer = renderers.get(format);
        Optional<Refusal> refusal = renderer.refusal(personal, domain, Optional.of(address));
        if (refusal.isPresent()) {
            return new Lookup.Refused(refusal.get(), personal);
        }
        return new Lookup.Found(renderer.render(personal, domain, Optional.of(address)), personal, kind);
    }

    private static String subject(DomainName domain, Optional<EmailAddress> address) {
        return address.isPresent() ? address.get().toString() : "@" + domain.ascii();
    }

    private Answer build(FormatRenderer renderer, Provider provider, long generation, ClientFormat format,
                         DomainName domain, Optional<EmailAddress> address) {
        if (address.isEmpty() || provider.aliases().containsKey(address.get().toString())
                || !PreparedAnswer.canSplice(address.get().localPart())) {
            return renderer.render(provider, domain, address);
        }
        Optional<PreparedAnswer> p = prepared.get(new PreparedKey(provider.id(), generation, format, "@" + domain.ascii()),
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
