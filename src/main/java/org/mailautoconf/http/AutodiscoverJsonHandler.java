package org.mailautoconf.http;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.format.autodiscover.JsonRenderer;
import org.mailautoconf.format.autodiscover.V2Protocol;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Registry;

/**
 * Autodiscover v2: {@code GET /autodiscover/autodiscover.json?Email=ADDR&Protocol=P} and
 * {@code GET /autodiscover/autodiscover.json/v1.0/ADDR?Protocol=P}, paths and parameter names
 * in any letter case. Microsoft's cloud asks this on behalf of new Outlook clients.
 */
final class AutodiscoverJsonHandler {

    /** Named in log lines instead of the path, which may hold the address. */

    private final Answers answers;
    private final Responses responses;
    private final Optional<URI> publicBaseUrl;
    private final JsonRenderer json = new JsonRenderer();
    /** Hoster mode: an MX-matched customer domain is answered as autoconfig and Autodiscover answer it. */
    private final MxWait mx;

    AutodiscoverJsonHandler(Answers answers, Responses responses, ServiceConfig config, MxWait mx) {
        this.answers = answers;
        this.mx = mx;
        this.responses = responses;
        this.publicBaseUrl = config.publicBaseUrl();
    }

    void byQuery(Exchange ctx) {
        answer(ctx, param(ctx, "Email"));
    }

    void byPath(Exchange ctx) {
        answer(ctx, ctx.pathParam("address"));
    }

    private void answer(Exchange ctx, String email) {
        RequestLog.format(ctx, "autodiscover-json");
        String protocol = param(ctx, "Protocol");
        if (protocol == null || V2Protocol.byName(protocol).isEmpty()) {
            reply(ctx, json.invalidProtocol(protocol));
            return;
        }
        Optional<EmailAddress> address = address(email);
        if (address.isEmpty()) {
            reply(ctx, json.error(400, "InvalidUser", "Send the address as ?Email=name@example.org or /v1.0/name@example.org."));
            return;
        }
        mx.choose(ctx, address.get().domain(), choice -> reply(ctx, json.answer(protocol,
                choice.provider().map(Registry.Match::provider), address.get(), publicBaseUrl)));
    }

    private void reply(Exchange ctx, JsonRenderer.JsonReply reply) {
        Answer answer = new Answer(reply.status(), reply.body(), JsonRenderer.CONTENT_TYPE, Answer.etagOf(reply.body()), Map.of());
        if (reply.errorCode().isEmpty()) {
            responses.send(ctx, answer);
        } else {
            RequestLog.protocolError(ctx);
            responses.sendFailure(ctx, answer, "v2 JSON error " + reply.errorCode().get());
        }
    }

    private static Optional<EmailAddress> address(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestDomains.queryAddress(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A query parameter by name in any letter case: clients send {@code Email}, {@code email}, ... */
    private static String param(Exchange ctx, String name) {
        for (Map.Entry<String, String> e : ctx.queryParams()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
