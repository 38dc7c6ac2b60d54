package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.TlsSettings;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.TestPki;
import org.mailautoconf.tls.TestCertificates;

/** The https listener with certificates from a directory: SNI, live replacement, refusals, protocols, h2. */
class HttpsListenerTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final TestPki.Issued CA = TestPki.rootCa("mailautoconf test CA");
    private static final SSLContext TRUST = TestCertificates.trusting(CA.certificate());

    @TempDir
    Path providers;
    @TempDir
    Path certs;

    private TestPki.Issued exampleOrg;
    private TestPki.Issued wildcardNet;
    private TestPki.Issued publicHost;

    @BeforeEach
    void files() throws Exception {
        Registries.write(providers, "example.yaml", """
                id: example
                name: Example
                domains: [example.org, example.net]
                incoming: [{type: imap, hostname: imap.example.org, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.example.org, port: 465, security: tls}]
                """);
        exampleOrg = TestCertificates.server(CA, "autoconfig.example.org", "autodiscover.example.org");
        wildcardNet = TestCertificates.server(CA, "*.example.net");
        publicHost = TestCertificates.server(CA, "mail.example.com", "127.0.0.1");
        TestCertificates.write(exampleOrg, certs.resolve("example-org.crt"), certs.resolve("example-org.key"));
        // One file with the chain and the key, as some tools write it.
        TestCertificates.writePrivate(certs.resolve("wildcard-net.pem"),
                TestPki.pem(wildcardNet.certificate()) + TestCertificates.pkcs8(wildcardNet.keys().getPrivate()));
        TestCertificates.write(publicHost, certs.resolve("public.crt"), certs.resolve("public.key"));
    }

    private ServiceConfig config() {
        return ServiceConfig.defaults().withProvidersDir(providers).withPort(0).withReloadInterval(Duration.ofMillis(100))
                .withPublicBaseUrl(Optional.of(URI.create("https://mail.example.com")))
                .withTls(Optional.of(new TlsSettings(new HostPort("127.0.0.1", 0), Optional.of(certs), Optional.empty())));
    }

    private static TestCertificates.Handshake shake(HttpsService s, String name) throws Exception {
        return TestCertificates.handshake(s.httpsPort, Optional.of(name), TRUST);
    }

    @Test
    void sni_picksTheExactName_thenTheWildcard_thenTheDefault() throws Exception {
        try (HttpsService s = HttpsService.start(config())) {
            assertThat(shake(s, "autoconfig.example.org").leaf()).isEqualTo(exampleOrg.certificate());
            assertThat(shake(s, "autodiscover.example.org").leaf()).isEqualTo(exampleOrg.certificate());
            assertThat(shake(s, "autoconfig.example.net").leaf()).isEqualTo(wildcardNet.certificate());
            assertThat(shake(s, "mail.example.com").leaf()).isEqualTo(publicHost.certificate());
            // No SNI, or a name no certificate has: the public host's certificate.
            assertThat(TestCertificates.handshake(s.httpsPort, Optional.empty(), TRUST, List.of("TLSv1.3"), false).leaf())
                    .isEqualTo(publicHost.certificate());
            assertThat(TestCertificates.handshake(s.httpsPort, Optional.of("autoconfig.unknown.example"), TRUST, List.of("TLSv1.3"), false).leaf())
                    .isEqualTo(publicHost.certificate());
        }
    }

    @Test
    void aCertificateReplacedOnDisk_isServedFromTheNextHandshake_andOpenConnectionsGoOn() throws Exception {
        try (HttpsService s = HttpsService.start(config());
             SSLSocket open = (SSLSocket) TRUST.getSocketFactory().createSocket("127.0.0.1", s.httpsPort)) {
            SSLParameters p = open.getSSLParameters();
            p.setServerNames(List.of(new SNIHostName("autoconfig.example.org")));
            open.setSSLParameters(p);
            open.setSoTimeout(10_000);
            assertThat(keepAliveGet(open)).startsWith("HTTP/1.1 200");
            assertThat(open.getSession().getPeerCertificates()[0]).isEqualTo(exampleOrg.certificate());

            TestPki.Issued renewed = TestCertificates.server(CA, "autoconfig.example.org", "autodiscover.example.org");
            TestCertificates.write(renewed, certs.resolve("example-org.crt"), certs.resolve("example-org.key"));
            RunningService.await(WAIT, "the new certificate", () -> leafOf(s, "autoconfig.example.org").equals(renewed.certificate()));
            assertThat(shake(s, "autoconfig.example.net").leaf()).as("the others stay").isEqualTo(wildcardNet.certificate());
            assertThat(keepAliveGet(open)).as("the connection opened before goes on").startsWith("HTTP/1.1 200");
        }
    }

    /** One keep-alive request on an open connection; the status line and headers of its answer (the body is read and dropped). */
    private static String keepAliveGet(SSLSocket socket) throws Exception {
        var out = socket.getOutputStream();
        out.write("GET /mail/config-v1.1.xml?emailaddress=someone%40example.org HTTP/1.1\r\nHost: autoconfig.example.org\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        var in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("connection closed after " + head);
            }
            head.append((char) b);
        }
        var length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        assertThat(length.find()).as("a Content-Length in " + head).isTrue();
        in.readNBytes(Integer.parseInt(length.group(1)));
        return head.toString();
    }

    @Test
    void badFiles_areRefusedWithALogLine_andThePreviousCertificateStays() throws Exception {
        try (HttpsService s = HttpsService.start(config()); LogCapture log = new LogCapture()) {
            Path crt = certs.resolve("example-org.crt");
            Path key = certs.resolve("example-org.key");
            // A key that belongs to another certificate.
            TestPki.Issued other = TestCertificates.server(CA, "autoconfig.example.org");
            Files.writeString(crt, TestPki.pem(other.certificate()), StandardCharsets.US_ASCII);
            RunningService.await(WAIT, "the refusal", () -> log.text().contains("certificate example-org refused: the private key in"));
            assertThat(shake(s, "autoconfig.example.org").leaf()).isEqualTo(exampleOrg.certificate());

            TestPki.Issued expired = TestCertificates.server(CA, Instant.now().minusSeconds(86400 * 10), Instant.now().minusSeconds(60),
                    "autoconfig.example.org");
            TestCertificates.write(expired, crt, key);
            RunningService.await(WAIT, "the refusal", () -> log.text().contains("certificate example-org refused: " + crt + " expired on"));
            assertThat(shake(s, "autoconfig.example.org").leaf()).isEqualTo(exampleOrg.certificate());

            TestPki.Issued fresh = TestCertificates.server(CA, "autoconfig.example.org");
            TestCertificates.write(fresh, crt, key);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
            RunningService.await(WAIT, "the refusal", () -> log.text().contains("certificate example-org refused: " + key + " is readable by every user"));
            assertThat(shake(s, "autoconfig.example.org").leaf()).isEqualTo(exampleOrg.certificate());

            Files.writeString(certs.resolve("public.crt"), "-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n");
            RunningService.await(WAIT, "the refusal", () -> log.text().contains("certificate public refused: " + certs.resolve("public.crt")
                    + " is not a readable PEM file"));
            assertThat(shake(s, "mail.example.com").leaf()).isEqualTo(publicHost.certificate());

            // Made private, the fresh certificate is taken up.
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            RunningService.await(WAIT, "the fresh certificate", () -> leafOf(s, "autoconfig.example.org").equals(fresh.certificate()));
            assertThat(log.text()).doesNotContain("PRIVATE KEY").doesNotContain("\tat ");
        }
    }

    @Test
    void onlyTls12And13_withForwardSecretAeadSuites() throws Exception {
        try (HttpsService s = HttpsService.start(config())) {
            assertThat(TestCertificates.handshake(s.httpsPort, Optional.of("autoconfig.example.org"), TRUST, List.of("TLSv1.2")).protocol())
                    .isEqualTo("TLSv1.2");
            assertThat(shake(s, "autoconfig.example.org").protocol()).isEqualTo("TLSv1.3");
            // openssl with its own protocol floor lowered: the refusal is the server's.
            assertThat(openssl(s, "-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")).contains("alert protocol version", "Cipher is (NONE)");
            assertThat(openssl(s, "-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")).contains("alert protocol version", "Cipher is (NONE)");
            assertThat(openssl(s, "-tls1_2", "-cipher", "AES128-SHA")).contains("Cipher is (NONE)");
            assertThat(openssl(s, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")).contains("ECDHE-ECDSA-AES128-GCM-SHA256");
        }
    }

    @Test
    void http2_answersAsHttp11Does() throws Exception {
        try (HttpsService s = HttpsService.start(config())) {
            var h2 = s.https(TRUST, HttpClient.Version.HTTP_2, "/mail/config-v1.1.xml?emailaddress=someone%40example.org");
            assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);
            assertThat(h2.statusCode()).isEqualTo(200);
            assertThat(h2.body()).contains("<hostname>imap.example.org</hostname>");
            var h1 = s.https(TRUST, HttpClient.Version.HTTP_1_1, "/mail/config-v1.1.xml?emailaddress=someone%40example.org");
            assertThat(h1.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(h1.body()).isEqualTo(h2.body());
        }
    }

    @Test
    void plainHttp_keepsTheClientEndpoints_andSendsTheSetupPageToHttps() throws Exception {
        try (HttpsService s = HttpsService.start(config())) {
            var autoconfig = s.http("/mail/config-v1.1.xml?emailaddress=someone%40example.org");
            assertThat(autoconfig.statusCode()).isEqualTo(200);
            var page = s.http("/?emailaddress=someone%40example.org", "Host", "autoconfig.example.org");
            assertThat(page.statusCode()).isEqualTo(301);
            assertThat(page.headers().firstValue("Location")).hasValue("https://autoconfig.example.org:" + s.httpsPort
                    + "/?emailaddress=someone%40example.org");
            assertThat(s.https(TRUST, HttpClient.Version.HTTP_1_1, "/").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void metrics_tellEachCertificatesExpiry_byItsFileLabel() throws Exception {
        try (HttpsService s = HttpsService.start(config())) {
            String metrics = s.http("/metrics").body();
            assertThat(metrics).contains("mailautoconf_tls_certificate_expiry_seconds{certificate=\"example-org\"} "
                    + (double) exampleOrg.certificate().getNotAfter().toInstant().getEpochSecond());
            assertThat(metrics).contains("certificate=\"wildcard-net\"", "certificate=\"public\"");
            // A name a client sent is never a label.
            shake(s, "autoconfig.example.org");
            TestCertificates.handshake(s.httpsPort, Optional.of("attacker.example"), TRUST, List.of("TLSv1.3"), false);
            assertThat(s.http("/metrics").body()).doesNotContain("attacker");
        }
    }

    @Test
    void withoutCertificates_tlsListenIsRefusedAtTheCommandLine() {
        assertThatThrownBy(() -> new TlsSettings(new HostPort("127.0.0.1", 0), Optional.empty(), Optional.empty()))
                .hasMessageContaining("--tls-cert-dir");
    }

    private static java.security.cert.X509Certificate leafOf(HttpsService s, String name) {
        try {
            return shake(s, name).leaf();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What openssl s_client says about one handshake attempt. */
    private static String openssl(HttpsService s, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + s.httpsPort,
                "-servername", "autoconfig.example.org"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("openssl s_client did not end");
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
