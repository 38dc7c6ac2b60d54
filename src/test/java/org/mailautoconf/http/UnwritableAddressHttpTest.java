package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/**
 * An address with a code point no answer format can carry (U+FFFE, U+FFFF: not XML; an unpaired
 * surrogate: not even UTF-8) is refused with 400 on every endpoint that takes one, where it once
 * got a 200 answer that was not well-formed XML, and was cached.
 */
class UnwritableAddressHttpTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    /** Percent-encoded UTF-8 of U+FFFE, U+FFFF and U+FDD0, three Unicode noncharacters. */
    @ParameterizedTest
    @ValueSource(strings = {"mario%EF%BF%BE", "%EF%BF%BF", "a%EF%B7%90b"})
    void noncharacterInTheLocalPart_is400_onEveryEndpoint(String local) {
        assertThat(service.get("/mail/config-v1.1.xml?emailaddress=" + local + "%40polito.it", "Host", "autoconfig.polito.it")
                .statusCode()).isEqualTo(400);
        assertThat(service.get("/mobileconfig/" + local + "@polito.it").statusCode()).isEqualTo(400);
        assertThat(service.get("/autodiscover/autodiscover.json/v1.0/" + local + "@polito.it?Protocol=AutodiscoverV1")
                .statusCode()).isEqualTo(400);
        // The same request again: still refused, so nothing was cached for it.
        assertThat(service.get("/mail/config-v1.1.xml?emailaddress=" + local + "%40polito.it", "Host", "autoconfig.polito.it")
                .statusCode()).isEqualTo(400);
    }
}
