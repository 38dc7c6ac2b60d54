package org.mailautoconf.http;

import java.util.Locale;
import java.util.regex.Pattern;
import org.mailautoconf.tls.PendingChallenges;

/**
 * What the plain listener does differently once https is on: it answers ACME's HTTP-01
 * challenges, and sends browsers from the setup page to https. Thunderbird's http autoconfig
 * fallback and Outlook's redirect GET stay on plain http.
 */
final class TlsRoutes {

    /** RFC 8555: base64url tokens; anything else is not one of ours. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");

    private final PendingChallenges challenges;
    private final java.util.function.IntSupplier httpsPort;
    private final Responses responses;

    TlsRoutes(PendingChallenges challenges, java.util.function.IntSupplier httpsPort, Responses responses) {
        this.challenges = challenges;
        this.httpsPort = httpsPort;
        this.responses = responses;
    }

    void mount(Routes routes) {
        routes.get(RoutePath.withParameter("/.well-known/acme-challenge/", "token", false), this::challenge);
        routes.get("/", this::setupPageToHttps);
    }

    private void challenge(Exchange ctx) {
        String token = ctx.pathParam("token");
        var answer = token != null && TOKEN.matcher(token).matches() ? challenges.answer(token) : java.util.Optional.<String>empty();
        if (answer.isEmpty()) {
            responses.clientError(ctx, 404, "no challenge pending under this token");
            return;
        }
        ctx.response().putHeader("Content-Type", "text/plain").putHeader("Cache-Control", "no-store").end(answer.get());
    }

    /** A browser on http is sent to the same page on https; a request already on https goes on. */
    private void setupPageToHttps(Exchange ctx) {
        String host = ctx.request().authority() == null ? null : ctx.request().authority().host();
        if (ctx.request().isSSL() || host == null || !HOST.matcher(host).matches()) {
            ctx.next();
            return;
        }
        String query = ctx.request().query();
        int port = httpsPort.getAsInt();
        String location = "https://" + host.toLowerCase(Locale.ROOT) + (port == 443 ? "" : ":" + port) + "/"
                + (query == null ? "" : "?" + query);
        ctx.response().setStatusCode(301).putHeader("Location", location).putHeader("Cache-Control", "max-age=3600").end();
    }
}
