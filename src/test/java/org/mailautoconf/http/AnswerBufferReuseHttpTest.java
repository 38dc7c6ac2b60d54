package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/**
 * A cached answer goes out from one kept wire form on every response ({@link Responses}): each
 * of many requests, after a HEAD too, gets the whole body and the same head.
 */
class AnswerBufferReuseHttpTest {

    private static final String[] TARGETS = {
        "/mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it",
        "/mobileconfig/mario.rossi@polito.it",
    };

    @Test
    void everyResponseCarriesTheWholeBody() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20);
        try (RunningService s = RunningService.start(config)) {
            for (String target : TARGETS) {
                RawHttp.Reply first = RawHttp.exchange(s.port(), "GET " + target + " HTTP/1.1", "Host: autoconfig.polito.it", "Connection: close");
                assertThat(first.status()).as(target).isEqualTo(200);
                assertThat(first.body()).as(target).isNotEmpty();
                for (int i = 0; i < 5; i++) {
                    RawHttp.exchange(s.port(), "HEAD " + target + " HTTP/1.1", "Host: autoconfig.polito.it", "Connection: close");
                    RawHttp.Reply again = RawHttp.exchange(s.port(), "GET " + target + " HTTP/1.1", "Host: autoconfig.polito.it", "Connection: close");
                    assertThat(again.body()).as(target + ", request " + (i + 2)).isEqualTo(first.body());
                    // The kept form moves outside the heap on its second use: the same head and bytes before and after.
                    assertThat(again.head()).as(target + ", request " + (i + 2)).isEqualTo(first.head());
                }
            }
        }
    }
}
