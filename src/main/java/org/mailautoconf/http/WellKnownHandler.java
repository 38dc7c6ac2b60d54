package org.mailautoconf.http;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.DomainName;

/**
 * The newer well-known URLs on a provider's own names: PACC's
 * {@code /.well-known/user-agent-configuration.json} on {@code ua-auto-config.<domain>} (and on
 * the domain itself).
 */
final class WellKnownHandler {

    static final String PACC_PREFIX = "ua-auto-config.";

    private final Answers answers;
    private final Responses responses;

    WellKnownHandler(Answers answers, Responses responses) {
        this.answers = answers;
        this.responses = responses;
    }

    void pacc(RoutingContext ctx) {
        Optional<DomainName> domain = mailDomain(ctx, PACC_PREFIX);
        if (domain.isEmpty()) {
            responses.clientError(ctx, 400, "ask ua-auto-config.<your domain>: the document is found by the Host name");
            return;
        }
        RequestLog.format(ctx, ClientFormat.PACC.label());
        RequestLog.domain(ctx, domain.get().ascii());
        Lookup lookup = answers.lookup(ClientFormat.PACC, domain.get(), Optional.empty());
        if (lookup instanceof Lookup.Found found) {
            responses.send(ctx, found.answer());
        } else if (lookup instanceof Lookup.Refused refused) {
            responses.clientError(ctx, 404, "no " + PaccRenderer.DRAFT + " document for " + domain.get().ascii() + ": "
                    + refused.refusal().reason());
        } else {
            responses.clientError(ctx, 404, "no mail provider is known for " + domain.get().ascii());
        }
    }

    /** The mail domain of the Host: {@code <prefix><domain>} or the domain itself. */
    static Optional<DomainName> mailDomain(RoutingContext ctx, String prefix) {
        return RequestDomains.fromHost(ctx).map(d -> d.ascii().startsWith(prefix) && d.labelCount() > 2 ? d.parent() : d);
    }
}
