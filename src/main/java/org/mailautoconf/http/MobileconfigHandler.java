package org.mailautoconf.http;

import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.registry.EmailAddress;

/**
 * Apple profiles: {@code /mobileconfig?emailaddress=ADDR} and the form that is easy to share,
 * {@code /mobileconfig/ADDR}. A profile is always for one address (its identities derive from
 * it). With a signer configured the profile goes out signed; signing is CPU work, so it runs on
 * a worker thread, never on the event loop.
 */
final class MobileconfigHandler {

    private final Vertx vertx;
    private final Answers answers;
    private final Responses responses;
    private final Optional<ProfileSigner> signer;

    MobileconfigHandler(Vertx vertx, Answers answers, Responses responses, Optional<ProfileSigner> signer) {
        this.vertx = vertx;
        this.answers = answers;
        this.responses = responses;
        this.signer = signer;
    }

    void byQuery(RoutingContext ctx) {
        Optional<EmailAddress> address;
        try {
            address = RequestDomains.address(ctx, "emailaddress");
        } catch (IllegalArgumentException e) {
            responses.clientError(ctx, 400, "emailaddress is not a valid address: " + e.getMessage());
            return;
        }
        if (address.isEmpty()) {
            responses.clientError(ctx, 400, "send ?emailaddress=name@example.org: a profile is made for one address");
            return;
        }
        answer(ctx, address.get());
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
        Lookup lookup = answers.lookup(ClientFormat.MOBILECONFIG, address.domain(), Optional.of(address));
        if (!(lookup instanceof Lookup.Found found)) {
            responses.clientError(ctx, 404, "no mail provider is known for " + address.domain().ascii());
            return;
        }
        Answer unsigned = found.answer();
        if (signer.isEmpty()) {
            responses.send(ctx, unsigned);
            return;
        }
        ProfileSigner s = signer.get();
        vertx.executeBlocking(() -> signed(unsigned, s.sign(unsigned.body())), false)
                .onSuccess(answer -> responses.send(ctx, answer))
                .onFailure(ctx::fail);
    }

    private static Answer signed(Answer unsigned, byte[] body) {
        return new Answer(unsigned.status(), body, unsigned.contentType(), Answer.etagOf(body), unsigned.headers());
    }
}
