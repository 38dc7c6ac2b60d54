package org.mailautoconf.http;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailautoconf.ConnectionLimits;
import org.mailautoconf.HostPort;
import org.mailautoconf.WarmUpSettings;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests the service asks itself after the first load, before {@code /readyz} says ready:
 * without them the first seconds of traffic ran the request path interpreted while the JIT
 * compiled it on the same cores (8–12 s to steady speed under load, bench/README.md). They go
 * over real HTTP to a listener of its own on 127.0.0.1 with a free port (the same listener,
 * gate, dispatch and handlers as every request; its own meters, no access log), from a few
 * keep-alive connections, until the count or the time is spent. A failure ends the warm-up
 * early; readiness never waits for more than the time limit and a second.
 */
final class WarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);
    private static final int CONNECTIONS = 8;
    private static final int DOMAINS = 3;
    private static final String LOCAL_PART = "warm-up";

    /** One request of the warm-up; {@code body} null for a GET. */
    record Ask(HttpMethod method, String host, String uri, Buffer body) {}

    private final WarmUpSettings settings;
    private final AtomicInteger answered = new AtomicInteger();
    private volatile boolean done;
    private volatile long millis;

    WarmUp(WarmUpSettings settings) {
        this.settings = settings;
        this.done = !settings.enabled();
    }

    /** Whether readiness may be reported: the warm-up ended, or there is none. */
    boolean done() {
        return done;
    }

    /** What {@code /readyz} shows of the warm-up, when there is one. */
    JsonObject status() {
        return settings.enabled() ? new JsonObject().put("done", done).put("requests", answered.get()).put("millis", millis) : null;
    }

    /**
     * The requests for the first few providers' domains: autoconfig (both paths), Outlook's
     * Autodiscover POST, and the profile, for the address {@code warm-up@<domain>}. No address when directories are
     * configured (each would be a directory lookup), no profile when profiles are signed (each
     * new address is a signature, within 127.0.0.1's budget).
     */
    static List<Ask> asks(Registry registry, boolean addresses, boolean profiles) {
        List<Ask> asks = new ArrayList<>();
        int domains = 0;
        for (Provider p : registry.providers()) {
            DomainName domain = p.primaryDomain().orElse(null);
            if (domain == null) {
                continue;
            }
            if (domains++ == DOMAINS) {
                break;
            }
            String d = domain.ascii();
            String address = LOCAL_PART + "@" + d;
            if (!addresses) {
                asks.add(new Ask(HttpMethod.GET, "autoconfig." + d, "/.well-known/autoconfig/mail/config-v1.1.xml", null));
            } else {
                // Only the warm-up's own address: its answers are cached under keys no client asks
                // for, so they never stand in for a client's answer.
                asks.add(new Ask(HttpMethod.GET, "autoconfig." + d, "/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=" + address,
                        null));
                asks.add(new Ask(HttpMethod.GET, "autoconfig." + d, "/mail/config-v1.1.xml?emailaddress=" + address, null));
                asks.add(new Ask(HttpMethod.POST, "autodiscover." + d, "/Autodiscover/Autodiscover.xml", Buffer.buffer(outlook(address))));
                if (profiles) {
                    asks.add(new Ask(HttpMethod.GET, "autoconfig." + d, "/mobileconfig/" + address, null));
                }
            }
        }
        return asks;
    }

    private static String outlook(String address) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                + "<Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\">\n"
                + "  <Request>\n    <EMailAddress>" + address + "</EMailAddress>\n"
                + "    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
                + "</AcceptableResponseSchema>\n  </Request>\n</Autodiscover>\n";
    }

    /** Runs the warm-up through {@code handler} on a loopback listener of its own; the future ends with it, never failed. */
    Future<Void> run(Vertx vertx, Handler<HttpServerRequest> handler, List<Ask> asks) {
        if (done || asks.isEmpty()) {
            done = true;
            return Future.succeededFuture();
        }
        long start = System.nanoTime();
        long deadline = start + settings.limit().toNanos();
        int[] port = {0};
        OpenConnections connections = new OpenConnections(ConnectionLimits.defaults(), new SimpleMeterRegistry(), "warm-up");
        // However the requests go, readiness waits no longer than the limit and a second.
        long guard = vertx.setTimer(settings.limit().toMillis() + 1000, id -> finish(start, "its time ran out"));
        return vertx.deployVerticle(new Listener(handler, Listener.options(new HostPort("127.0.0.1", 0)), connections, p -> port[0] = p))
                .compose(id -> {
                    HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                            new PoolOptions().setHttp1MaxSize(CONNECTIONS));
                    AtomicInteger next = new AtomicInteger();
                    List<Future<Void>> lanes = new ArrayList<>();
                    for (int i = 0; i < CONNECTIONS; i++) {
                        lanes.add(lane(client, SocketAddress.inetSocketAddress(port[0], "127.0.0.1"), asks, next, deadline));
                    }
                    // Ready once every lane has its last answer; the listener's stop (a second of drain) is not waited for.
                    return Future.all(lanes).<Void>mapEmpty()
                            .andThen(r -> client.close().eventually(() -> vertx.undeploy(id)));
                })
                .transform(r -> {
                    vertx.cancelTimer(guard);
                    finish(start, r.failed() ? "it stopped early: " + r.cause().getMessage() : null);
                    return Future.<Void>succeededFuture();
                });
    }

    /** One connection's requests, each sent when the one before is answered. */
    private Future<Void> lane(HttpClient client, SocketAddress server, List<Ask> asks, AtomicInteger next, long deadline) {
        int n = next.getAndIncrement();
        if (n >= settings.requests() || System.nanoTime() > deadline || done) {
            return Future.succeededFuture();
        }
        Ask ask = asks.get(n % asks.size());
        // One authority for every request, so one connection pool; the Host header names the domain.
        RequestOptions options = new RequestOptions().setServer(server).setMethod(ask.method()).setURI(ask.uri())
                .putHeader("Host", ask.host());
        return client.request(options)
                .compose(request -> ask.body() == null ? request.send()
                        : request.putHeader("Content-Type", "text/xml; charset=utf-8").send(ask.body()))
                .compose(HttpClientResponse::body)
                .compose(body -> {
                    answered.incrementAndGet();
                    return lane(client, server, asks, next, deadline);
                });
    }

    private synchronized void finish(long start, String problem) {
        if (done) {
            return;
        }
        millis = (System.nanoTime() - start) / 1_000_000;
        done = true;
        if (problem == null) {
            LOG.info("warmed up with {} requests in {} ms; ready", answered.get(), millis);
        } else {
            LOG.warn("the warm-up ended after {} requests in {} ms, as {}; ready", answered.get(), millis, problem);
        }
    }
}
