package org.mailautoconf.answer;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.format.autodiscover.ErrorRenderer;
import org.mailautoconf.format.autodiscover.ProtocolError;
import org.mailautoconf.format.autodiscover.Reply;
import org.mailautoconf.format.autodiscover.ResponseSchema;
import org.mailautoconf.format.autodiscover.SchemaRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * Turns Autodiscover's schema renderers into {@link FormatRenderer}s, and its protocol errors
 * into answers. The server and {@code mailautoconf render autodiscover} both use these, so the
 * command prints the very bytes the server sends.
 */
public final class AutodiscoverAnswers {

    private static final ErrorRenderer ERRORS = new ErrorRenderer();

    private AutodiscoverAnswers() {
    }

    /** The format renderer of one schema; it needs an address (Autodiscover always sends one). */
    public static FormatRenderer of(SchemaRenderer schema) {
        return new FormatRenderer() {
            @Override
            public Answer render(Provider provider, DomainName domain, Optional<EmailAddress> address) {
                return Renderers.of(schema.answer(provider, domain, required(address)));
            }

            @Override
            public Optional<Refusal> refusal(Provider provider, DomainName domain, Optional<EmailAddress> address) {
                return schema.refusal(provider, required(address)).map(Refusal.Protocol::new);
            }
        };
    }

    /**
     * The protocol's error response, sent with HTTP 200 as Exchange does. Carries the time, so
     * it is built per request and never cached.
     */
    public static Answer error(ProtocolError error, Optional<ResponseSchema> answerIn, Instant now, long serverId) {
        byte[] body = ERRORS.render(error, answerIn, LocalTime.ofInstant(now, ZoneOffset.UTC), serverId);
        return new Answer(200, body, Reply.CONTENT_TYPE, Answer.etagOf(body), Map.of("Cache-Control", "no-store"));
    }

    private static EmailAddress required(Optional<EmailAddress> address) {
        return address.orElseThrow(() -> new IllegalArgumentException("Autodiscover answers are per address"));
    }
}
