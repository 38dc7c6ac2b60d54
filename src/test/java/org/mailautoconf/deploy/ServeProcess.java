package org.mailautoconf.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.HostPort;

/**
 * {@code mailautoconf serve} as its own process, started the way a deployment file starts it:
 * with that file's JVM flags and environment. Only the port (a free one) and, where the file
 * names a path of the target machine, the provider directory are the test's own.
 */
final class ServeProcess implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final Path log;
    private final int port;
    /** The port of MAILAUTOCONF_MANAGEMENT_LISTEN, or the public one when it is not set. */
    private final int managementPort;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ServeProcess(Process process, Path log, int port, int managementPort) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts {@code serve} and waits until {@code /readyz} says 200 (it listens at once and
     * loads its registry meanwhile), on the management address when the environment names one. {@code env} must set MAILAUTOCONF_PORT; every other MAILAUTOCONF_*
     * variable of this JVM's environment is removed first.
     */
    static ServeProcess start(List<String> jvmFlags, Map<String, String> env, Path workDir) throws IOException {
        return start(jvmFlags, env, workDir, false);
    }

    /**
     * As {@link #start(List, Map, Path)}; {@code ignoreHangup}: started with SIGHUP ignored, as
     * under nohup. Otherwise SIGHUP is reset to its default first (coreutils' env): a process
     * inherits an ignored signal, and a test run under nohup would pass that on to the service.
     */
    static ServeProcess start(List<String> jvmFlags, Map<String, String> env, Path workDir, boolean ignoreHangup) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add("env");
        command.add(ignoreHangup ? "--ignore-signal=HUP" : "--default-signal=HUP");
        command.add(java);
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.mailautoconf.cli.Main", "serve"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("MAILAUTOCONF_") || k.equals("JAVA_TOOL_OPTIONS"));
        pb.environment().putAll(env);
        Path log = Files.createTempFile(workDir, "serve", ".log");
        pb.redirectOutput(log.toFile());
        int port = Integer.parseInt(env.get("MAILAUTOCONF_PORT"));
        String management = env.get("MAILAUTOCONF_MANAGEMENT_LISTEN");
        int managementPort = management == null || management.isBlank() ? port : HostPort.parse(management).port();
        ServeProcess p = new ServeProcess(pb.start(), log, port, managementPort);
        try {
            p.awaitReady();
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    /** The process, to send it signals. */
    ProcessHandle handle() {
        return process.toHandle();
    }

    HttpResponse<String> get(String path) {
        return get(port, path);
    }

    /** A GET on the management address (the public one when MAILAUTOCONF_MANAGEMENT_LISTEN is not set). */
    HttpResponse<String> management(String path) {
        return get(managementPort, path);
    }

    private HttpResponse<String> get(int onPort, String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + onPort + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("serve exited with " + process.exitValue() + " before it listened:\n" + log());
            }
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
                sleep();
            } catch (IOException e) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("serve was not ready on 127.0.0.1:" + port + " within " + START + ":\n" + log());
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** SIGTERM, as systemd and the kubelet stop it; the shutdown hook closes the listeners. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The exit status after {@link #close()}: 143 (128 + SIGTERM) for a JVM stopped by its shutdown hook. */
    int exitValue() {
        return process.exitValue();
    }
}
