package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.TestPki;

/**
 * deploy/nginx/mailautoconf.conf: accepted by nginx, and, run by nginx in front of the real
 * service, answering as docs/deploy.md says. Only the addresses change (loopback, free ports)
 * and the certificate (self-signed, made here, for the file's server names).
 */
class NginxProxyTest {

    private static final String HOW_TO_GET = "apt-get install nginx-light (.ci/install-deploy-tools)";
    private static final String CERT = "/etc/ssl/mailautoconf/fullchain.pem";
    private static final String KEY = "/etc/ssl/mailautoconf/privkey.pem";

    private record Response(int status, String head, String body) {
        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase().startsWith(name.toLowerCase() + ":"))
                    .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
        }
    }

    /** The example with its listeners on loopback ports, its upstream at {@code upstream}, and a test certificate. */
    private static Path site(Path dir, X509Certificate cert, KeyPair keys, int https, int http, int upstream) throws IOException {
        Map<String, String> env = DeployFiles.envFile(DeployFiles.read(DeployFiles.SYSTEMD_ENV));
        String service = env.get("MAILAUTOCONF_LISTEN") + ":" + env.get("MAILAUTOCONF_PORT");
        String conf = DeployFiles.read(DeployFiles.NGINX);
        conf = replaceOnce(conf, "server " + service + ";", "server 127.0.0.1:" + upstream + ";");
        conf = replaceOnce(conf, "listen 443 ssl;", "listen 127.0.0.1:" + https + " ssl;");
        conf = replaceOnce(conf, "listen [::]:443 ssl;", "");
        conf = replaceOnce(conf, "listen 80 default_server;", "listen 127.0.0.1:" + http + " default_server;");
        conf = replaceOnce(conf, "listen [::]:80 default_server;", "");
        conf = replaceOnce(conf, CERT, Files.writeString(dir.resolve("cert.pem"), TestPki.pem(cert)).toString());
        conf = replaceOnce(conf, KEY, Files.writeString(dir.resolve("key.pem"), TestPki.pem(keys.getPrivate())).toString());
        Path site = Files.writeString(dir.resolve("site.conf"), conf);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // workers run as nobody
        return Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include %2$s;
                }
                """.formatted(dir, site));
    }

    /** The example must still hold {@code what}, once: otherwise the test would check something else. */
    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        assertThat(at).as("deploy/nginx/mailautoconf.conf holds '" + what + "'").isGreaterThanOrEqualTo(0);
        assertThat(text.indexOf(what, at + 1)).as("'" + what + "' once").isEqualTo(-1);
        return text.substring(0, at) + with + text.substring(at + what.length());
    }

    /** A self-signed server certificate for the names of the example's https server. */
    private static X509Certificate certificate(KeyPair keys, List<String> names) throws Exception {
        Instant now = Instant.now();
        var b = new JcaX509v3CertificateBuilder(new X500Principal("CN=" + names.get(0)), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), new X500Principal("CN=" + names.get(0)),
                keys.getPublic());
        b.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(names.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static Tools.Result nginx(Path nginx, Path conf, String... more) {
        List<String> command = new java.util.ArrayList<>(List.of(nginx.toString(), "-p", conf.getParent().toString(), "-c", conf.toString(),
                "-e", conf.getParent().resolve("error.log").toString()));
        command.addAll(List.of(more));
        return Tools.run(conf.getParent(), command);
    }

    @Test
    void nginxTest_acceptsTheExample(@TempDir Path dir) throws Exception {
        Path nginx = Tools.require("nginx", HOW_TO_GET);
        KeyPair keys = TestPki.rsa();
        Path conf = site(dir, certificate(keys, DeployFiles.nginxHttpsServerNames()), keys, ServeProcess.freePort(), ServeProcess.freePort(), 8080);
        Tools.Result r = nginx(nginx, conf, "-t");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("test is successful");
    }

    @Test
    void nginxInFrontOfTheService_passesTheHost_andSendsHttpWhereTheDocsSay(@TempDir Path dir) throws Exception {
        Path nginx = Tools.require("nginx", HOW_TO_GET);
        List<String> names = DeployFiles.nginxHttpsServerNames();
        KeyPair keys = TestPki.rsa();
        X509Certificate cert = certificate(keys, names);
        URI publicUrl = URI.create(DeployFiles.envFile(DeployFiles.read(DeployFiles.SYSTEMD_ENV)).get("MAILAUTOCONF_PUBLIC_URL"));
        Map<String, String> env = DeployFiles.envFile(DeployFiles.read(DeployFiles.SYSTEMD_ENV));
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withProvidersDir(DeployFiles.EXAMPLE_PROVIDERS)
                .withPublicBaseUrl(Optional.of(publicUrl)).withCacheBytes(1L << 20)
                .withManagement(Optional.of(HostPort.parse(env.get("MAILAUTOCONF_MANAGEMENT_LISTEN"))));
        int https = ServeProcess.freePort();
        int http = ServeProcess.freePort();
        try (RunningService service = RunningService.start(config)) {
            Path conf = site(dir, cert, keys, https, http, service.port());
            Process proxy = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString(),
                    "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
            try {
                awaitListening(proxy, http, dir);
                SSLContext tls = trusting(cert);

                // https, the client's own name (SNI, certificate checked): answered for the Host's domain.
                Response autoconfig = exchange(tls, "autoconfig.example.org", https, "GET /mail/config-v1.1.xml HTTP/1.1\r\n"
                        + "Host: autoconfig.example.org\r\nConnection: close\r\n\r\n");
                assertThat(autoconfig.status()).isEqualTo(200);
                assertThat(autoconfig.body()).contains("<emailProvider id=\"example.org\">");

                String pox = Requests.outlook("mario.rossi@example.com");
                Response autodiscover = exchange(tls, "autodiscover.example.org", https, "POST /Autodiscover/Autodiscover.xml HTTP/1.1\r\n"
                        + "Host: autodiscover.example.org\r\nContent-Type: text/xml\r\nConnection: close\r\n"
                        + "Authorization: Basic " + Base64.getEncoder().encodeToString("mario.rossi@example.com:secret".getBytes(StandardCharsets.UTF_8))
                        + "\r\nContent-Length: " + pox.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + pox);
                assertThat(autodiscover.status()).isEqualTo(200);
                assertThat(autodiscover.body()).contains("<Server>mail.example.org</Server>").contains("<LoginName>mario.rossi@example.com</LoginName>");

                String big = "x".repeat(16 * 1024 + 1);
                Response tooLarge = exchange(tls, "autodiscover.example.org", https, "POST /autodiscover/autodiscover.xml HTTP/1.1\r\n"
                        + "Host: autodiscover.example.org\r\nConnection: close\r\nContent-Length: " + big.length() + "\r\n\r\n" + big);
                assertThat(tooLarge.status()).isEqualTo(413);

                // Plain http, a hosted domain's CNAME: Thunderbird's fallback is answered for that domain.
                Response hosted = exchange(null, null, http, "GET /mail/config-v1.1.xml?emailaddress=mario.rossi%40example.com HTTP/1.1\r\n"
                        + "Host: autoconfig.example.com\r\nConnection: close\r\n\r\n");
                assertThat(hosted.status()).isEqualTo(200);
                assertThat(hosted.body()).contains("<emailProvider id=\"example.com\">").contains("mario.rossi@example.com");

                // Outlook's HTTP redirect method: the service's 302 to the public URL comes through.
                Response redirect = exchange(null, null, http, "GET /Autodiscover/Autodiscover.xml HTTP/1.1\r\n"
                        + "Host: autodiscover.example.com\r\nConnection: close\r\n\r\n");
                assertThat(redirect.status()).isEqualTo(302);
                assertThat(redirect.header("Location")).isEqualTo(publicUrl + "/autodiscover/autodiscover.xml");

                // A POST over http is not answered there: 308 keeps the method for the https retry.
                Response post = exchange(null, null, http, "POST /autodiscover/autodiscover.xml HTTP/1.1\r\n"
                        + "Host: autodiscover.example.com\r\nConnection: close\r\nContent-Length: " + pox.length() + "\r\n\r\n" + pox);
                assertThat(post.status()).isEqualTo(308);
                assertThat(post.header("Location")).isEqualTo("https://autodiscover.example.com/autodiscover/autodiscover.xml");

                // Health, readiness and metrics stay private: 404 over https, from nginx and from the service.
                for (String path : List.of("/metrics", "/readyz", "/healthz")) {
                    Response hidden = exchange(tls, "autoconfig.example.org", https, "GET " + path + " HTTP/1.1\r\n"
                            + "Host: autoconfig.example.org\r\nConnection: close\r\n\r\n");
                    assertThat(hidden.status()).as("https " + path).isEqualTo(404);
                    assertThat(service.get(path).statusCode()).as("the service's public port, " + path).isEqualTo(404);
                }

                Response other = exchange(null, null, http, "GET /metrics HTTP/1.1\r\nHost: autoconfig.example.org\r\nConnection: close\r\n\r\n");
                assertThat(other.status()).isEqualTo(301);
                assertThat(other.header("Location")).isEqualTo("https://autoconfig.example.org/metrics");
            } finally {
                proxy.destroy();
                if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
                    proxy.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private static SSLContext trusting(X509Certificate cert) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("test", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    /**
     * One request on a new connection to 127.0.0.1:{@code port}; with {@code tls}, TLS to
     * {@code name} (sent as SNI, and the certificate must be valid for it), as a client that
     * resolved {@code name} to this address would do.
     */
    private static Response exchange(SSLContext tls, String name, int port, String request) throws IOException {
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            plain.setSoTimeout(10_000);
            Socket socket = plain;
            if (tls != null) {
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(plain, name, port, true);
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(p);
                s.startHandshake();
                socket = s;
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            try {
                in.transferTo(all);
            } catch (IOException e) {
                // nginx may close a connection whose request body it refused; what came is the answer
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("a complete response head: " + text).isPositive();
            int status = Integer.parseInt(text.substring(9, 12));
            return new Response(status, text.substring(0, end), text.substring(end + 4));
        }
    }

    private static void awaitListening(Process proxy, int port, Path dir) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!proxy.isAlive()) {
                throw new AssertionError("nginx exited: " + Files.readString(dir.resolve("nginx.out")) + readIfThere(dir.resolve("error.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not listen on 127.0.0.1:" + port + readIfThere(dir.resolve("error.log")));
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.exists(file) ? "\n" + Files.readString(file) : "";
    }
}
