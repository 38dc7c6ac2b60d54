package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.testing.DavProvider;

/** {@code mailautoconf render pacc DOMAIN}: the document byte for byte, its TXT record, or why there is none. */
class RenderPaccTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void davProvider_printsTheDocumentAndItsDigest() {
        var registry = DavProvider.withShipped(dir);
        CliRun run = run("render", "pacc", "dav.example", "--providers", dir.toString());
        assertThat(run.status()).isZero();
        byte[] expected = new PaccRenderer().render(DavProvider.provider(registry), DomainName.parse("dav.example"));
        assertThat(run.out()).isEqualTo(expected);
        assertThat(run.err()).contains("_ua-auto-config.dav.example. TXT \"" + PaccRenderer.txt(expected) + "\"");
    }

    @Test
    void providerPaccCannotExpress_exits4WithTheReason() {
        CliRun run = run("render", "pacc", "timpec.it", "--providers", "providers.d");
        assertThat(run.status()).isEqualTo(4);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("no PACC document for timpec.it").contains("always the address");
    }

    @Test
    void somethingThatIsNotADomain_exits2_sayingWhy() {
        CliRun run = run("render", "pacc", "bad..example", "--providers", "providers.d");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("mailautoconf: not a domain: a domain name has no empty labels (\"..\")");
    }
}
