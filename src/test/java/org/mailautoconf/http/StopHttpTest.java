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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
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
            assertThat(readHead(in)).startsWith("HTTP/1.1 100");

            CompletableFuture<Void> stopped = server.stop();
            RunningService.await(Duration.ofSeconds(10), "the listener to refuse new connections", () -> refuses(server.port()));
            out.write(body);
            out.flush();

            String response = readAll(in);
            assertThat(response).startsWith("HTTP/1.1 200").contains("<Server>mail.polito.it</Server>");
            stopped.get(15, TimeUnit.SECONDS);
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

    /** One response head, up to its empty line. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        while (!got.toString(UTF_8).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            got.write(b);
        }
        return got.toString(UTF_8);
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
