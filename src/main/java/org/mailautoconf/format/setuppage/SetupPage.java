package org.mailautoconf.format.setuppage;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The setup page, rendered on the server from one Pebble template ({@code setuppage/page.peb})
 * and the message bundles. Pebble escapes every value for HTML; only the page's own style,
 * script and QR path go in raw. Template, texts, style and script are read once here; a render
 * is a pure function of its arguments, with no I/O.
 */
public final class SetupPage {

    public static final String CONTENT_TYPE = "text/html; charset=utf-8";

    private final PebbleTemplate template;
    private final Map<Language, Texts> texts = new EnumMap<>(Language.class);
    private final String style;
    private final String script;
    private final String contentSecurityPolicy;

    public SetupPage() {
        ClasspathLoader loader = new ClasspathLoader(SetupPage.class.getClassLoader());
        loader.setPrefix("setuppage");
        loader.setSuffix(".peb");
        PebbleEngine engine = new PebbleEngine.Builder().loader(loader).strictVariables(true).cacheActive(false)
                .newLineTrimming(true).build();
        template = engine.getTemplate("page");
        for (Language l : Language.values()) {
            texts.put(l, Texts.load(l));
        }
        style = resource("setuppage/page.css");
        script = resource("setuppage/copy.js");
        // The one inline script is allowed by its hash, never by 'unsafe-inline'; styles are inline
        // only; images are a provider's logo, from this service.
        contentSecurityPolicy = "default-src 'none'; script-src '" + sha256(script) + "'; style-src 'unsafe-inline';"
                + " img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    /** The policy the page needs: its own inline script by hash, inline styles, only the logo loaded. */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    /**
     * @param guide    the app whose steps to show, if known
     * @param pageBase scheme and authority the person reached this page at, for the QR code; none
     *                 leaves the QR code out
     */
    public byte[] render(Language language, Outcome outcome, Optional<Guide> guide, Optional<URI> pageBase) {
        Texts t = texts.get(language);
        Map<String, Object> model = new HashMap<>();
        model.put("t", t.all());
        model.put("lang", language.tag());
        model.put("style", style);
        model.put("script", script);
        model.put("copyDone", t.get("copied"));
        model.put("languages", language.others().stream()
                .map(l -> new PageModel.LanguageLink(l.tag(), texts.get(l).get("languageName"), "/?lang=" + l.tag())).toList());
        new PageModel(t, language).fill(model, outcome, guide, pageBase);
        StringWriter out = new StringWriter(16384);
        try {
            template.evaluate(out, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String resource(String name) {
        try (InputStream in = SetupPage.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
