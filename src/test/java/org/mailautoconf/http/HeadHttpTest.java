package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** HEAD is answered on every GET resource, with the GET's status and headers and no body (RFC 9110, 9.3.2). */
class HeadHttpTest {

    private static final String[] RESOURCES = {
        "/healthz",
        "/readyz",
        "/metrics",
        "/",
        "/?emailaddress=mario.rossi%40polito.it",
        "/mail/config-v1.1.xml?emailaddress=mario.rossi%40polito.it",
        "/.well-known/autoconfig/mail/config-v1.1.xml",
        "/v1.1/polito.it",
        "/autoconfig/v1.1/polito.it",
        "/v1.1/nowhere.example",
        "/Autodiscover/Autodiscover.xml",
        "/autodiscover/autodiscover.json?Email=mario.rossi%40polito.it&Protocol=ActiveSync",
        "/autodiscover/autodiscover.json/v1.0/mario.rossi@polito.it?Protocol=ActiveSync",
        "/mobileconfig?emailaddress=mario.rossi%40polito.it",
        "/mobileconfig/mario.rossi@polito.it",
    };

    /** Answers that Vert.x's own handlers write (JSON health, Prometheus text): their length is left out on a HEAD. */
    private static final java.util.Set<String> LENGTH_LEFT_OUT = java.util.Set.of("/readyz", "/metrics");

    private static RawHttp.Reply ask(RunningService s, String method, String target) {
        return RawHttp.exchange(s.port(), method + " " + target + " HTTP/1.1", "Host: autoconfig.polito.it", "Connection: close");
    }

    private static Map<String, String> headers(RawHttp.Reply reply) {
        Map<String, String> headers = new TreeMap<>();
        reply.head().lines().skip(1).forEach(line -> {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon), line.substring(colon + 1).strip());
        });
        return headers;
    }

    @Test
    void head_answersLikeGet_withoutTheBody() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20)
                .withPublicBaseUrl(Optional.of(URI.create("https://autoconfig.example.net")));
        try (RunningService s = RunningService.start(config)) {
            for (String target : RESOURCES) {
                RawHttp.Reply get = ask(s, "GET", target);
                RawHttp.Reply head = ask(s, "HEAD", target);
                assertThat(head.status()).as(target).isEqualTo(get.status());
                if (!target.contains("nowhere")) {
                    assertThat(head.status()).as(target).isNotIn(404, 405, 501);
                }
                assertThat(head.body()).as(target).isEmpty();
                Map<String, String> expected = headers(get);
                Map<String, String> actual = headers(head);
                if (LENGTH_LEFT_OUT.contains(target)) {
                    expected.remove("content-length");
                    expected.remove("transfer-encoding");
                    actual.remove("content-length");
                }
                if (target.equals("/metrics") || target.equals("/readyz")) {
                    assertThat(actual.keySet()).as(target).isEqualTo(expected.keySet());
                } else {
                    assertThat(actual).as(target).isEqualTo(expected);
                }
            }
        }
    }
}
