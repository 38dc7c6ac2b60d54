package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/**
 * The request dispatch matches paths as vertx-web's router did before it (issue 14): the
 * normalised path, one trailing slash on a plain path, one decoded parameter segment, the
 * Autodiscover paths in any letter case but without a trailing slash; 404 for an unknown path,
 * 405 for a known path and another method.
 */
class DispatchHttpTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static RawHttp.Reply ask(String method, String target, String... more) {
        String[] lines = new String[more.length + 3];
        lines[0] = method + " " + target + " HTTP/1.1";
        lines[1] = "Host: autoconfig.polito.it";
        System.arraycopy(more, 0, lines, 2, more.length);
        lines[lines.length - 1] = "Connection: close";
        return RawHttp.exchange(service.port(), lines);
    }

    @Test
    void plainPaths_matchWithOneTrailingSlash_andAfterNormalisation() {
        for (String target : new String[] {"/mail/config-v1.1.xml/?emailaddress=a@polito.it", "/x/../mail/config-v1.1.xml?emailaddress=a@polito.it",
                "/./mail//config-v1.1.xml?emailaddress=a@polito.it", "/%6dail/config-v1%2e1.xml?emailaddress=a@polito.it"}) {
            RawHttp.Reply reply = ask("GET", target);
            assertThat(reply.status()).as(target).isEqualTo(200);
            assertThat(reply.body()).as(target).contains("<domain>polito.it</domain>");
        }
        assertThat(ask("GET", "/Mail/config-v1.1.xml").status()).isEqualTo(404);
        assertThat(ask("GET", "/mail/config-v1.1.xml/x").status()).isEqualTo(404);
    }

    @Test
    void aPathParameter_isOneDecodedSegment() {
        assertThat(ask("GET", "/v1.1/pol%69to.it").body()).contains("<domain>polito.it</domain>");
        assertThat(ask("GET", "/v1.1/polito.it/").status()).isEqualTo(200);
        assertThat(ask("GET", "/mobileconfig/mario.rossi%40polito.it").status()).isEqualTo(200);
        assertThat(ask("GET", "/v1.1/").status()).isEqualTo(404);
        assertThat(ask("GET", "/v1.1/polito.it/more").status()).isEqualTo(404);
        RawHttp.Reply v2 = ask("GET", "/AUTODISCOVER/Autodiscover.json/v1.0/mario.rossi%40polito.it?Protocol=ActiveSync");
        assertThat(v2.status()).isEqualTo(200);
        assertThat(ask("GET", "/autodiscover/autodiscover.json/v1.0/mario.rossi@polito.it/?Protocol=ActiveSync").status()).isEqualTo(404);
    }

    @Test
    void autodiscoverPaths_inAnyCase_butWithoutATrailingSlash() {
        RawHttp.Reply mixed = ask("POST", "/AutoDiscover/AUTODISCOVER.xml", "Content-Length: 0");
        assertThat(mixed.status()).isEqualTo(200);
        assertThat(mixed.body()).contains("<ErrorCode>600</ErrorCode>");
        assertThat(ask("POST", "/autodiscover/autodiscover.xml/", "Content-Length: 0").status()).isEqualTo(404);
    }

    @Test
    void aKnownPath_withAnotherMethod_is405_andAnUnknownOne404_eachWithItsLine() {
        for (String[] c : new String[][] {{"POST", "/mail/config-v1.1.xml"}, {"DELETE", "/"}, {"PUT", "/autodiscover/autodiscover.xml"},
                {"POST", "/healthz"}, {"POST", "/mobileconfig/a@polito.it"}}) {
            RawHttp.Reply reply = ask(c[0], c[1], "Content-Length: 0");
            assertThat(reply.status()).as(c[0] + " " + c[1]).isEqualTo(405);
            assertThat(reply.body()).isEqualTo("method not allowed here\n");
        }
        RawHttp.Reply missing = ask("GET", "/nothing/here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo(Dispatch.NOT_FOUND + "\n");
        assertThat(ask("OPTIONS", "*").status()).isEqualTo(404);
    }

    @Test
    void anExpectationOtherThan100Continue_is417() {
        RawHttp.Reply reply = ask("POST", "/autodiscover/autodiscover.xml", "Content-Length: 10", "Expect: something-else");
        assertThat(reply.status()).isEqualTo(417);
        assertThat(reply.body()).contains("100-continue");
    }
}
