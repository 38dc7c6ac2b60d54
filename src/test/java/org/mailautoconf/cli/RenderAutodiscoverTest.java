package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertError;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertMobileSyncSettings;
import static org.mailautoconf.testing.AutodiscoverExpectations.assertOutlookSettings;

import org.junit.jupiter.api.Test;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Requests;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.PoxXml;

/** {@code mailautoconf render autodiscover ADDR [--schema outlook|mobilesync]}. */
class RenderAutodiscoverTest {

    private static CliRun run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void render_outlook_printsTheServersBytes() {
        CliRun run = run("render", "autodiscover", "mario.rossi@polito.it", "--providers", "providers.d");
        assertThat(run.status()).isZero();
        Registry registry = Registries.shipped();
        Provider polito = registry.provider("polito").orElseThrow();
        EmailAddress a = EmailAddress.parse("mario.rossi@polito.it");
        assertOutlookSettings(PoxXml.parse(run.out()), polito, a);
        assertThat(run.out()).isEqualTo(new OutlookRenderer().render(polito, a.domain(), a).body());
    }

    @Test
    void render_mobileSync() {
        CliRun run = run("render", "autodiscover", "mario.rossi@polito.it", "--schema", "mobilesync", "-p", "providers.d");
        assertThat(run.status()).isZero();
        assertMobileSyncSettings(PoxXml.parse(run.out()), Registries.shipped().provider("polito").orElseThrow(),
                EmailAddress.parse("mario.rossi@polito.it"));
    }

    @Test
    void render_mobileSyncWithoutActiveSync_printsError601_exit4() {
        CliRun run = run("render", "autodiscover", "a@unimi.it", "--schema", "MobileSync", "-p", "providers.d");
        assertThat(run.status()).isEqualTo(4);
        assertError(PoxXml.parse(run.out()), 601, Requests.MOBILESYNC_SCHEMA);
        assertThat(run.err()).contains("Autodiscover error 601");
    }

    @Test
    void render_redirectToAnotherServer_saysWhere() {
        CliRun run = run("render", "autodiscover", "boss@moved.example", "-p", "src/test/resources/providers/autodiscover");
        assertThat(run.status()).isZero();
        assertThat(run.err()).contains("HTTP 302, Location: https://autodiscover.elsewhere.example/autodiscover/autodiscover.xml");
        assertThat(PoxXml.text(PoxXml.child(PoxXml.child(PoxXml.parse(run.out()), "Response"), "Account"), "Action")).isEqualTo("redirectUrl");
    }

    @Test
    void render_badSchemaOrUnknownDomain() {
        assertThat(run("render", "autodiscover", "a@unimi.it", "--schema", "exchange", "-p", "providers.d").status()).isEqualTo(2);
        assertThat(run("render", "autodiscover", "a@unknown.example", "-p", "providers.d").status()).isEqualTo(3);
    }
}
