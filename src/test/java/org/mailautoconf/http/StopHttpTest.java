package org.mailautoconf.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.HeldConnections;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.RunningService;

/**
 * Stopping, as Kubernetes does on a rolling update (SIGTERM): no new connections, and a request
 * already being received is still answered, not cut off.
 */
class StopHttpTest {

    @Test
    void aRequestInFlightWhenTheServiceStops_isAnswered_andNewConnectionsAreRefused() throws Exception {
        try (RunningService server = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED));
                Socket outlook = new Socket()) {
            byte[] body = Requests.outlook("mario.rossi@polito.it").getBytes(UTF_8);
            outlook.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            outlook.setSoTimeout(10_000);
            OutputStream out = outlook.getOutputStream();
            InputStream in = outlook.getInputStream();
            // As Outlook (.NET) posts: the headers, then the body once the server says 100 Continue,
            // which also tells this test that the request is being handled.
            out.write(("POST /autodiscover/autodiscover.xml HTTP/1.1\r\nHost: autodiscover.polito.it\r\n"
                    + "Content-Type: text/xml\r\nContent-Length: " + body.length + "\r\nExpect: 100-continue\r\n\r\n").getBytes(UTF_8));
            out.flush();
            assertThat(HeldConnections.readHead(in)).startsWith("HTTP/1.1 100");

            CompletableFuture<Void> stopped = server.stop();
            RunningService.await(Duration.ofSeconds(10), "the listener to refuse new connections", () -> refuses(server.port()));
            out.write(body);
            out.flush();

            String response = readAll(in);
            assertThat(response).startsWith("HTTP/1.1 200").contains("<Server>mail.polito.it</Server>");
            stopped.get(15, TimeUnit.SECONDS);
        }
    }

    /**
     * Clients that keep a connection and send their next request as soon as an answer came (as
     * wrk, nginx's upstream pool, a busy Outlook do), some two at a time (pipelined): a stop in
     * the middle loses none of the requests they sent. Each is answered, the last ones with
     * {@code Connection: close}, after which the client sends nothing more on that connection.
     */
    @Test
    void keepAliveAndPipeliningClients_loseNoRequest_whenTheServiceStops() throws Exception {
        int clients = 16;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try (RunningService server = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED))) {
            List<KeepAliveClient> all = new ArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                KeepAliveClient c = new KeepAliveClient(server.port(), i % 4 == 0 ? 2 : 1);
                all.add(c);
                running.add(pool.submit(c));
            }
            RunningService.await(Duration.ofSeconds(20), "every client to have some answers",
                    () -> all.stream().allMatch(c -> c.answered.get() >= 20 || c.failure != null));
            server.stop().get(20, TimeUnit.SECONDS);
            for (Future<?> f : running) {
                f.get(20, TimeUnit.SECONDS);
            }
            for (KeepAliveClient c : all) {
                assertThat(c.failure).as("a client's requests (%d answered)", c.answered.get()).isNull();
                assertThat(c.toldToClose).as("the last answer said Connection: close").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One keep-alive connection, {@code depth} requests written at a time, until an answer says close. */
    private static final class KeepAliveClient implements Runnable {
        private static final byte[] REQUEST = ("GET /mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it HTTP/1.1\r\n"
                + "Host: autoconfig.polito.it\r\n\r\n").getBytes(UTF_8);
        private final int port;
        private final int depth;
        final AtomicInteger answered = new AtomicInteger();
        volatile boolean toldToClose;
        volatile String failure;

        KeepAliveClient(int port, int depth) {
            this.port = port;
            this.depth = depth;
        }

        @Override
        public void run() {
            long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                s.setSoTimeout(15_000);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                while (!toldToClose && System.nanoTime() < end) {
                    for (int i = 0; i < depth; i++) {
                        out.write(REQUEST);
                    }
                    out.flush();
                    for (int i = 0; i < depth; i++) {
                        String head = HeldConnections.readAnswer(in);
                        if (!head.startsWith("HTTP/1.1 200")) {
                            failure = "answered " + head.lines().findFirst().orElse("");
                            return;
                        }
                        answered.incrementAndGet();
                        if (head.toLowerCase(Locale.ROOT).contains("\r\nconnection: close\r\n")) {
                            toldToClose = true;
                        }
                    }
                }
            } catch (IOException e) {
                failure = "a request sent was not answered: " + e;
            }
        }
    }

    @Test
    void aStopWhileTheFirstRegistryLoads_leavesNothingListening(@TempDir Path providers) throws Exception {
        // Enough files that the load is still running when the stop comes.
        for (int i = 0; i < 2_000; i++) {
            Files.writeString(providers.resolve("p" + i + ".yaml"), """
                    id: p%d
                    name: P %d
                    domains: [p%d.example]
                    incoming: [{type: imap, hostname: imap.p%d.example, port: 993, security: tls}]
                    outgoing: [{type: smtp, hostname: smtp.p%d.example, port: 465, security: tls}]
                    """.formatted(i, i, i, i, i));
        }
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Metrics metrics = new Metrics();
        Vertx vertx = metrics.newVertx();
        try {
            HttpService service = new HttpService(vertx, ServiceConfig.defaults().withProvidersDir(providers).withPort(port), metrics);
            CompletableFuture<Integer> started = service.start().toCompletionStage().toCompletableFuture();
            service.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            // Whichever came first, the load or the stop: once both are done, nothing listens.
            try {
                started.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).hasMessageContaining("stopped before the registry was loaded");
            }
            assertThat(refuses(port)).as("port %d refuses connections", port).isTrue();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    private static boolean refuses(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Everything until the server closes the connection, as a stopping server does after its answer. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                got.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // a reset after the answer still leaves the answer; without it, the assertion says what came
        }
        return got.toString(UTF_8);
    }
}
