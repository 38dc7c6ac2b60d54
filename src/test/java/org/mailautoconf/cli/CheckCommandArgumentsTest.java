package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailautoconf.testing.Registries;

/** {@code mailautoconf check} refusing its arguments before it asks any server (so no named or nginx here). */
class CheckCommandArgumentsTest {

    @Test
    void aBadAddress_exits2_sayingWhy() {
        CliRun r = CliRun.run("check", "not-an-address", "-p", Registries.SHIPPED.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("mailautoconf: an address looks like name@example.org");
    }
}
