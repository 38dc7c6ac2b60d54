package org.mailautoconf.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

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

    private final Process process;
    private final int https;
    private final int http;

    private TlsFront(Process process, int https, int http) {
        this.process = process;
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
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                %2$s}
                """.formatted(dir, servers));
        Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", conf.toString(), "-e", dir.resolve("error.log").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        TlsFront front = new TlsFront(p, https, http);
        try {
            front.awaitListening(dir);
        } catch (RuntimeException | Error e) {
            front.close();
            throw e;
        }
        return front;
    }

    public int httpsPort() {
        return https;
    }

    public int httpPort() {
        return http;
    }

    private void awaitListening(Path dir) {
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
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
