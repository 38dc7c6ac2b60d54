package org.mailautoconf.http;

import io.vertx.core.http.HttpHeaders;
import java.net.URI;
import java.util.Optional;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.format.setuppage.Guide;
import org.mailautoconf.format.setuppage.Language;
import org.mailautoconf.format.setuppage.Outcome;
import org.mailautoconf.format.setuppage.SetupPage;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * {@code GET /} on any host: the setup page, and with {@code ?emailaddress=} its answer for
 * that address (400 when it is not an address, 404 when no provider serves its domain; the
 * page is shown either way, so the person can try again).
 */
final class SetupPageHandler {

    private final Answers answers;
    private final Responses responses;
    private final SetupPage page = new SetupPage();
    private final Optional<URI> publicBaseUrl;
    /** Hoster mode: the provider of a typed address's domain may be chosen by its MX. */
    private final MxWait mx;

    SetupPageHandler(Answers answers, Responses responses, ServiceConfig config, MxWait mx) {
        this.answers = answers;
        this.mx = mx;
        this.responses = responses;
        this.publicBaseUrl = config.publicBaseUrl();
    }

    /**
     * The provider of a typed address is chosen first, as autoconfig chooses it (in hoster mode
     * by the domain's MX, asked without blocking); then the page is shown.
     */
    void page(Exchange ctx) {
        String typed = ctx.request().getParam("emailaddress");
        Optional<EmailAddress> address = Optional.empty();
        if (typed != null && !typed.isBlank()) {
            try {
                address = Optional.of(EmailAddress.parse(typed.replace(' ', '+')));
            } catch (IllegalArgumentException e) {
                // show() says why.
            }
        }
        if (address.isEmpty()) {
            show(ctx, Optional.empty());
            return;
        }
        mx.choose(ctx, address.get().domain(), choice -> show(ctx, choice.provider().map(Registry.Match::provider)));
    }

    /** @param chosen the provider of the typed address's domain, when an address was typed */
    private void show(Exchange ctx, Optional<Provider> chosen) {
        Language language = Language.choose(Optional.ofNullable(ctx.request().getParam("lang")),
                Optional.ofNullable(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE)));
        String typed = ctx.request().getParam("emailaddress");
        Outcome outcome;
        int status = 200;
        String reason = "";
        if (typed == null || typed.isBlank()) {
            outcome = new Outcome.Form(RequestDomains.fromHost(ctx).flatMap(this::provider));
        } else {
            // As for the other endpoints: a '+' that query decoding made a space is put back.
            String text = typed.replace(' ', '+');
            EmailAddress address = null;
            try {
                address = EmailAddress.parse(text);
            } catch (IllegalArgumentException e) {
                reason = "not a valid address: " + e.getMessage();
            }
            if (address == null) {
                outcome = new Outcome.Invalid(text);
                status = 400;
            } else {
                Optional<Provider> provider = chosen;
                if (provider.isPresent()) {
                    outcome = new Outcome.Found(provider.get(), address);
                } else {
                    outcome = new Outcome.Unknown(text, address.domain());
                    status = 404;
                    reason = "no mail provider is known for " + address.domain().ascii();
                }
            }
        }
        Optional<Guide> guide = Guide.choose(Optional.ofNullable(ctx.request().getParam("app")),
                Optional.ofNullable(ctx.request().getHeader(HttpHeaders.USER_AGENT)));
        Optional<URI> base = PageBase.of(ctx.request().isSSL(), ctx.request().authority(), publicBaseUrl);
        ctx.response().putHeader("Content-Security-Policy", page.contentSecurityPolicy())
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader(HttpHeaders.VARY, "Accept-Language, User-Agent");
        responses.page(ctx, status, page.render(language, outcome, guide, base), SetupPage.CONTENT_TYPE, reason);
    }

    private Optional<Provider> provider(DomainName domain) {
        return answers.provider(domain);
    }
}
