package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailautoconf.LogSettings.ClientAddress;

class LogTextTest {

    @Test
    void escape_writesControlsAndInvisiblesAsEscapes_andDoublesBackslashes() {
        assertThat(LogText.escape("a\u001b[31mb\u0000c\u007fd\u0085e\u009bf")).isEqualTo("a\\x1b[31mb\\x00c\\x7fd\\x85e\\x9bf");
        assertThat(LogText.escape("x\u2028y\u202ez\u200b")).isEqualTo("x\\u2028y\\u202ez\\u200b");
        assertThat(LogText.escape("a\\x1b")).isEqualTo("a\\\\x1b");
        assertThat(LogText.escape("lone \ud800 surrogate")).isEqualTo("lone \\ud800 surrogate");
        assertThat(LogText.escape("politò.it 😀 faß")).isEqualTo("politò.it 😀 faß");
    }

    @Test
    void path_cutsAnyAddress_whereverItIs() {
        assertThat(LogText.path("/mobileconfig/mario.rossi@polito.it")).isEqualTo("/mobileconfig/…");
        assertThat(LogText.path("/AutoDiscover/AutoDiscover.json/v1.0/mario@polito.it")).isEqualTo("/AutoDiscover/AutoDiscover.json/v1.0/…");
        assertThat(LogText.path("/no/such/mario@polito.it/x")).isEqualTo("/no/such/…/x");
        assertThat(LogText.path("/no/such/mario%40polito.it")).isEqualTo("/no/such/…");
        assertThat(LogText.path("/x/../mobileconfig/mario@polito.it")).isEqualTo("/x/../mobileconfig/…");
        assertThat(LogText.path("/mail/config-v1.1.xml")).isEqualTo("/mail/config-v1.1.xml");
        assertThat(LogText.path("/v1.1/polito.it")).isEqualTo("/v1.1/polito.it");
    }

    @Test
    void client_isWhole_orItsNetwork_orNothing() {
        assertThat(LogText.client("192.0.2.77", ClientAddress.FULL)).isEqualTo("192.0.2.77");
        assertThat(LogText.client("192.0.2.77", ClientAddress.TRUNCATED)).isEqualTo("192.0.2.0");
        assertThat(LogText.client("192.0.2.77", ClientAddress.NONE)).isEqualTo("-");
        assertThat(LogText.client("2001:db8:abcd:12:3456::1", ClientAddress.TRUNCATED)).isEqualTo("2001:db8:abcd::");
        assertThat(LogText.client("[2001:db8:abcd:12::1]", ClientAddress.TRUNCATED)).isEqualTo("2001:db8:abcd::");
        assertThat(LogText.client("::ffff:198.51.100.9", ClientAddress.TRUNCATED)).isEqualTo("198.51.100.0");
        assertThat(LogText.client("fe80::1%eth0", ClientAddress.TRUNCATED)).isEqualTo("fe80:0:0::");
        // Never a name lookup, never the text of something that is not an address.
        assertThat(LogText.client("mail.example.org", ClientAddress.TRUNCATED)).isEqualTo("-");
        assertThat(LogText.client("999.1.2.3", ClientAddress.TRUNCATED)).isEqualTo("-");
    }
}
