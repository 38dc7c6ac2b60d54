package org.mailautoconf.format.setuppage;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.mailautoconf.registry.CaCertificate;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.EnableStep;
import org.mailautoconf.registry.Provider;

/**
 * The setup page, rendered on the server: a small page with no scripts and no external
 * assets (its style is inline), so it works in any browser and behind any content policy.
 * Pure: the same outcome and language give the same bytes.
 */
public final class SetupPage {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    /** Longest typed text shown back in the form; an address has at most 254 characters. */
    private static final int MAX_ECHO = 320;

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;line-height:1.5;margin:0;color:#1b1b1b;background:#fafafa}",
            "main{max-width:52rem;margin:0 auto;padding:1rem 1.25rem 3rem}",
            "h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}",
            "label{display:block;font-weight:600}",
            "input[type=email]{font:inherit;padding:.5rem;width:100%;max-width:26rem;box-sizing:border-box;border:1px solid #555;border-radius:4px}",
            "button{font:inherit;padding:.5rem 1rem;margin-top:.5rem;border:0;border-radius:4px;background:#0b57d0;color:#fff;cursor:pointer}",
            "a{color:#0b57d0}a:focus,button:focus,input:focus{outline:3px solid #f5a700;outline-offset:2px}",
            ".hint{color:#444;font-size:.95rem}",
            ".error{color:#a00000;font-weight:600}",
            ".download{display:inline-block;padding:.6rem 1rem;border:2px solid #0b57d0;border-radius:4px;font-weight:600;text-decoration:none}",
            "h2{overflow-wrap:anywhere}",
            ".scroll{overflow-x:auto}",
            "table{border-collapse:collapse;width:100%;background:#fff}",
            "caption{text-align:left;font-weight:600;padding:.25rem 0}",
            "th,td{border:1px solid #bbb;padding:.4rem .5rem;text-align:left;vertical-align:top}",
            "thead th{background:#eef2f8}",
            "footer{max-width:52rem;margin:0 auto;padding:0 1.25rem 2rem}");

    public byte[] render(Language language, Outcome outcome) {
        Messages m = Messages.of(language);
        HtmlWriter html = new HtmlWriter();
        html.start("html", "lang", language.tag()).newline();
        html.start("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", title(m, outcome));
        html.element("style", STYLE);
        html.end().newline();
        html.start("body").newline();
        html.start("main");
        html.element("h1", title(m, outcome)).newline();
        html.element("p", m.intro());
        form(html, m, language, outcome);
        if (outcome instanceof Outcome.Invalid) {
            html.element("p", m.invalid(), "class", "error", "role", "alert", "id", "result");
        } else if (outcome instanceof Outcome.Unknown u) {
            html.element("p", String.format(m.unknown(), u.domain().unicode()), "class", "error", "role", "alert", "id", "result");
        } else if (outcome instanceof Outcome.Found f) {
            found(html, m, language, f.provider(), f.address());
        }
        html.end().newline();
        html.start("footer");
        Language other = language.other();
        html.element("a", Messages.of(other).languageName(), "href", "/?lang=" + other.tag(), "lang", other.tag(),
                "hreflang", other.tag());
        html.end().newline();
        html.end().newline();
        html.end();
        return html.toBytes();
    }

    private static String title(Messages m, Outcome outcome) {
        Optional<Provider> provider = Optional.empty();
        if (outcome instanceof Outcome.Form f) {
            provider = f.hostProvider();
        } else if (outcome instanceof Outcome.Found f) {
            provider = Optional.of(f.provider());
        }
        return provider.map(p -> String.format(m.titleFor(), p.shortName())).orElse(m.title());
    }

    private static void form(HtmlWriter html, Messages m, Language language, Outcome outcome) {
        String typed = "";
        if (outcome instanceof Outcome.Invalid i) {
            typed = i.typed();
        } else if (outcome instanceof Outcome.Unknown u) {
            typed = u.typed();
        } else if (outcome instanceof Outcome.Found f) {
            typed = f.address().toString();
        }
        html.start("form", "method", "get", "action", "/", "id", "lookup").newline();
        html.element("label", m.addressLabel(), "for", "emailaddress");
        html.element("p", m.addressHint(), "class", "hint", "id", "emailaddress-hint");
        html.empty("input", "type", "email", "id", "emailaddress", "name", "emailaddress", "value", echo(typed),
                "required", "required", "autocomplete", "email", "autocapitalize", "off", "spellcheck", "false",
                "aria-describedby", "emailaddress-hint", "aria-invalid", outcome instanceof Outcome.Invalid ? "true" : null);
        html.empty("input", "type", "hidden", "name", "lang", "value", language.tag());
        html.newline().element("button", m.submit(), "type", "submit");
        html.end().newline();
    }

    private static void found(HtmlWriter html, Messages m, Language language, Provider provider, EmailAddress address) {
        html.start("section", "id", "result", "aria-labelledby", "result-heading").newline();
        html.element("h2", String.format(m.resultHeading(), address.toString()), "id", "result-heading");
        provider.enable().ifPresent(step -> enable(html, m, language, step));
        apple(html, m, provider, address);
        html.element("h3", m.manualHeading(), "id", "manual");
        new SettingsTable(m, language).write(html, provider, address);
        if (!provider.documentation().isEmpty()) {
            html.element("h3", m.docsHeading());
            html.start("ul", "id", "documentation");
            provider.documentation().forEach(d -> {
                html.start("li");
                html.element("a", d.description().best(language.preference()).orElse(d.url().toString()), "href", d.url().toString());
                html.end();
            });
            html.end();
        }
        html.end().newline();
    }

    private static void enable(HtmlWriter html, Messages m, Language language, EnableStep step) {
        html.start("div", "id", "enable");
        html.element("h3", m.enableHeading());
        step.instructions().best(language.preference()).ifPresent(t -> html.element("p", t));
        html.start("p").element("a", step.visitUrl().toString(), "href", step.visitUrl().toString()).end();
        html.end().newline();
    }

    private static void apple(HtmlWriter html, Messages m, Provider provider, EmailAddress address) {
        html.start("div", "id", "apple");
        html.element("h3", m.appleHeading());
        String href = "/mobileconfig?emailaddress=" + URLEncoder.encode(address.toString(), StandardCharsets.UTF_8);
        html.start("p").element("a", m.appleDownload(), "href", href, "id", "profile-link", "class", "download").end();
        html.element("p", m.appleIos());
        html.element("p", m.appleMac());
        provider.caCertificate().ifPresent(ca -> caNote(html, m, provider, ca));
        html.end().newline();
    }

    private static void caNote(HtmlWriter html, Messages m, Provider provider, CaCertificate ca) {
        if (ca.certificate().isPresent()) {
            html.element("p", String.format(m.caInProfile(), provider.name()), "id", "ca-note");
        } else {
            html.start("p", "id", "ca-note").text(String.format(m.caManual(), provider.name()));
            ca.source().ifPresent(s -> html.text(" ").element("a", s.toString(), "href", s.toString()));
            html.end();
        }
    }

    /** The typed text as shown back: no control characters, bounded. */
    private static String echo(String typed) {
        StringBuilder out = new StringBuilder(Math.min(typed.length(), MAX_ECHO));
        typed.codePoints().filter(EmailAddress::writable).limit(MAX_ECHO).forEach(out::appendCodePoint);
        return out.toString();
    }
}
