package org.mailautoconf.http;

import io.vertx.core.http.HttpHeaders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.registry.Registry;

/**
 * The service's meters, exposed at {@code /metrics} in Prometheus text format. Every label
 * value comes from a fixed set (endpoint family, client format, outcome): never an address or
 * a domain, so the number of series stays bounded whatever clients send. docs/metrics.md
 * lists them all.
 */
public final class Metrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** The labels of one request counter; a record, not a joined string, so counting allocates no text. */
    private record RequestLabels(String endpoint, String format, String outcome) {
        // Written out: the record's generated methods went through method handles on every request (JFR).
        @Override
        public int hashCode() {
            return (endpoint.hashCode() * 31 + format.hashCode()) * 31 + outcome.hashCode();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof RequestLabels l && endpoint.equals(l.endpoint) && format.equals(l.format) && outcome.equals(l.outcome);
        }
    }

    /**
     * The request duration's buckets: fixed bounds a person reads, from what a cached answer
     * takes to what a slow directory does. Micrometer's percentile histogram had 78 bounds
     * between 50 µs and 5 s (78 series per endpoint), and finding the bucket among them was
     * 3 % of the request path's CPU samples (JFR, bench/README.md).
     */
    static final Duration[] DURATION_BUCKETS = Stream.of(100_000L, 250_000L, 500_000L, 1_000_000L, 2_500_000L, 5_000_000L,
            10_000_000L, 25_000_000L, 50_000_000L, 100_000_000L, 250_000_000L, 500_000_000L, 1_000_000_000L, 2_500_000_000L,
            5_000_000_000L).map(Duration::ofNanos).toArray(Duration[]::new);

    private final ConcurrentMap<RequestLabels, RequestMeters> requests = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> latency = new ConcurrentHashMap<>();

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** A Vert.x whose pool and JVM metrics go to this registry, labelled by pool only. */
    public Vertx newVertx() {
        // Vert.x's per-request HTTP meters look each meter up in the registry under a lock on every
        // request (8% of the time under load, profiled); mailautoconf_requests covers requests.
        MicrometerMetricsOptions options = new MicrometerMetricsOptions()
                .setEnabled(true)
                // The only Vert.x client is the warm-up's (WarmUp), whose connections are not the service's.
                .setDisabledMetricsCategories(Set.of(MetricsDomain.HTTP_SERVER.toCategory(), MetricsDomain.NET_SERVER.toCategory(),
                        MetricsDomain.HTTP_CLIENT.toCategory(), MetricsDomain.NET_CLIENT.toCategory()))
                .setJvmMetricsEnabled(true)
                .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.POOL_TYPE, Label.POOL_NAME));
        // The service serves no files: without class-path resolving and its file cache, Vert.x
        // needs no writable vertx-cache directory, so a read-only root file system is enough.
        FileSystemOptions noFiles = new FileSystemOptions().setClassPathResolvingEnabled(false).setFileCachingEnabled(false);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(options).setFileSystemOptions(noFiles))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    void bind(Answers answers) {
        CaffeineCacheMetrics.monitor(registry, answers.answerCache(), "answers");
        CaffeineCacheMetrics.monitor(registry, answers.preparedCache(), "prepared_answers");
        Gauge.builder("mailautoconf_registry_providers", answers, a -> a.registry().map(r -> r.providers().size()).orElse(0))
                .description("Providers in the live registry").register(registry);
        Gauge.builder("mailautoconf_registry_domains", answers, a -> a.registry().map(Registry::domainCount).orElse(0))
                .description("Domains and domain patterns in the live registry").register(registry);
    }

    /** {@code /metrics}: every meter in Prometheus' text format, as vertx-micrometer's scraping handler wrote it. */
    void scrape(Exchange ctx) {
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
    }

    void request(String endpoint, String format, String outcome, long nanos) {
        // One map lookup a request for both meters (a get: computeIfAbsent locks the bin on a hit).
        RequestLabels labels = new RequestLabels(endpoint, format, outcome);
        RequestMeters meters = requests.get(labels);
        if (meters == null) {
            meters = requests.computeIfAbsent(labels, k -> new RequestMeters(Counter.builder("mailautoconf_requests")
                    .description("Requests by endpoint family, client format and outcome")
                    .tags("endpoint", endpoint, "format", format, "outcome", outcome)
                    .register(registry), latency.computeIfAbsent(endpoint, e -> Timer.builder("mailautoconf_request_duration")
                    .description("Time from request to the end of the answer")
                    .tags("endpoint", endpoint)
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry))));
        }
        meters.count().increment();
        meters.latency().record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The counter of one label set, and the timer of its endpoint. */
    private record RequestMeters(Counter count, Timer latency) {
    }

    /**
     * The expiry of every https certificate served, by the label its files give it (docs/tls.md);
     * a certificate no longer served drops out.
     */
    void certificates(Map<String, Instant> notAfter) {
        certificateExpiry.register(notAfter.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("certificate", e.getKey()), e.getValue().getEpochSecond())).toList(), true);
    }

    private final MultiGauge certificateExpiry = MultiGauge.builder("mailautoconf_tls_certificate_expiry").baseUnit("seconds")
            .description("When each https certificate served runs out, as a Unix time").register(registry);

    void reload(boolean ok) {
        Counter.builder("mailautoconf_registry_reloads").description("Loads of the provider directory by result")
                .tag("result", ok ? "ok" : "failed").register(registry).increment();
    }
}
