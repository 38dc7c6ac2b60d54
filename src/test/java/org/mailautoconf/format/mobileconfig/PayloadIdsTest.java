package org.mailautoconf.format.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class PayloadIdsTest {

    @Test
    void uuidV5_rfc4122DnsExample_knownValue() {
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(PayloadIds.uuidV5(dns, "www.example.com")).hasToString("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    }
}
