import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor of this stack (bench/README.md): a plain Vert.x 5 core HTTP server, one listener
 * per core as the service has, answering the bytes nginx serves, from memory, with no router.
 * Run with the service's jar on the class path, which holds Vert.x:
 *   java -cp target/mailautoconf.jar bench/Floor.java PORT HTML_DIR
 * Paths as nginx's configuration in bench/run maps them.
 */
public final class Floor extends VerticleBase {

    private final int port;
    private final Buffer autoconfig, large, profile, signed, autodiscover;

    Floor(int port, Path dir) throws Exception {
        this.port = port;
        autoconfig = read(dir, "autoconfig.xml");
        large = read(dir, "large.xml");
        profile = read(dir, "profile.mobileconfig");
        signed = read(dir, "signed.mobileconfig");
        autodiscover = read(dir, "autodiscover.xml");
    }

    private static Buffer read(Path dir, String name) throws Exception {
        Path file = dir.resolve(name);
        return Files.exists(file) ? Buffer.buffer(Files.readAllBytes(file)) : Buffer.buffer();
    }

    @Override
    public Future<?> start() {
        return vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1");
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.startsWith("/mail/") || path.equals("/autoconfig")) {
            send(request, "application/xml; charset=utf-8", autoconfig);
        } else if (path.equals("/large")) {
            send(request, "application/xml; charset=utf-8", large);
        } else if (path.startsWith("/mobileconfig/")) {
            send(request, "application/x-apple-aspen-config", profile);
        } else if (path.startsWith("/signed/")) {
            send(request, "application/x-apple-aspen-config", signed);
        } else if (path.regionMatches(true, 0, "/autodiscover/", 0, 14)) {
            // The body is read as the service reads it, then dropped.
            request.body().onSuccess(b -> send(request, "text/xml; charset=utf-8", autodiscover));
        } else {
            request.response().setStatusCode(404).end();
        }
    }

    private static void send(HttpServerRequest request, String type, Buffer body) {
        request.response().putHeader(HttpHeaders.CONTENT_TYPE, type).end(body);
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(() -> {
            try {
                return new Floor(port, dir);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors()))
                .onSuccess(id -> System.out.println("floor listening on 127.0.0.1:" + port))
                .onFailure(e -> { e.printStackTrace(); System.exit(1); });
    }
}
