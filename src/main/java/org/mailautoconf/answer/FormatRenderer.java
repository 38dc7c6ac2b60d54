package org.mailautoconf.answer;

import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * Renders one client format: a pure function of provider, asked domain and address. Answers
 * are cached and prepared on that promise: the same input must always give the same bytes,
 * and an address may change the answer only through its own text (placeholders) or through
 * the provider's {@code aliases}.
 */
@FunctionalInterface
public interface FormatRenderer {
    Answer render(Provider provider, DomainName domain, Optional<EmailAddress> address);

    /**
     * Why this format has no answer for the provider and address (Autodiscover mobilesync for a
     * provider without ActiveSync), asked before {@link #render}; most formats always have one.
     */
    default Optional<Refusal> refusal(Provider provider, DomainName domain, Optional<EmailAddress> address) {
        return Optional.empty();
    }
}
