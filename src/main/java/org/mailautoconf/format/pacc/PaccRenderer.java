package org.mailautoconf.format.pacc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import org.mailautoconf.format.Rendered;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.Provider;

/**
 * The PACC document of one provider for one domain, in {@link #DRAFT}'s key names: deterministic
 * bytes (keys in a fixed order, no whitespace, UTF-8), because the client accepts the document
 * only when SHA-256 of the exact bytes equals a digest published in DNS.
 *
 * <p>PACC carries no port, no socket type and no user name: a TCP service is implicit TLS on its
 * default port, a URL is https on 443, and the login is the address. A provider it cannot say
 * that of has no document ({@link #whyNot}), never one that would send a client elsewhere.
 */
public final class PaccRenderer {

    /**
     * The draft version pinned: the newest published (found up to 2026-11-28). Its text could not
     * be read here; the key names follow pimalaya's -02 reader and automx 3's -03 renderer, key by
     * key in docs/endpoints.md. The SMTP key changed between versions ({@code smtp} in -02,
     * {@code submit} since -03), and the digest pins the bytes: changing this version changes
     * every published digest.
     */
    public static final String DRAFT = "draft-ietf-mailmaint-pacc-04";

    public static final String CONTENT_TYPE = "application/json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int NAME_MAX = 60;
    private static final int SHORT_NAME_MAX = 20;

    /** Why this provider has no PACC document; empty when it has one. */
    public Optional<String> whyNot(Provider provider) {
        return PaccServices.of(provider).left();
    }

    /**
     * The document's bytes.
     *
     * @throws IllegalStateException when {@link #whyNot} is not empty
     */
    public byte[] render(Provider provider, DomainName domain) {
        PaccServices services = PaccServices.of(provider).right()
                .orElseThrow(() -> new IllegalStateException(provider.id() + " has no PACC document: " + whyNot(provider).orElse("")));
        ObjectNode root = JSON.createObjectNode();
        ObjectNode protocols = root.putObject("protocols");
        services.jmap().ifPresent(u -> protocols.putObject("jmap").put("url", u.toASCIIString()));
        services.imap().ifPresent(h -> protocols.putObject("imap").put("host", host(h, domain)));
        services.pop3().ifPresent(h -> protocols.putObject("pop3").put("host", host(h, domain)));
        services.submit().ifPresent(h -> protocols.putObject("submit").put("host", host(h, domain)));
        services.caldav().ifPresent(u -> protocols.putObject("caldav").put("url", u.toASCIIString()));
        services.carddav().ifPresent(u -> protocols.putObject("carddav").put("url", u.toASCIIString()));
        services.webdav().ifPresent(u -> protocols.putObject("webdav").put("url", u.toASCIIString()));
        // ManageSieve has no implicit-TLS port, the only kind of TCP service PACC names (automx 3
        // refuses it for -03 on the same ground): left out rather than guessed.
        ObjectNode authentication = root.putObject("authentication");
        // A boolean, always written: pimalaya's -02 reader types it Option<bool>, automx 3's -03
        // renderer writes it always (false for OAuth-only providers).
        authentication.put("password", services.password());
        services.oauthIssuer().ifPresent(i -> authentication.putObject("oauth-public").put("issuer", i.toASCIIString()));
        ObjectNode name = root.putObject("info").putObject("provider");
        name.put("name", cut(provider.name(), NAME_MAX));
        if (provider.shortName().codePointCount(0, provider.shortName().length()) <= SHORT_NAME_MAX) {
            name.put("shortName", provider.shortName());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The finished answer: the document, {@code application/json}, readable by any web page's script. */
    public Rendered answer(Provider provider, DomainName domain) {
        return Rendered.ok(render(provider, domain), CONTENT_TYPE).withHeader("Access-Control-Allow-Origin", "*");
    }

    /** The {@code _ua-auto-config} TXT record's text for these exact bytes. */
    public static String txt(byte[] document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(document);
            return "v=UAAC1; a=sha256; d=" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String host(String hostname, DomainName domain) {
        return hostname.replace(LoginTemplate.EMAILDOMAIN, domain.ascii());
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }
}
