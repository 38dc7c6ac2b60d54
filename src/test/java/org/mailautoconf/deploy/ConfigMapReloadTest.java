package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.ConfigMapVolume;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.Xml;

/**
 * deploy/kubernetes mounts the registry from a ConfigMap and relies on the service reloading it
 * in place; {@link ConfigMapVolume} updates a directory the way the kubelet updates the mount.
 */
class ConfigMapReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static final String EXAMPLE = DeployFiles.read(DeployFiles.EXAMPLE_PROVIDERS.resolve("example.yaml"));

    private static ServiceConfig config(Path dir) {
        return ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withReloadInterval(Duration.ofMillis(50))
                .withCacheBytes(1L << 20);
    }

    private static String imapHost(RunningService s, String domain) {
        var r = s.get("/v1.1/" + domain);
        assertThat(r.statusCode()).isEqualTo(200);
        var provider = Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
        return Xml.text(Xml.children(provider, "incomingServer").get(0), "hostname");
    }

    private static JsonObject lastReload(RunningService s) {
        return new JsonObject(new String(s.get("/readyz").body(), StandardCharsets.UTF_8)).getJsonObject("lastReload");
    }

    @Test
    void anEditOfTheConfigMap_isServedAfterTheSymlinkSwap_andABrokenOneIsRefused(@TempDir Path dir) throws Exception {
        ConfigMapVolume volume = new ConfigMapVolume(dir);
        volume.publish(Map.of("example.yaml", EXAMPLE));
        try (RunningService s = RunningService.start(config(dir))) {
            assertThat(imapHost(s, "example.org")).isEqualTo("mail.example.org");

            volume.publish(Map.of("example.yaml", EXAMPLE.replace("hostname: mail.example.org\n    port: 993", "hostname: imap.example.org\n    port: 993")));
            RunningService.await(WAIT, "the edited ConfigMap", () -> imapHost(s, "example.org").equals("imap.example.org"));

            volume.publish(Map.of("example.yaml", EXAMPLE.replace("port: 993", "port: 99300")));
            RunningService.await(WAIT, "the refused reload", () -> "failed".equals(lastReload(s).getString("result")));
            assertThat(lastReload(s).getJsonArray("errors").encode()).contains("example.yaml:").contains("incoming[0].port");
            assertThat(imapHost(s, "example.org")).isEqualTo("imap.example.org");
        }
    }

    @Test
    void aKeyAddedToTheConfigMap_andOneRemoved_areSeen(@TempDir Path dir) throws Exception {
        ConfigMapVolume volume = new ConfigMapVolume(dir);
        volume.publish(Map.of("example.yaml", EXAMPLE));
        String other = """
                id: other
                name: Other
                domains: [other.example]
                incoming: [{type: imap, hostname: imap.other.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.other.example, port: 465, security: tls}]
                """;
        try (RunningService s = RunningService.start(config(dir))) {
            assertThat(s.get("/v1.1/other.example").statusCode()).isEqualTo(404);
            Map<String, String> both = new LinkedHashMap<>();
            both.put("example.yaml", EXAMPLE);
            both.put("other.yaml", other);
            volume.publish(both);
            RunningService.await(WAIT, "the added key", () -> s.get("/v1.1/other.example").statusCode() == 200);

            volume.publish(Map.of("other.yaml", other));
            RunningService.await(WAIT, "the removed key", () -> s.get("/v1.1/example.org").statusCode() == 404);
            assertThat(s.get("/v1.1/other.example").statusCode()).isEqualTo(200);
            try (Stream<Path> files = Files.list(dir)) {
                // What the service saw: the visible name, a link into ..data, and hidden directories.
                assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                        .isEqualTo(List.of("..2026_11_24_08_00_00.3", "..data", "other.yaml"));
            }
        }
    }
}
