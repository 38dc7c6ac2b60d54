package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.Xml;

class LiveReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static ServiceConfig config(Path dir, Optional<String> defaultProvider) {
        return ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withDefaultProvider(defaultProvider)
                .withReloadInterval(Duration.ofMillis(50)).withCacheBytes(1L << 20).withAccessLog(true);
    }

    private static JsonObject readyz(RunningService s) {
        return new JsonObject(new String(s.get("/readyz").body(), StandardCharsets.UTF_8));
    }

    private static String imapHost(RunningService s) {
        var r = s.get("/v1.1/polito.it");
        assertThat(r.statusCode()).isEqualTo(200);
        var provider = Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
        return Xml.text(Xml.children(provider, "incomingServer").get(0), "hostname");
    }

    @Test
    void brokenEdit_keepsServingTheLastGoodRegistry_andAFixIsPickedUp(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        Path polito = dir.resolve("polito.yaml");
        String good = Files.readString(polito);
        try (RunningService s = RunningService.start(config(dir, Optional.empty()))) {
            String version = readyz(s).getJsonObject("registry").getString("version");

            Files.writeString(polito, good.replace("port: 993", "port: 99300").replace("id: polito", "id: polito\nnmae: x"));
            RunningService.await(WAIT, "the failed reload of the whole edit", () -> {
                JsonObject last = readyz(s).getJsonObject("lastReload");
                return "failed".equals(last.getString("result")) && last.getJsonArray("errors").encode().contains("incoming[0].port");
            });
            JsonObject failed = readyz(s);
            assertThat(failed.getJsonObject("registry").getString("version")).isEqualTo(version);
            assertThat(failed.getJsonObject("lastReload").getJsonArray("errors").encode())
                    .contains("polito.yaml:").contains("incoming[0].port").contains("unknown field 'nmae'");
            assertThat(imapHost(s)).isEqualTo("mail.polito.it");

            Files.writeString(polito, good.replace("hostname: mail.polito.it\n    port: 993", "hostname: imap.polito.it\n    port: 993"));
            RunningService.await(WAIT, "the good reload", () -> "ok".equals(readyz(s).getJsonObject("lastReload").getString("result")));
            assertThat(readyz(s).getJsonObject("registry").getString("version")).isNotEqualTo(version);
            assertThat(imapHost(s)).isEqualTo("imap.polito.it");
        }
    }

    @Test
    void newProviderFile_isServedAfterReload(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        try (RunningService s = RunningService.start(config(dir, Optional.empty()))) {
            assertThat(s.get("/v1.1/new.example").statusCode()).isEqualTo(404);
            Registries.write(dir, "new.yaml", """
                    id: new
                    name: New
                    domains: [new.example]
                    incoming: [{type: imap, hostname: imap.new.example, port: 993, security: tls}]
                    outgoing: [{type: smtp, hostname: smtp.new.example, port: 465, security: tls}]
                    """);
            RunningService.await(WAIT, "the new provider", () -> s.get("/v1.1/new.example").statusCode() == 200);
        }
    }

    @Test
    void invalidRegistryAtStart_refusesToStartAndNamesTheErrors(@TempDir Path dir) {
        Registries.write(dir, "bad.yaml", "id: bad\nname: Bad\ndomains: [bad.example]\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RunningService.start(config(dir, Optional.empty())))
                .hasMessageContaining("bad.yaml").hasMessageContaining("'incoming' is required");
    }

    @Test
    void defaultProvider_answersForUnlistedDomains(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        try (RunningService s = RunningService.start(config(dir, Optional.of("unimi")))) {
            var r = s.get("/mail/config-v1.1.xml?emailaddress=someone%40customer.example");
            assertThat(r.statusCode()).isEqualTo(200);
            var provider = Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
            assertThat(provider.getAttribute("id")).isEqualTo("customer.example");
            assertThat(readyz(s).getJsonObject("registry").getString("defaultProvider")).isEqualTo("unimi");
        }
    }
}
