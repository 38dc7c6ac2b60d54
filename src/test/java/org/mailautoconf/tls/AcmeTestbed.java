package org.mailautoconf.tls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.TestPki;
import org.mailautoconf.testing.TestProcess;

/**
 * Debian's pebble (an ACME test CA) and dnsmasq (answering the test names with 127.0.0.1 for
 * pebble's validation), both on free loopback ports, with throw-away files. pebble validates
 * HTTP-01 on {@code httpPort}: the service's plain listener.
 */
public final class AcmeTestbed implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Path dir;
    private final Path hosts;
    private final Process dns;
    private final Process pebble;
    private final int acmePort;
    private final int managementPort;
    /** Trusts pebble's https (its ACME directory): a certificate of our own test CA. */
    private final TestPki.Issued ca;

    private AcmeTestbed(Path dir, Path hosts, Process dns, Process pebble, int acmePort, int managementPort, TestPki.Issued ca) {
        this.dir = dir;
        this.hosts = hosts;
        this.dns = dns;
        this.pebble = pebble;
        this.acmePort = acmePort;
        this.managementPort = managementPort;
        this.ca = ca;
    }

    /** Starts both, with {@code names} resolving to 127.0.0.1 and HTTP-01 checked on {@code httpPort}. */
    public static AcmeTestbed start(Path dir, int httpPort, String... names) throws Exception {
        int dnsPort = freePort();
        int acmePort = freePort();
        int managementPort = freePort();
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, lines(List.of(names)));
        Process dns = new ProcessBuilder("/usr/sbin/dnsmasq", "--keep-in-foreground", "--no-resolv", "--no-hosts",
                "--port=" + dnsPort, "--listen-address=127.0.0.1", "--bind-interfaces", "--addn-hosts=" + hosts,
                "--user=root", "--group=root", "--pid-file=", "--log-facility=-")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dnsmasq.log").toFile()).start();
        TestPki.Issued ca = TestPki.rootCa("pebble https test CA");
        TestPki.Issued wfe = TestCertificates.server(ca, "127.0.0.1");
        TestCertificates.write(wfe, dir.resolve("pebble.crt"), dir.resolve("pebble.key"));
        Files.writeString(dir.resolve("pebble.json"), """
                {"pebble": {"listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
                """.formatted(acmePort, managementPort, dir.resolve("pebble.crt"), dir.resolve("pebble.key"), httpPort, freePort()));
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/pebble", "-config", dir.resolve("pebble.json").toString(),
                "-dnsserver", "127.0.0.1:" + dnsPort).redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        pb.environment().put("PEBBLE_VA_NOSLEEP", "1");
        pb.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pb.environment().put("PEBBLE_AUTHZREUSE", "0");
        Process pebble = pb.start();
        AcmeTestbed bed = new AcmeTestbed(dir, hosts, dns, pebble, acmePort, managementPort, ca);
        try {
            RunningService.await(WAIT, "dnsmasq to answer", () -> bed.resolves(dnsPort, names[0]));
            RunningService.await(WAIT, "pebble's directory", () -> bed.get("https://127.0.0.1:" + acmePort + "/dir").contains("newOrder"));
        } catch (AssertionError e) {
            bed.close();
            throw new AssertionError(e.getMessage() + "; pebble said: " + Files.readString(dir.resolve("pebble.log")), e);
        }
        return bed;
    }

    public URI directory() {
        return URI.create("https://127.0.0.1:" + acmePort + "/dir");
    }

    /** The CA certificate pebble's own https is signed by, for {@code --acme-ca-file}. */
    public Path directoryCa() throws IOException {
        Path file = dir.resolve("pebble-https-ca.pem");
        Files.writeString(file, TestPki.pem(ca.certificate()));
        return file;
    }

    /** The root pebble issues under (a new one each start), to check served chains against. */
    public X509Certificate issuingRoot() throws Exception {
        String pem = get("https://127.0.0.1:" + managementPort + "/roots/0");
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Makes {@code names} resolve too, from dnsmasq's next answer on. */
    public void addNames(String... names) throws Exception {
        Files.writeString(hosts, lines(List.of(names)), java.nio.file.StandardOpenOption.APPEND);
        Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(dns.pid())).inheritIO().start();
        if (!hup.waitFor(5, TimeUnit.SECONDS) || hup.exitValue() != 0) {
            throw new AssertionError("dnsmasq was not told to reread its hosts file");
        }
    }

    private String get(String url) {
        try {
            SSLContext trust = TestCertificates.trusting(ca.certificate());
            HttpClient client = HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(2)).build();
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Whether dnsmasq answers an A query for {@code name} with an address. */
    private boolean resolves(int port, String name) {
        byte[] query = dnsQuery(name);
        try (DatagramSocket s = new DatagramSocket()) {
            s.setSoTimeout(300);
            s.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), port));
            DatagramPacket answer = new DatagramPacket(new byte[512], 512);
            s.receive(answer);
            return (answer.getData()[3] & 0x0f) == 0 && answer.getData()[7] > 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] dnsQuery(String name) {
        List<Byte> b = new ArrayList<>(List.of((byte) 0x12, (byte) 0x34, (byte) 1, (byte) 0, (byte) 0, (byte) 1,
                (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0, (byte) 0));
        for (String label : name.split("\\.")) {
            b.add((byte) label.length());
            for (byte c : label.getBytes(StandardCharsets.US_ASCII)) {
                b.add(c);
            }
        }
        b.addAll(List.of((byte) 0, (byte) 0, (byte) 1, (byte) 0, (byte) 1));
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static String lines(List<String> names) {
        StringBuilder b = new StringBuilder();
        names.forEach(n -> b.append("127.0.0.1 ").append(n).append('\n'));
        return b.toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Throws no InterruptedException, which each try-with-resources would have to handle (javac's -Xlint:try). */
    @Override
    public void close() {
        for (Process p : List.of(pebble, dns)) {
            TestProcess.stop(p);
        }
    }
}
