package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.DavProvider;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** ?version=1.2 is its own answer (cached apart from the default one), with the mail servers' SASL mechanisms. */
class Autoconfig12HttpTest {

    @TempDir
    static Path dir;
    private static RunningService service;

    @BeforeAll
    static void start() {
        Registries.write(dir, "sasl.yaml", DavProvider.SASL_FIRST);
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(dir));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void version12_addsSaslMechanisms_defaultLeavesThemOut() {
        String byDefault = new String(service.get("/mail/config-v1.1.xml?emailaddress=a%40sasl.example").body(), StandardCharsets.UTF_8);
        String asked = new String(service.get("/mail/config-v1.1.xml?emailaddress=a%40sasl.example&version=1.2").body(),
                StandardCharsets.UTF_8);
        String again = new String(service.get("/mail/config-v1.1.xml?emailaddress=a%40sasl.example").body(), StandardCharsets.UTF_8);
        assertThat(byDefault).contains("version=\"1.1\"").doesNotContain("SCRAM-SHA-256");
        assertThat(asked).contains("version=\"1.2\"").contains("<authentication system=\"sasl\">SCRAM-SHA-256</authentication>");
        assertThat(again).isEqualTo(byDefault);
    }
}
