package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.AuthMethod;
import org.mailautoconf.registry.Authentication;
import org.mailautoconf.registry.ManageSieve;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Security;
import org.mailautoconf.registry.Services;
import org.mailautoconf.testing.DavProvider;

/** JMAP, CalDAV, CardDAV, WebDAV and ManageSieve beside the mail servers, and OAuth2's public client. */
class ServiceFieldsTest {

    @TempDir
    Path tmp;
    ProviderDir dir;

    private static final String MAIL = """
            id: acme
            name: Acme
            domains: [acme.example]
            incoming: [{type: imap, hostname: imap.acme.example, port: 993, security: tls}]
            outgoing: [{hostname: smtp.acme.example, port: 465, security: tls}]
            """;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    @Test
    void everyService_isRead_withDefaultsWhereLeftOut() {
        var result = dir.file("davmail.yaml", DavProvider.YAML).load();
        assertThat(result.errors()).isEmpty();
        Provider p = result.registry().orElseThrow().provider("davmail").orElseThrow();
        Services s = p.services();
        assertThat(s.jmap().orElseThrow().url()).isEqualTo(URI.create("https://jmap.dav.example/.well-known/jmap"));
        assertThat(s.jmap().orElseThrow().authentication())
                .containsExactly(new Authentication.Http("Basic"), Authentication.of(AuthMethod.OAUTH2));
        assertThat(s.caldav().orElseThrow().authentication()).containsExactly(new Authentication.Http("Basic"));
        assertThat(s.webdav().orElseThrow().url().getPath()).isEqualTo("/files/");
        ManageSieve sieve = s.manageSieve().orElseThrow();
        assertThat(sieve.port()).isEqualTo(4190);
        assertThat(sieve.security()).isEqualTo(Security.STARTTLS);
        assertThat(sieve.authentication()).containsExactly(new Authentication.Sasl("SCRAM-SHA-256"),
                Authentication.of(AuthMethod.PASSWORD_CLEARTEXT));
        assertThat(p.oauth2().orElseThrow().clientId()).isEqualTo(Optional.of("mail-clients"));
        assertThat(p.oauth2().orElseThrow().issuerUrl()).isEqualTo(URI.create("https://login.dav.example"));
    }

    @Test
    void aProviderWithoutServices_hasNone() {
        var result = dir.file("acme.yaml", MAIL).load();
        assertThat(result.registry().orElseThrow().provider("acme").orElseThrow().services()).isEqualTo(Services.NONE);
    }

    @Test
    void serviceUrls_mustBeHttps_andJmapNeedsAPath() {
        var result = dir.file("acme.yaml", MAIL + """
                jmap:
                  url: https://jmap.acme.example/
                caldav:
                  url: http://dav.acme.example/cal/
                carddav:
                  url: https://dav.acme.example/card/?user=x
                """).load();
        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "bad-url", "jmap.url").isError().at("acme.yaml", 7, 8).says("needs a path");
        assertThatProblem(result, "bad-url", "caldav.url").isError().at("acme.yaml", 9, 8).says("https");
        assertThatProblem(result, "bad-url", "carddav.url").isError().at("acme.yaml", 11, 8).says("query");
    }

    @Test
    void authentication_mustFitTheProtocol() {
        var result = dir.file("acme.yaml", MAIL + """
                caldav:
                  url: https://dav.acme.example/
                  authentication: [password-cleartext]
                manageSieve:
                  hostname: sieve.acme.example
                  security: none
                  authentication: [http:Basic]
                """).load();
        assertThatProblem(result, "bad-value", "caldav.authentication").isError().at("acme.yaml", 8, 19)
                .says("not an HTTP login: write http:Basic, http:Digest or OAuth2");
        assertThatProblem(result, "bad-value", "manageSieve.security").isError().says("write starttls");
        assertThatProblem(result, "bad-value", "manageSieve.authentication").isError().says("not a ManageSieve login");
    }

    @Test
    void oauth2Issuer_isAHostNameOrAnHttpsUrl() {
        var result = dir.file("acme.yaml", MAIL + """
                oauth2:
                  issuer: http://login.acme.example/
                  scope: mail
                  authUrl: https://login.acme.example/a
                  tokenUrl: https://login.acme.example/t
                """).load();
        assertThatProblem(result, "bad-url", "oauth2.issuer").isError().at("acme.yaml", 7, 11).says("an https URL");
    }
}
