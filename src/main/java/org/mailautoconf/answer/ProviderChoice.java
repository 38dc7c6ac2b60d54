package org.mailautoconf.answer;

import java.util.Optional;
import org.mailautoconf.registry.Registry;

/**
 * Which provider serves a domain, found as {@link Answers#lookup} finds it: a listed domain, or
 * in hoster mode the domain's kept MX answer. For what is not a cached answer (the setup page,
 * Autodiscover v2's JSON, a directory's per-address answer).
 */
public sealed interface ProviderChoice {

    /** A provider serves the domain; {@code match.kind()} says how it was found. */
    record Chosen(Registry.Match match) implements ProviderChoice {}

    /** No provider serves it. */
    record Nobody() implements ProviderChoice {}

    /**
     * Hoster mode: the domain's MX decides, but its answer is not kept yet (ask for it off the
     * event loop, then choose again); {@code listed} is the choice without it.
     */
    record Unresolved(Optional<Registry.Match> listed) implements ProviderChoice {}

    ProviderChoice NOBODY = new Nobody();

    /** The provider and how it was found; for a choice still unresolved, as if the MX named no provider. */
    default Optional<Registry.Match> provider() {
        if (this instanceof Chosen c) {
            return Optional.of(c.match());
        }
        return this instanceof Unresolved u ? u.listed() : Optional.empty();
    }
}
