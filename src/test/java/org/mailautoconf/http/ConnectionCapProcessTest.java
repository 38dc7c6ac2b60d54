package org.mailautoconf.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.HeldConnections;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/**
 * {@code serve} in a process of its own whose file limit is 1,024 descriptors, flooded with
 * 3,000 silent connections: without a cap the accepts fail once the descriptors are gone and no
 * client is answered until the flood lets go; with it, a normal client is answered at once.
 */
class ConnectionCapProcessTest {

    private static final int FILE_LIMIT = 1024;
    private static final int FLOOD = 3_000;

    @Test
    void aFloodBeyondTheFileLimit_leavesANormalClientAnswered(@TempDir Path work) throws Exception {
        Path prlimit = Path.of("/usr/bin/prlimit");
        assertThat(prlimit).as("prlimit (util-linux, essential in Debian)").exists();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("serve.log");
        ProcessBuilder pb = new ProcessBuilder(prlimit.toString(), "--nofile=" + FILE_LIMIT + ":" + FILE_LIMIT,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "org.mailautoconf.cli.Main", "serve")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("MAILAUTOCONF_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().put("MAILAUTOCONF_PORT", String.valueOf(port));
        pb.environment().put("MAILAUTOCONF_PROVIDERS", Registries.SHIPPED.toAbsolutePath().toString());
        Process serve = pb.start();
        List<Socket> flood = new ArrayList<>();
        try {
            RunningService.await(Duration.ofSeconds(60), "serve to answer", () -> answers(port, serve, log));
            // The cap follows the file limit: 10,000 (the default) would not fit.
            Matcher cap = Pattern.compile("keeping at most (\\d+) open").matcher(Files.readString(log));
            assertThat(cap.find()).as("the warning that the cap was lowered, in:\n" + Files.readString(log)).isTrue();
            int kept = Integer.parseInt(cap.group(1));
            assertThat(kept).isBetween(FILE_LIMIT / 2, FILE_LIMIT);

            int refused = 0;
            for (int i = 0; i < FLOOD && refused < 3; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 300);
                    flood.add(s);
                } catch (IOException e) {
                    refused++;
                    s.close();
                }
            }
            assertThat(flood).as("connections the kernel completed").hasSizeGreaterThan(FILE_LIMIT);

            // The flood's connections that the kernel queued are taken in turn (when the
            // descriptors run out, Netty waits a second before it accepts again, and the cap
            // frees them meanwhile); once it has taken them, with the flood still held, a normal
            // client is answered at once. Without the cap no client is answered while the flood holds.
            RunningService.await(Duration.ofSeconds(30), "the service to answer while the flood is held", () -> answers(port, serve, log));
            for (int i = 0; i < 5; i++) {
                assertThat(timeOfOneRequest(port)).as("a normal request while the flood is held").isLessThan(Duration.ofSeconds(1));
            }
            String metrics = get(port, "/metrics");
            Matcher open = Pattern.compile("mailautoconf_connections_open\\{listener=\"public\"} (\\S+)").matcher(metrics);
            assertThat(open.find()).as(metrics).isTrue();
            assertThat(Double.parseDouble(open.group(1))).as("connections the service holds").isLessThanOrEqualTo(kept);
            Matcher shed = Pattern.compile("mailautoconf_connections_closed_total\\{listener=\"public\",reason=\"shed\"} (\\S+)").matcher(metrics);
            assertThat(shed.find()).as(metrics).isTrue();
            assertThat(Double.parseDouble(shed.group(1))).as("connections closed to keep the reserve").isGreaterThan(FLOOD - kept - 100);
            assertThat(serve.isAlive()).isTrue();
        } finally {
            for (Socket s : flood) {
                s.close();
            }
            serve.destroy();
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean answers(int port, Process serve, Path log) {
        if (!serve.isAlive()) {
            throw new AssertionError("serve exited with " + serve.exitValue() + ":\n" + read(log));
        }
        try {
            timeOfOneRequest(port);
            return true;
        } catch (IOException | AssertionError e) {
            return false;
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String get(int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            return new String(s.getInputStream().readAllBytes(), US_ASCII);
        }
    }

    private static Duration timeOfOneRequest(int port) throws IOException {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(5_000);
            s.getOutputStream().write(("GET /mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it HTTP/1.1\r\n"
                    + "Host: autoconfig.polito.it\r\nConnection: close\r\n\r\n").getBytes(US_ASCII));
            assertThat(HeldConnections.readAnswer(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
