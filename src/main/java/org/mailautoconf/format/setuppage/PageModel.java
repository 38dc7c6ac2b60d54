package org.mailautoconf.format.setuppage;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/**
 * What the template shows, as plain values: every text already chosen and filled in, every
 * link already built, so the template only lays them out (and escapes them).
 */
final class PageModel {

    /** Longest typed text shown back in the form; an address has at most 254 characters. */
    private static final int MAX_ECHO = 320;

    record LanguageLink(String tag, String name, String href) {}

    record AppLink(String key, String name, String href, boolean current) {}

    record Link(String href, String text) {}

    /** The steps of one app's guide; {@code profileHref} only for the apps that install the profile. */
    record GuideView(String key, String name, String setup, List<String> steps, String profileHref, String caNote) {}

    record Qr(int size, String path, String url, String text, String label) {}

    /** The provider's branding: its name, and where its logo is served ({@code logoHref} null without one). */
    record Brand(String name, String logoHref) {}

    private final Texts t;
    private final Language language;

    PageModel(Texts t, Language language) {
        this.t = t;
        this.language = language;
    }

    void fill(Map<String, Object> model, Outcome outcome, Optional<Guide> guide, Optional<URI> pageBase) {
        model.put("title", title(outcome));
        model.put("brand", provider(outcome).flatMap(this::brand).orElse(null));
        model.put("typed", echo(typed(outcome)));
        model.put("invalid", outcome instanceof Outcome.Invalid);
        model.put("error", outcome instanceof Outcome.Invalid ? t.get("invalid")
                : outcome instanceof Outcome.Unknown u ? t.format("unknown", "domain", u.domain().unicode()) : null);
        model.put("found", outcome instanceof Outcome.Found);
        if (outcome instanceof Outcome.Found f) {
            found(model, f.provider(), f.address(), guide, pageBase);
        }
    }

    private void found(Map<String, Object> model, Provider provider, EmailAddress address, Optional<Guide> guide,
                       Optional<URI> pageBase) {
        String query = "/?emailaddress=" + URLEncoder.encode(address.toString(), StandardCharsets.UTF_8);
        model.put("resultHeading", t.format("resultHeading", "address", address.toString()));
        model.put("enableText", provider.enable().flatMap(e -> e.instructions().best(language.preference())).orElse(null));
        model.put("enableUrl", provider.enable().map(e -> e.visitUrl().toString()).orElse(null));
        boolean profileGuide = guide.map(g -> g.setup() == Guide.Setup.PROFILE).orElse(false);
        boolean caInProfile = provider.caCertificate().map(ca -> ca.certificate().isPresent()).orElse(false);
        // A certificate of the provider's own is something to do before starting, unless the profile brings it.
        Optional<String> caSource = provider.caCertificate().flatMap(ca -> ca.source()).map(URI::toString);
        boolean caFirst = provider.caCertificate().isPresent() && !(profileGuide && caInProfile);
        model.put("caText", caFirst ? t.format("caManual", "provider", provider.name()) : null);
        model.put("caSource", caFirst ? caSource.orElse(null) : null);
        model.put("apps", Arrays.stream(Guide.values()).map(g -> new AppLink(g.key(), t.get("app." + g.key()),
                query + "&lang=" + language.tag() + "&app=" + g.key() + "#guide", guide.equals(Optional.of(g)))).toList());
        model.put("guide", guide.map(g -> guideView(g, provider, address, query)).orElse(null));
        List<ServerCards.Card> cards = new ServerCards(t, language).of(provider, address);
        model.put("cards", cards);
        model.put("davCards", new ServerCards(t, language).services(provider, address));
        model.put("askUser", cards.stream().flatMap(c -> c.fields().stream()).anyMatch(ServerCards.Field::hint));
        model.put("qr", pageBase.map(base -> qr(base, query, address)).orElse(null));
        model.put("docs", provider.documentation().stream().map(d -> new Link(d.url().toString(),
                d.description().best(language.preference()).orElse(d.url().toString()))).toList());
    }

    private GuideView guideView(Guide g, Provider provider, EmailAddress address, String query) {
        String password = t.get(provider.enable().isPresent() ? "passwordEnable" : "passwordMailbox");
        List<String> steps = new ArrayList<>();
        for (String step : t.numbered("guide." + g.key())) {
            steps.add(step.replace("{password}", password).replace("{address}", address.toString()));
        }
        if (g == Guide.SAMSUNG && provider.activeSync().isPresent()) {
            steps.add(t.get("guide.samsung.activeSync"));
        }
        String setup = switch (g.setup()) {
            case PROFILE -> t.format("guideProfile", "password", password);
            case LOOKUP -> t.format("guideAuto", "password", password);
            case MANUAL -> t.get("guideManual");
        };
        boolean profile = g.setup() == Guide.Setup.PROFILE;
        String caNote = profile && provider.caCertificate().map(ca -> ca.certificate().isPresent()).orElse(false)
                ? t.format("caInProfile", "provider", provider.name())
                : null;
        return new GuideView(g.key(), t.get("app." + g.key()), setup, List.copyOf(steps),
                profile ? "/mobileconfig" + query.substring(1) : null, caNote);
    }

    private Qr qr(URI base, String query, EmailAddress address) {
        String url = base.getScheme() + "://" + base.getRawAuthority() + query;
        QrCode code = QrCode.of(url);
        return new Qr(code.size(), code.path(), url, t.format("qrText", "address", address.toString()),
                t.format("qrLabel", "address", address.toString()));
    }

    private String title(Outcome outcome) {
        return provider(outcome).map(p -> t.format("titleFor", "provider", p.shortName())).orElse(t.get("title"));
    }

    /** The provider the page is about: the address's, or the one the page's host name stands for. */
    private static Optional<Provider> provider(Outcome outcome) {
        if (outcome instanceof Outcome.Form f) {
            return f.hostProvider();
        } else if (outcome instanceof Outcome.Found f) {
            return Optional.of(f.provider());
        }
        return Optional.empty();
    }

    /**
     * The logo's URL carries a digest of its bytes, so a replaced logo is fetched at once however
     * long a browser keeps the old one.
     */
    private Optional<Brand> brand(Provider provider) {
        return provider.branding().map(b -> new Brand(b.name().best(language.preference()).orElse(provider.name()),
                b.logo().map(l -> logoPath(provider.id()) + "?v=" + l.sha256().substring(0, 16)).orElse(null)));
    }

    /** Where {@code http.BrandingHandler} serves a provider's logo. */
    static String logoPath(String providerId) {
        return "/branding/" + URLEncoder.encode(providerId, StandardCharsets.UTF_8) + "/logo";
    }

    private static String typed(Outcome outcome) {
        if (outcome instanceof Outcome.Invalid i) {
            return i.typed();
        } else if (outcome instanceof Outcome.Unknown u) {
            return u.typed();
        } else if (outcome instanceof Outcome.Found f) {
            return f.address().toString();
        }
        return "";
    }

    /** The typed text as shown back: no control characters, bounded. */
    private static String echo(String typed) {
        StringBuilder out = new StringBuilder(Math.min(typed.length(), MAX_ECHO));
        typed.codePoints().filter(EmailAddress::writable).limit(MAX_ECHO).forEach(out::appendCodePoint);
        return out.toString();
    }
}
