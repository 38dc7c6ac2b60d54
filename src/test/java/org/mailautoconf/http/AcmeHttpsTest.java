package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.TlsSettings;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.TestPki;
import org.mailautoconf.tls.AcmeTestbed;
import org.mailautoconf.tls.TestCertificates;

/** Certificates from a real ACME CA (Debian's pebble), validated over the service's own plain listener. */
class AcmeHttpsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path providers;
    @TempDir
    Path state;
    @TempDir
    Path scratch;

    private static final String A_EXAMPLE = """
            id: a
            name: A
            domains: [a.example, "*.wild.example"]
            incoming: [{type: imap, hostname: imap.a.example, port: 993, security: tls}]
            outgoing: [{type: smtp, hostname: smtp.a.example, port: 465, security: tls}]
            """;

    private ServiceConfig config(int httpPort, AcmeTestbed ca) throws Exception {
        TlsSettings.Acme acme = new TlsSettings.Acme(ca.directory(), Optional.of("hostmaster@a.example"), true, state,
                Optional.of(ca.directoryCa())).withTiming(Duration.ofMillis(200), Duration.ofMillis(200));
        return ServiceConfig.defaults().withProvidersDir(providers).withPort(httpPort).withReloadInterval(Duration.ofMillis(100))
                .withAccessLog(true).withPublicBaseUrl(Optional.of(URI.create("https://mail.a.example")))
                .withTls(Optional.of(new TlsSettings(new HostPort("127.0.0.1", 0), Optional.empty(), Optional.of(acme))));
    }

    /** The leaf served for {@code name}, checked against pebble's root and for the name; null while none is. */
    private static X509Certificate served(HttpsService s, String name, SSLContext trust) {
        try {
            return TestCertificates.handshake(s.httpsPort, Optional.of(name), trust, List.of("TLSv1.3")).leaf();
        } catch (Exception e) {
            return null;
        }
    }

    @Test
    void fullIssuance_forTheRegistryAndThePublicHost_withNoSecretInAnyLogLine() throws Exception {
        Registries.write(providers, "a.yaml", A_EXAMPLE);
        int port = AcmeTestbed.freePort();
        try (AcmeTestbed ca = AcmeTestbed.start(scratch, port, "autoconfig.a.example", "autodiscover.a.example", "mail.a.example");
             LogCapture log = new LogCapture();
             HttpsService s = HttpsService.start(config(port, ca))) {
            SSLContext trust = TestCertificates.trusting(ca.issuingRoot());
            RunningService.await(WAIT, "a certificate from pebble", () -> served(s, "autoconfig.a.example", trust) != null);
            assertThat(served(s, "autodiscover.a.example", trust)).isNotNull();
            assertThat(served(s, "mail.a.example", trust)).isNotNull();
            assertThat(served(s, "autoconfig.a.example", trust).getIssuerX500Principal().getName()).contains("Pebble");

            // The account key and the certificate keys are the service's own: 0600.
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("account.pem")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("certificates/acme-1.key"))))
                    .isEqualTo("rw-------");
            // Wildcard patterns are never ordered (HTTP-01 cannot prove them; a client's SNI never orders anything).
            assertThat(served(s, "autoconfig.x.wild.example", trust)).isNull();

            String logged = log.text();
            assertThat(logged).as("pebble fetched the challenges through the access log").contains("GET /.well-known/acme-challenge/… 200");
            assertThat(logged).doesNotContainPattern("acme-challenge/[A-Za-z0-9_-]{8,}");
            String accountKey = Files.readString(state.resolve("account.pem")).lines().skip(1).findFirst().orElseThrow();
            String certificateKey = Files.readString(state.resolve("certificates/acme-1.key")).lines().skip(1).findFirst().orElseThrow();
            assertThat(logged).doesNotContain("PRIVATE KEY").doesNotContain(accountKey).doesNotContain(certificateKey);
            assertThat(logged).doesNotContain("hostmaster@a.example");
        }
    }

    @Test
    void aCertificateAtTwoThirdsOfItsLifetime_isRenewed_andOneWhoseNamesLeftIsNot() throws Exception {
        Registries.write(providers, "a.yaml", A_EXAMPLE);
        TestPki.Issued oldCa = TestPki.rootCa("an earlier CA");
        Instant now = Instant.now();
        TestPki.Issued old = TestCertificates.server(oldCa, now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(10)),
                "autoconfig.a.example", "autodiscover.a.example", "mail.a.example");
        TestCertificates.write(old, state.resolve("certificates/acme-1.crt"), state.resolve("certificates/acme-1.key"));
        TestPki.Issued gone = TestCertificates.server(oldCa, now.minus(Duration.ofDays(20)), now.plus(Duration.ofDays(10)),
                "autoconfig.gone.example");
        TestCertificates.write(gone, state.resolve("certificates/acme-2.crt"), state.resolve("certificates/acme-2.key"));
        String goneBefore = Files.readString(state.resolve("certificates/acme-2.crt"));
        int port = AcmeTestbed.freePort();
        try (AcmeTestbed ca = AcmeTestbed.start(scratch, port, "autoconfig.a.example", "autodiscover.a.example", "mail.a.example",
                "autoconfig.gone.example");
             LogCapture log = new LogCapture();
             HttpsService s = HttpsService.start(config(port, ca))) {
            SSLContext trust = TestCertificates.trusting(ca.issuingRoot());
            RunningService.await(WAIT, "the renewed certificate", () -> served(s, "autoconfig.a.example", trust) != null);
            assertThat(Files.readString(state.resolve("certificates/acme-1.crt"))).as("renewed in place").contains("CERTIFICATE")
                    .isNotEqualTo(TestPki.pem(old.certificate()));
            RunningService.await(WAIT, "the decision on acme-2", () -> log.text().contains("certificate acme-2 is not renewed"));
            assertThat(Files.readString(state.resolve("certificates/acme-2.crt"))).isEqualTo(goneBefore);
            assertThat(Files.exists(state.resolve("certificates/acme-3.crt"))).as("no new order for names already covered").isFalse();
        }
    }

    @Test
    void aFailedChallenge_isRetried_andDoesNotHoldBackTheOtherNames() throws Exception {
        Registries.write(providers, "a.yaml", A_EXAMPLE.replace("[a.example,", "[a.example, b.example,"));
        int port = AcmeTestbed.freePort();
        // b.example's names do not resolve yet: pebble cannot validate them.
        try (AcmeTestbed ca = AcmeTestbed.start(scratch, port, "autoconfig.a.example", "autodiscover.a.example", "mail.a.example");
             LogCapture log = new LogCapture();
             HttpsService s = HttpsService.start(config(port, ca))) {
            SSLContext trust = TestCertificates.trusting(ca.issuingRoot());
            RunningService.await(WAIT, "a.example's certificate", () -> served(s, "autoconfig.a.example", trust) != null);
            RunningService.await(WAIT, "the failure", () -> log.text().contains("the CA could not validate autoconfig.b.example"));
            assertThat(served(s, "autoconfig.b.example", trust)).isNull();

            ca.addNames("autoconfig.b.example", "autodiscover.b.example");
            RunningService.await(WAIT, "b.example's certificate on a retry", () -> served(s, "autoconfig.b.example", trust) != null);
            assertThat(served(s, "autodiscover.b.example", trust)).as("retried together, in one certificate")
                    .isEqualTo(served(s, "autoconfig.b.example", trust));
        }
    }

    @Test
    void aRegistryReloadThatAddsADomain_ordersItsNames() throws Exception {
        Registries.write(providers, "a.yaml", A_EXAMPLE);
        int port = AcmeTestbed.freePort();
        try (AcmeTestbed ca = AcmeTestbed.start(scratch, port, "autoconfig.a.example", "autodiscover.a.example", "mail.a.example",
                "autoconfig.c.example", "autodiscover.c.example");
             HttpsService s = HttpsService.start(config(port, ca))) {
            SSLContext trust = TestCertificates.trusting(ca.issuingRoot());
            RunningService.await(WAIT, "a.example's certificate", () -> served(s, "autoconfig.a.example", trust) != null);
            assertThat(served(s, "autoconfig.c.example", trust)).isNull();
            Registries.write(providers, "c.yaml", A_EXAMPLE.replace("id: a", "id: c").replace("[a.example, \"*.wild.example\"]", "[c.example]"));
            RunningService.await(WAIT, "c.example's certificate", () -> served(s, "autoconfig.c.example", trust) != null);
            assertThat(served(s, "autodiscover.c.example", trust)).isNotNull();
        }
    }

    /** No CA is asked: the lock is taken before anything is ordered. */
    private ServiceConfig offline() {
        TlsSettings.Acme acme = new TlsSettings.Acme(URI.create("https://127.0.0.1:9/dir"), Optional.empty(), true, state, Optional.empty());
        return ServiceConfig.defaults().withProvidersDir(providers).withPort(0)
                .withTls(Optional.of(new TlsSettings(new HostPort("127.0.0.1", 0), Optional.empty(), Optional.of(acme))));
    }

    @Test
    void aStateDirectoryInUse_refusesASecondService() throws Exception {
        Registries.write(providers, "a.yaml", A_EXAMPLE);
        try (HttpsService s = HttpsService.start(offline())) {
            assertThatThrownBy(() -> new HttpService(s.vertx, offline(), new Metrics()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is in use by another process");
        }
        // Stopped, the first one let go of it.
        HttpsService.start(offline()).close();
    }

    @Test
    void aStateDirectoryLockedByAnotherProcess_refusesToStartAcme() throws Exception {
        Registries.write(providers, "a.yaml", A_EXAMPLE);
        Files.createDirectories(state);
        Path holder = scratch.resolve("HoldLock.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                public class HoldLock {
                    public static void main(String[] args) throws Exception {
                        FileChannel c = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        c.lock();
                        System.out.println("locked");
                        System.in.read();
                    }
                }
                """);
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(javaCommand, holder.toString(), state.resolve("lock").toString()).redirectErrorStream(true).start();
        try {
            java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream()));
            assertThat(out.readLine()).isEqualTo("locked");
            io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
            try {
                assertThatThrownBy(() -> new HttpService(vertx, offline(), new Metrics()))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("ACME state directory " + state + " is in use by another process; several replicas must not share one (see docs/tls.md)");
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            other.destroy();
            other.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
