package org.mailautoconf.cli;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.http.HttpService;
import org.mailautoconf.http.Metrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Answer mail clients over HTTP, reloading the provider directory when it changes.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    RegistryOptions registry;

    @Mixin
    SigningOptions signing;

    @Mixin
    ConnectionOptions connections;

    @Mixin
    LogOptions logging;

    @Mixin
    StateOptions state;

    @Mixin
    TlsOptions tls;

    @Mixin
    HosterOptions hoster;

    @Mixin
    DirectoryOptions directories;

    @Mixin
    WarmUpOptions warmUp;

    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "${env:MAILAUTOCONF_LISTEN:-127.0.0.1}",
            description = "Address to listen on (env MAILAUTOCONF_LISTEN; default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:MAILAUTOCONF_PORT:-8080}",
            description = "Port to listen on, 0 for any free one (env MAILAUTOCONF_PORT; default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--public-url", paramLabel = "URL", defaultValue = "${env:MAILAUTOCONF_PUBLIC_URL}",
            description = "The https URL clients reach this service at, e.g. https://autoconfig.example.net (env MAILAUTOCONF_PUBLIC_URL).")
    URI publicUrl;

    @Option(names = "--reload-interval", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_RELOAD_INTERVAL:-2}",
            description = "How often to check the provider directory for changes (env MAILAUTOCONF_RELOAD_INTERVAL; default: ${DEFAULT-VALUE}).")
    double reloadSeconds;

    @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "${env:MAILAUTOCONF_MAX_AGE:-300}",
            description = "Cache-Control max-age of answers (env MAILAUTOCONF_MAX_AGE; default: ${DEFAULT-VALUE}).")
    long maxAgeSeconds;

    @Option(names = "--cache-mb", paramLabel = "MEGABYTES", defaultValue = "${env:MAILAUTOCONF_CACHE_MB:-64}",
            description = "Memory for cached answers (env MAILAUTOCONF_CACHE_MB; default: ${DEFAULT-VALUE}).")
    long cacheMegabytes;

    @Option(names = "--access-log", defaultValue = "${env:MAILAUTOCONF_ACCESS_LOG:-false}",
            description = "Log one line per request: method, path, status, format, domain, time, client network; never e-mail addresses or headers (env MAILAUTOCONF_ACCESS_LOG).")
    boolean accessLog;

    ServiceConfig config() {
        return new ServiceConfig(listen, port, registry.providers, registry.defaultProvider(), Optional.ofNullable(publicUrl),
                Duration.ofMillis(Math.round(reloadSeconds * 1000)), Duration.ofSeconds(maxAgeSeconds),
                cacheMegabytes << 20, accessLog, signing.signing(), connections.limits(), connections.management(),
                logging.settings(), signing.limits(), state.stateDir(), tls.settings(), hoster.settings(), directories.file(),
                warmUp.settings());
    }

    @Override
    public Integer call() throws InterruptedException {
        ServiceConfig config;
        try {
            config = config();
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: " + e.getMessage());
            return 2;
        }
        // Before anything logs: the first line already has the operator's format and level.
        LogBackend.apply(config.logging());
        Metrics metrics = new Metrics();
        Vertx vertx = metrics.newVertx();
        HttpService service;
        try {
            service = new HttpService(vertx, config, metrics);
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: not started: " + e.getMessage());
            vertx.close();
            return 1;
        }
        reloadOnHangup(service);
        CompletableFuture<Integer> started = service.start().toCompletionStage().toCompletableFuture();
        try {
            started.get();
        } catch (ExecutionException e) {
            System.err.println("mailautoconf: not started: " + e.getCause().getMessage());
            vertx.close();
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop().toCompletionStage().toCompletableFuture().join();
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }, "shutdown"));
        return 0;
    }

    /**
     * SIGHUP reloads the provider directory at once, as nginx and most daemons do; without a
     * handler the JVM exits with 129 ({@link HangupSignal} says why it is a class apart). Set
     * before the start: a SIGHUP while the first load runs is then logged and ignored, not fatal.
     */
    private static void reloadOnHangup(HttpService service) {
        try {
            HangupSignal.onHangup(service::reload);
        } catch (IllegalArgumentException e) {
            // The JVM keeps the signal for itself (run with -Xrs, or a platform without SIGHUP).
            System.err.println("mailautoconf: SIGHUP cannot be handled here (" + e.getMessage() + "); it does not reload");
            return;
        }
        if (hangupIgnored(Path.of("/proc/self/status"))) {
            // The JVM leaves a signal ignored at its start ignored, and says nothing (nohup does this).
            System.err.println("mailautoconf: SIGHUP is ignored in this process (started under nohup, or by a supervisor that"
                    + " ignores it): a SIGHUP does not reload; the checks every --reload-interval still do");
        }
    }

    /**
     * Whether SIGHUP (signal 1) is ignored, from the {@code SigIgn} mask of a Linux
     * {@code /proc/<pid>/status}; false where there is no such file.
     */
    static boolean hangupIgnored(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    return (new BigInteger(line.substring("SigIgn:".length()).strip(), 16).longValue() & 1L) != 0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
