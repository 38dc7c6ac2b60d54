package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.http.StateDirRestartTest.readyz;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LastGoodFiles;
import org.mailautoconf.registry.load.RegistryLoader;
import org.mailautoconf.testing.DomainLists;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.Xml;
import org.mailautoconf.testing.ZipFiles;

/** A restart from the state directory serves the domains of a provider's list, with the list gone from providers.d. */
class StateDirListRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static String imapHost(RunningService s, String domain) {
        var r = s.get("/v1.1/" + domain);
        assertThat(r.statusCode()).as(domain).isEqualTo(200);
        var provider = Xml.children(Xml.parse(r.body()).getDocumentElement(), "emailProvider").get(0);
        return Xml.text(Xml.children(provider, "incomingServer").get(0), "hostname");
    }

    @Test
    void aRestartWithBrokenFilesAndTheListDeleted_servesTheListedDomains_degraded(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("providers.d");
        Path hoster = Registries.write(dir, "hoster.yaml", DomainLists.HOSTER);
        Registries.write(dir, "customers.txt", DomainLists.list(200));
        Path stateDir = tmp.resolve("state");
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withReloadInterval(Duration.ofMillis(50))
                .withCacheBytes(1L << 20).withStateDir(Optional.of(stateDir));
        String goodVersion;
        try (RunningService s = RunningService.start(config)) {
            assertThat(imapHost(s, "shop150.example")).isEqualTo("imap.shop150.example");
            goodVersion = readyz(s).getJsonObject("registry").getString("version");
            LastGoodFiles lastGood = new LastGoodFiles(stateDir);
            RunningService.await(WAIT, "the good registry kept", () -> {
                try {
                    return lastGood.saved().map(v -> v.version().equals(goodVersion)).orElse(false);
                } catch (IOException e) {
                    return false;
                }
            });
        }
        Files.writeString(hoster, DomainLists.HOSTER.replace("port: 993", "port: 99300"));
        Files.delete(dir.resolve("customers.txt"));

        try (RunningService s = RunningService.start(config)) {
            assertThat(imapHost(s, "shop150.example")).isEqualTo("imap.shop150.example");
            assertThat(s.get("/v1.1/not-a-customer.example").statusCode()).isEqualTo(404);
            JsonObject ready = readyz(s);
            assertThat(ready.getString("status")).isEqualTo("degraded");
            assertThat(ready.getJsonObject("registry").getString("version")).isEqualTo(goodVersion);
        }
    }

    /** A copy an older version wrote (no list manifest) of the same registry is written again, lists and all. */
    @Test
    void aCopyWithoutItsLists_isWrittenAgain_evenForTheSameVersion(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("providers.d");
        Registries.write(dir, "hoster.yaml", DomainLists.HOSTER);
        Registries.write(dir, "customers.txt", DomainLists.list(20));
        ServiceConfig config = ServiceConfig.defaults().withProvidersDir(dir).withStateDir(Optional.of(tmp.resolve("state")));
        RegistryLoader loader = new RegistryLoader();
        Registry registry = loader.load(dir, Optional.empty()).registry().orElseThrow();
        LastGoodFiles lastGood = new LastGoodFiles(tmp.resolve("state"));
        lastGood.save(dir, registry, loader.lastFileHashes(), Instant.parse("2026-11-28T01:00:00Z"));
        ZipFiles.withoutEntry(lastGood.file(), ".domain-lists");
        assertThat(lastGood.keptVersion()).isEmpty();

        new StateDirectory(config).keep(registry, loader.lastFileHashes(), Instant.parse("2026-11-28T02:00:00Z"));

        assertThat(lastGood.keptVersion()).contains(registry.version());
        assertThat(lastGood.saved().orElseThrow().savedAt()).isEqualTo(Instant.parse("2026-11-28T02:00:00Z"));
    }
}
