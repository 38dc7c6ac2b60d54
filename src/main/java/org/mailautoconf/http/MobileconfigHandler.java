package org.mailautoconf.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.registry.EmailAddress;

/**
 * Apple profiles: {@code /mobileconfig?emailaddress=ADDR} and the form that is easy to share,
 * {@code /mobileconfig/ADDR}. A profile is always for one address (its identities derive from
 * it). With a signer configured the profile goes out signed: signed once per address, on a
 * worker thread, then served from the answer cache.
 */
final class MobileconfigHandler {

    private final Vertx vertx;
    private final Answers answers;
    private final Responses responses;
    private final boolean signed;
    private final ClientFormat format;

    MobileconfigHandler(Vertx vertx, Answers answers, Responses responses, boolean signed) {
        this.vertx = vertx;
        this.answers = answers;
        this.responses = responses;
        this.signed = signed;
        this.format = signed ? ClientFormat.MOBILECONFIG_SIGNED : ClientFormat.MOBILECONFIG;
    }

    void byQuery(RoutingContext ctx) {
        RequestDomains.withQueryAddress(ctx, responses, address -> {
            if (address.isEmpty()) {
                responses.clientError(ctx, 400, "send ?emailaddress=name@example.org: a profile is made for one address");
                return;
            }
            answer(ctx, address.get());
        });
    }

    void byPath(RoutingContext ctx) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(ctx.pathParam("address"));
        } catch (IllegalArgumentException e) {
            responses.clientError(ctx, 400, "not a valid address: " + e.getMessage());
            return;
        }
        answer(ctx, address);
    }

    private void answer(RoutingContext ctx, EmailAddress address) {
        RequestLog.format(ctx, format.label());
        RequestLog.domain(ctx, address.domain().ascii());
        if (!signed) {
            send(ctx, address, answers.lookup(format, address.domain(), Optional.of(address)));
            return;
        }
        Optional<Lookup> cached = answers.cached(format, address.domain(), Optional.of(address));
        if (cached.isPresent()) {
            send(ctx, address, cached.get());
            return;
        }
        // Signing is CPU work of a millisecond or more: the first request per address does it on a worker.
        vertx.executeBlocking(() -> answers.lookup(format, address.domain(), Optional.of(address)), false)
                .onSuccess(lookup -> send(ctx, address, lookup))
                .onFailure(ctx::fail);
    }

    private void send(RoutingContext ctx, EmailAddress address, Lookup lookup) {
        if (lookup instanceof Lookup.Found found) {
            responses.send(ctx, found.answer());
        } else {
            responses.clientError(ctx, 404, "no mail provider is known for " + address.domain().ascii());
        }
    }
}
