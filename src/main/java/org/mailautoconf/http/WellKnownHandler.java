package org.mailautoconf.http;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.UrlService;

/**
 * The newer well-known URLs on a provider's own names: PACC's
 * {@code /.well-known/user-agent-configuration.json} on {@code ua-auto-config.<domain>} (and on
 * the domain itself), and RFC 6764's {@code /.well-known/caldav} and {@code /.well-known/carddav}
 * on the mail domain, which redirect to the provider's calendar and contacts URLs.
 */
final class WellKnownHandler {

    static final String PACC_PREFIX = "ua-auto-config.";

    private final Answers answers;
    private final Responses responses;
    /** Hoster mode: PACC's document for an MX-verified customer domain. */
    private final MxWait mx;

    WellKnownHandler(Answers answers, Responses responses, MxWait mx) {
        this.answers = answers;
        this.mx = mx;
        this.responses = responses;
    }

    void pacc(Exchange ctx) {
        Optional<DomainName> domain = mailDomain(ctx, PACC_PREFIX);
        if (domain.isEmpty()) {
            responses.clientError(ctx, 400, "ask ua-auto-config.<your domain>: the document is found by the Host name");
            return;
        }
        RequestLog.format(ctx, ClientFormat.PACC.label());
        RequestLog.domain(ctx, domain.get().ascii());
        // The domain's MX is asked for first where hoster mode needs it, so a customer domain is
        // answered the same whether or not another request had its MX answer kept.
        mx.lookup(ctx, ClientFormat.PACC, domain.get(), Optional.empty(), lookup -> pacc(ctx, domain.get(), lookup));
    }

    /**
     * Only for a domain a file lists or whose MX names the provider (as for signing: see
     * {@code Answers.signs}): a default provider answers any domain at all, and PACC's document
     * is what a domain's own TXT digest vouches for.
     */
    private void pacc(Exchange ctx, DomainName domain, Lookup lookup) {
        if (lookup instanceof Lookup.Found found && found.kind() != Registry.MatchKind.DEFAULT) {
            responses.send(ctx, found.answer());
        } else if (lookup instanceof Lookup.Refused refused) {
            responses.clientError(ctx, 404, "no " + PaccRenderer.DRAFT + " document for " + domain.ascii() + ": "
                    + refused.refusal().reason());
        } else if (lookup instanceof Lookup.Found) {
            responses.clientError(ctx, 404, "no " + PaccRenderer.DRAFT + " document for " + domain.ascii()
                    + ": only the default provider serves it, and no provider file lists it or its MX");
        } else {
            responses.clientError(ctx, 404, "no mail provider is known for " + domain.ascii());
        }
    }

    void caldav(Exchange ctx) {
        dav(ctx, "CalDAV", p -> p.services().caldav());
    }

    void carddav(Exchange ctx) {
        dav(ctx, "CardDAV", p -> p.services().carddav());
    }

    /**
     * RFC 6764 §5: the server MUST redirect the well-known URI to the context path. 307 keeps the
     * method and body (clients PROPFIND here) and is not cached as permanent: the provider file
     * may move the service. Any method is redirected, as the client's first request may be any.
     */
    private void dav(Exchange ctx, String protocol, Function<Provider, Optional<UrlService>> service) {
        Optional<DomainName> domain = RequestDomains.fromHost(ctx);
        if (domain.isEmpty()) {
            responses.clientError(ctx, 400, "ask on the mail domain: the " + protocol + " service is found by the Host name");
            return;
        }
        RequestLog.domain(ctx, domain.get().ascii());
        Optional<Provider> provider = answers.provider(domain.get());
        Optional<UrlService> target = provider.flatMap(service);
        if (target.isEmpty()) {
            responses.clientError(ctx, 404, provider.isEmpty() ? "no mail provider is known for " + domain.get().ascii()
                    : "the provider of " + domain.get().ascii() + " offers no " + protocol + " service");
            return;
        }
        byte[] body = new byte[0];
        responses.send(ctx, new Answer(307, body, "text/plain; charset=utf-8", Answer.etagOf(body),
                Map.of("Location", target.get().url().toASCIIString())));
    }

    /** The mail domain of the Host: {@code <prefix><domain>} or the domain itself. */
    static Optional<DomainName> mailDomain(Exchange ctx, String prefix) {
        return RequestDomains.fromHost(ctx).map(d -> d.ascii().startsWith(prefix) && d.labelCount() > 2 ? d.parent() : d);
    }
}
