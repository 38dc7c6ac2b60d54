package org.mailautoconf.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * BIND's {@code named}, authoritative only ({@code recursion no}, no root hints used), on a free
 * loopback port, in the foreground, serving the zone files it is given from a throw-away
 * directory. .ci/install-dns installs it; a test that needs it fails without it.
 */
public final class NamedServer implements AutoCloseable {

    private final int port;
    private final Path dir;
    private TestProcess process;

    private NamedServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** @param zones origin (without the final dot) → zone file */
    public static NamedServer start(Path dir, Map<String, Path> zones) throws IOException {
        Path named = List.of(Path.of("/usr/sbin/named"), Path.of("/usr/bin/named")).stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("named is not installed: run .ci/install-dns (apt-get install bind9)"));
        int port = freePort();
        StringBuilder conf = new StringBuilder("""
                options {
                    directory "%1$s";
                    pid-file "%1$s/named.pid";
                    session-keyfile "%1$s/session.key";
                    managed-keys-directory "%1$s";
                    listen-on port %2$d { 127.0.0.1; };
                    listen-on-v6 { none; };
                    recursion no;
                    allow-query { any; };
                    notify no;
                    dnssec-validation no;
                };
                controls { };
                """.formatted(dir, port));
        for (var z : zones.entrySet()) {
            conf.append("zone \"").append(z.getKey()).append("\" { type primary; file \"").append(z.getValue()).append("\"; };\n");
        }
        Path file = Files.writeString(dir.resolve("named.conf"), conf);
        List<String> command = new ArrayList<>(List.of(named.toString(), "-g", "-c", file.toString(), "-p", String.valueOf(port), "-n", "1"));
        NamedServer server = new NamedServer(port, dir);
        server.process = TestProcess.start(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("named.log").toFile()),
                p -> server.awaitAnswering(p, zones.keySet().iterator().next()));
        return server;
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("named.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Until an SOA query for {@code zone} is answered (named loads its zones after it listens). */
    private void awaitAnswering(TestProcess process, String zone) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        byte[] query = soaQuery(zone);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("named exited with " + process.exitValue() + ":\n" + log());
            }
            try (DatagramSocket s = new DatagramSocket()) {
                s.setSoTimeout(200);
                s.send(new DatagramPacket(query, query.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket answer = new DatagramPacket(new byte[512], 512);
                s.receive(answer);
                int rcode = answer.getData()[3] & 0x0f;
                boolean authoritative = (answer.getData()[2] & 0x04) != 0;
                if (rcode == 0 && authoritative) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                // not yet
            } catch (IOException e) {
                // nothing listens yet (ICMP port unreachable): ask again shortly
                pause();
            }
        }
        throw new AssertionError("named did not answer for " + zone + " on " + address() + ":\n" + log());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] soaQuery(String zone) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0});
        for (String label : zone.split("\\.")) {
            out.write(label.length());
            out.writeBytes(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        out.writeBytes(new byte[] {0, 0, 6, 0, 1});
        return out.toByteArray();
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
