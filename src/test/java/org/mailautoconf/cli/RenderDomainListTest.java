package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.DomainLists;

/** {@code render} and {@code validate} with a domain list: a listed domain is rendered, and the list named. */
class RenderDomainListTest {

    @Test
    void aListedDomain_isRendered_andItsListNamed(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("hoster.yaml"), DomainLists.HOSTER);
        Files.writeString(dir.resolve("customers.txt"), "# customers\nshop.example\nbakery.example\n");

        CliRun r = CliRun.run("render", "autoconfig", "ann@bakery.example", "--providers", dir.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.outText()).contains("<hostname>imap.bakery.example</hostname>");
        assertThat(r.err()).contains("bakery.example is hoster's by its domain list customers.txt");

        assertThat(CliRun.run("validate", dir.toString()).status()).isZero();
        Files.writeString(dir.resolve("customers.txt"), "shop.example\nbad_name.example\n");
        CliRun bad = CliRun.run("validate", dir.toString());
        assertThat(bad.status()).isNotZero();
        assertThat(bad.outText() + bad.err()).contains("customers.txt:2:1").contains("bad_name.example");
    }
}
