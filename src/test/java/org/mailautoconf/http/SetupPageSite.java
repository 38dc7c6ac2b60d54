package org.mailautoconf.http;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;

/** The real service over the shipped providers (or another directory) on a free loopback port, and a browser to visit it. */
record SetupPageSite(HttpService service, String base, Chromium chromium) implements AutoCloseable {

    static SetupPageSite start(Vertx vertx, Path profileDir, String acceptLanguages) throws Exception {
        return start(vertx, profileDir, acceptLanguages, Registries.SHIPPED);
    }

    static SetupPageSite start(Vertx vertx, Path profileDir, String acceptLanguages, Path providersDir) throws Exception {
        HttpService service = new HttpService(vertx, ServiceConfig.defaults().withPort(0).withProvidersDir(providersDir));
        String base = "http://127.0.0.1:" + service.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        try {
            return new SetupPageSite(service, base, Chromium.start(profileDir, acceptLanguages));
        } catch (RuntimeException | AssertionError e) {
            service.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            throw e;
        }
    }

    @Override
    /** Throws no InterruptedException, which each try-with-resources would have to handle (javac's -Xlint:try). */
    public void close() throws java.util.concurrent.ExecutionException, java.util.concurrent.TimeoutException {
        try {
            chromium.close();
        } finally {
            try {
                service.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping the service", e);
            }
        }
    }
}
