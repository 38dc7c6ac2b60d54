package org.mailautoconf.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordDataTest {

    private static String aaaa(String text) throws Exception {
        return new RecordData.Address(InetAddress.getByName(text)).masterText();
    }

    @Test
    void ipv6_isWrittenInRfc5952Form() throws Exception {
        assertThat(aaaa("2001:db8:0:0:0:0:0:80")).isEqualTo("2001:db8::80");
        assertThat(aaaa("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(aaaa("2001:db8:0:1:0:0:0:0")).isEqualTo("2001:db8:0:1::");
        assertThat(aaaa("2001:db8:0:1:1:1:1:1")).as("one zero group stays").isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(aaaa("2001:0:0:1:0:0:0:1")).as("the longer run").isEqualTo("2001:0:0:1::1");
        assertThat(aaaa("192.0.2.80")).isEqualTo("192.0.2.80");
    }

    @Test
    void txt_quotesAndEscapes_forPaccDigests() {
        assertThat(new RecordData.Text(List.of("v=UAAC1; a=sha256; d=abc+/=", "say \"hi\"")).masterText())
                .isEqualTo("\"v=UAAC1; a=sha256; d=abc+/=\" \"say \\\"hi\\\"\"");
    }
}
