package org.mailautoconf.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.registry.Branding;
import org.mailautoconf.registry.Provider;

/**
 * {@code GET /branding/<provider-id>/logo}: the logo the setup page shows, as the live registry
 * read it (docs/setup-page.md). Sent like every answer (strong ETag, 304, {@code Cache-Control}),
 * with {@code nosniff} and a policy that lets an SVG opened on its own run and load nothing.
 */
final class BrandingHandler {

    static final RoutePath PATH = RoutePath.withParameterBefore("/branding/", "provider", "/logo");

    /** No script, no plug-in, nothing loaded, no framing; an SVG's inline styles still apply. */
    static final String LOGO_POLICY = "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

    private final Answers answers;
    private final Responses responses;
    /**
     * Each logo's answer, made once per logo of the registry (weak keys compare by identity): its
     * body is then the same array on every request, which {@link Responses} keeps as one buffer.
     */
    private final Cache<Branding.Logo, Answer> logoAnswers = Caffeine.newBuilder().weakKeys()
            .maximumWeight(16L << 20).weigher((Branding.Logo logo, Answer a) -> logo.size()).build();

    BrandingHandler(Answers answers, Responses responses) {
        this.answers = answers;
        this.responses = responses;
    }

    void logo(Exchange ctx) {
        String id = ctx.pathParam("provider");
        Optional<Branding.Logo> logo = answers.registry().flatMap(r -> r.provider(id)).flatMap(Provider::branding)
                .flatMap(Branding::logo);
        if (logo.isEmpty()) {
            // The id is not quoted: it is the client's text.
            responses.clientError(ctx, 404, "no provider with a logo has that id");
            return;
        }
        responses.send(ctx, logoAnswers.get(logo.get(), BrandingHandler::answer));
    }

    private static Answer answer(Branding.Logo logo) {
        return new Answer(200, logo.bytes(), logo.type().mediaType(), logo.etag(),
                Map.of("X-Content-Type-Options", "nosniff", "Content-Security-Policy", LOGO_POLICY));
    }
}
