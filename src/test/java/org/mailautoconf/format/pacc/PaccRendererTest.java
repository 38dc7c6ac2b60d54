package org.mailautoconf.format.pacc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.DavProvider;
import org.mailautoconf.testing.Registries;

/** PACC documents: exact bytes, the draft's schema, and no document where PACC would mislead. */
class PaccRendererTest {

    @TempDir
    Path dir;

    private final PaccRenderer pacc = new PaccRenderer();

    @Test
    void davProvider_isOneCompactDocumentInAFixedKeyOrder_validAgainstTheSchema() {
        Provider p = DavProvider.provider(DavProvider.withShipped(dir));
        byte[] doc = pacc.render(p, DomainName.parse(DavProvider.DOMAIN));
        assertThat(new String(doc, StandardCharsets.UTF_8)).isEqualTo("{\"protocols\":{"
                + "\"jmap\":{\"url\":\"https://jmap.dav.example/.well-known/jmap\"},"
                + "\"imap\":{\"host\":\"imap.dav.example\"},"
                + "\"submit\":{\"host\":\"smtp.dav.example\"},"
                + "\"caldav\":{\"url\":\"https://dav.dav.example/calendars/\"},"
                + "\"carddav\":{\"url\":\"https://dav.dav.example/contacts/\"},"
                + "\"webdav\":{\"url\":\"https://dav.dav.example/files/\"}},"
                + "\"authentication\":{\"password\":true,\"oauth-public\":{\"issuer\":\"https://login.dav.example\"}},"
                + "\"info\":{\"provider\":{\"name\":\"Dav Mail\",\"shortName\":\"DavMail\"}}}");
        assertThat(PaccSchema.errors(doc)).isEmpty();
        assertThat(pacc.render(p, DomainName.parse(DavProvider.DOMAIN))).isEqualTo(doc);
    }

    @Test
    void txt_isTheBase64Sha256OfTheExactBytes() throws Exception {
        byte[] doc = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String digest = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(doc));
        assertThat(PaccRenderer.txt(doc)).isEqualTo("v=UAAC1; a=sha256; d=" + digest);
    }

    @Test
    void shippedProviders_thatPaccCannotExpress_getNoDocument_andSayWhy() {
        Registry shipped = Registries.shipped();
        assertThat(pacc.whyNot(shipped.provider("tim-trust-pec").orElseThrow()))
                .hasValueSatisfying(why -> assertThat(why).contains("%EMAILADDRESS%*%EMAILLOCALPART%").contains("always the address"));
        assertThat(pacc.whyNot(shipped.provider("halnet").orElseThrow()))
                .hasValueSatisfying(why -> assertThat(why).startsWith("SMTP smtp.hln.it:587 uses starttls")
                        .contains("smtp.hln.it:465 logs in as a name the user types; PACC's login is always the address"));
        for (Provider p : Registries.providers(shipped)) {
            pacc.whyNot(p).ifPresentOrElse(why -> assertThat(why).isNotBlank(),
                    () -> assertThat(PaccSchema.errors(pacc.render(p, p.primaryDomain().orElseThrow()))).as(p.id()).isEmpty());
        }
    }

    @Test
    void startTlsOnly_andNonDefaultPorts_getNoDocument() {
        Registries.write(dir, "a.yaml", """
                id: starttls
                name: StartTls
                domains: [starttls.example]
                incoming: [{type: imap, hostname: imap.starttls.example, port: 143, security: starttls}]
                outgoing: [{hostname: smtp.starttls.example, port: 465, security: tls}]
                """);
        Registries.write(dir, "b.yaml", """
                id: odd
                name: Odd
                domains: [odd.example]
                incoming: [{type: imap, hostname: imap.odd.example, port: 993, security: tls}]
                outgoing: [{hostname: smtp.odd.example, port: 2465, security: tls}]
                """);
        Registries.write(dir, "c.yaml", """
                id: both
                name: Both
                domains: [both.example]
                incoming: [{type: imap, hostname: imap.both.example, port: 993, security: tls}]
                outgoing:
                  - {hostname: smtp.both.example, port: 587, security: starttls}
                  - {hostname: smtp.both.example, port: 465, security: tls}
                """);
        Registry r = Registries.load(dir);
        assertThat(pacc.whyNot(r.provider("starttls").orElseThrow())).hasValue(
                "IMAP imap.starttls.example:143 uses starttls; PACC implies TLS from the first byte");
        assertThat(pacc.whyNot(r.provider("odd").orElseThrow())).hasValue(
                "SMTP smtp.odd.example:2465 is not on the default port 465, and PACC carries no port");
        // A STARTTLS server beside an implicit-TLS one: the document names the one PACC can say.
        assertThat(pacc.whyNot(r.provider("both").orElseThrow())).isEmpty();
        assertThat(new String(pacc.render(r.provider("both").orElseThrow(), DomainName.parse("both.example")), StandardCharsets.UTF_8))
                .contains("\"submit\":{\"host\":\"smtp.both.example\"}");
    }

    @Test
    void schema_rejectsWhatPaccCannotCarry() {
        byte[] withPort = "{\"protocols\":{\"imap\":{\"host\":\"imap.a.example\",\"port\":993}},\"authentication\":{\"password\":{}}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] httpUrl = "{\"protocols\":{\"jmap\":{\"url\":\"http://jmap.a.example/x\"}},\"authentication\":{\"password\":{}}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(PaccSchema.errors(withPort)).isNotEmpty();
        assertThat(PaccSchema.errors(httpUrl)).isNotEmpty();
    }

    /** Each variant breaks exactly one thing the pinned version fixes; the base passes, so each rejection is for that thing. */
    @Test
    void schema_rejectsOtherVersionsKeysAndTypes() {
        String base = "{\"protocols\":{\"imap\":{\"host\":\"imap.a.example\"},\"submit\":{\"host\":\"smtp.a.example\"}},"
                + "\"authentication\":{\"password\":true},\"info\":{\"provider\":{\"name\":\"A\"}}}";
        assertThat(PaccSchema.errors(base.getBytes(StandardCharsets.UTF_8))).isEmpty();
        List<String> broken = List.of(
                base.replace("\"submit\"", "\"smtp\""), // -02's SMTP key
                base.replace("\"password\":true", "\"password\":[\"sasl-PLAIN\"]"), // -00's per-server method lists
                base.replace(",\"info\":{\"provider\":{\"name\":\"A\"}}", ""), // pimalaya's -02 reader requires info
                base.replace("{\"name\":\"A\"}", "{\"shortName\":\"A\"}"), // and info.provider.name
                base.replace("\"protocols\"", "\"servers\"")); // -00's top-level key
        for (String b : broken) {
            assertThat(PaccSchema.errors(b.getBytes(StandardCharsets.UTF_8))).as(b).isNotEmpty();
        }
    }

    @Test
    void manageSieve_isNeverNamed_soItsPortDoesNotCostTheDocument() {
        Registries.write(dir, "s.yaml", """
                id: sieve
                name: Sieve
                domains: [sieve.example]
                incoming: [{type: imap, hostname: imap.sieve.example, port: 993, security: tls}]
                outgoing: [{hostname: smtp.sieve.example, port: 465, security: tls}]
                manageSieve: {hostname: sieve.sieve.example, port: 2000, security: tls}
                """);
        Provider p = Registries.load(dir).provider("sieve").orElseThrow();

        assertThat(pacc.whyNot(p)).isEmpty();
        assertThat(new String(pacc.render(p, DomainName.parse("sieve.example")), StandardCharsets.UTF_8)).doesNotContain("sieve.sieve.example");
    }
}
