package org.mailautoconf.answer;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Registry;

/**
 * Holds the live registry (the one swap point) and answers lookups against it. A request reads
 * the reference once, so it sees one whole registry from start to end, old or new, never a mix.
 */
public final class Answers {

    private final AtomicReference<Registry> live = new AtomicReference<>();
    private final Map<ClientFormat, FormatRenderer> renderers;

    public Answers(Map<ClientFormat, FormatRenderer> renderers) {
        this.renderers = new EnumMap<>(renderers);
    }

    /** Makes {@code registry} the one every following request sees. */
    public void publish(Registry registry) {
        live.set(registry);
    }

    public Optional<Registry> registry() {
        return Optional.ofNullable(live.get());
    }

    public Lookup lookup(ClientFormat format, DomainName domain, Optional<EmailAddress> address) {
        Registry registry = live.get();
        if (registry == null) {
            return new Lookup.NoProvider(domain);
        }
        FormatRenderer renderer = renderers.get(format);
        if (renderer == null) {
            throw new IllegalStateException("no renderer for " + format);
        }
        return registry.providerFor(domain)
                .<Lookup>map(m -> renderer.refusal(m.provider(), domain, address)
                        .<Lookup>map(r -> new Lookup.Refused(r, m.provider()))
                        .orElseGet(() -> new Lookup.Found(renderer.render(m.provider(), domain, address), m.provider())))
                .orElseGet(() -> new Lookup.NoProvider(domain));
    }
}
