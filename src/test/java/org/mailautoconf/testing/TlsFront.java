package org.mailautoconf.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * nginx as the TLS terminator in front of the real service, on two loopback ports: https with one
 * server block per certificate (chosen by SNI; a name no block lists gets its handshake refused,
 * as on a host without https for it), and plain http for every name.
 */
public final class TlsFront implements AutoCloseable {

    /** Names served with one certificate. */
    public record Site(List<String> names, Path certificate) {
        Path key() {
            return certificate.resolveSibling(certificate.getFileName().toString().replaceFirst("\\.crt$", ".key"));
        }
    }

    private final int https;
    private final int http;
    private TestProcess process;

    private TlsFront(int https, int http) {
        this.https = https;
        this.http = http;
    }

    public static TlsFront start(Path dir, int upstream, List<Site> sites) throws IOException {
        Path nginx = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("nginx is not installed: run .ci/install-deploy-tools (apt-get install nginx-light)"));
        int https = NamedServer.freePort();
        int http = NamedServer.freePort();
        String proxy = """
                        proxy_set_header Host $host;
                        proxy_set_header Authorization "";
                        location / { proxy_pass http://127.0.0.1:%d; }
                """.formatted(upstream);
        StringBuilder servers = new StringBuilder();
        servers.append("    server { listen 127.0.0.1:%d ssl default_server; ssl_reject_handshake on; }\n".formatted(https));
        for (Site s : sites) {
            servers.append("    server {\n        listen 127.0.0.1:%d ssl;\n        server_name %s;\n".formatted(https, String.join(" ", s.names())))
                    .append("        ssl_certificate %s;\n        ssl_certificate_key %s;\n".formatted(s.certificate(), s.key()))
                    .append(proxy).append("    }\n");
        }
        servers.append("    server {\n        listen 127.0.0.1:%d default_server;\n".formatted(http)).append(proxy).append("    }\n");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x")); // workers run as nobody
        Path conf = Files.writeString(dir.resolve("nginx.conf"), """
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events {}
                http {
                    access_log off;
                %2$s%3$s}
                """.formatted(dir, temporaryPaths(dir), servers));
        TlsFront front = new TlsFront(https, http);
        front.process = TestProcess.start(new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString(), "-e",
                dir.resolve("error.log").toString(), "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()),
                p -> front.awaitListening(p, dir));
        return front;
    }

    /** nginx's temporary directories, all in the test's own directory (the defaults are the system's). */
    private static String temporaryPaths(Path dir) {
        StringBuilder out = new StringBuilder();
        for (String kind : List.of("client_body", "proxy", "fastcgi", "uwsgi", "scgi")) {
            out.append("    ").append(kind).append("_temp_path ").append(dir.resolve(kind)).append(";\n");
        }
        return out.toString();
    }

    public int httpsPort() {
        return https;
    }

    public int httpPort() {
        return http;
    }

    private void awaitListening(TestProcess process, Path dir) {
        RunningService.await(Duration.ofSeconds(15), "nginx listening on 127.0.0.1:" + https + " and " + http, () -> {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited: " + read(dir.resolve("nginx.out")) + read(dir.resolve("error.log")));
            }
            return listening(https) && listening(http);
        });
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
