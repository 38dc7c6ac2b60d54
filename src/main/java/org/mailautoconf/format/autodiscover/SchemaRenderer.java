package org.mailautoconf.format.autodiscover;

import java.util.Optional;
import org.mailautoconf.format.Rendered;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/** One Autodiscover response schema: pure functions of provider, asked domain and address. */
public interface SchemaRenderer {

    ResponseSchema schema();

    /**
     * Why this schema has no answer for the address at this provider (the protocol's error to
     * send instead); empty when {@link #render} gives one.
     */
    Optional<ProtocolError> refusal(Provider provider, EmailAddress address);

    /**
     * The settings, or the redirect the provider declares for the address.
     *
     * @throws IllegalStateException when {@link #refusal} is not empty
     */
    Reply render(Provider provider, DomainName domain, EmailAddress address);

    /** The finished answer: the reply with its content type, and its {@code Location} when it redirects. */
    default Rendered answer(Provider provider, DomainName domain, EmailAddress address) {
        Reply reply = render(provider, domain, address);
        Rendered answer = new Rendered(reply.status(), reply.body(), Reply.CONTENT_TYPE, java.util.Map.of());
        return reply.location().map(l -> answer.withHeader("Location", l.toString())).orElse(answer);
    }
}
