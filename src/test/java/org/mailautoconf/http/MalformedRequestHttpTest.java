package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** Malformed request heads get a 400 and one log line, never a stack trace, a 500 or silence (issue 11). */
class MalformedRequestHttpTest {

    private static RunningService service;

    @BeforeAll
    static void start() {
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    private static RawHttp.Reply get(String target, String... headers) {
        String[] lines = new String[headers.length + 2];
        lines[0] = "GET " + target + " HTTP/1.1";
        System.arraycopy(headers, 0, lines, 1, headers.length);
        lines[lines.length - 1] = "Connection: close";
        return RawHttp.exchange(service.port(), lines);
    }

    /** The log of one request: it must say why in one line and carry no stack trace. */
    private static void assertOneLineWithoutTrace(LogCapture log, String requestLine) {
        RunningService.await(Duration.ofSeconds(5), "the log line of " + requestLine, () -> !log.lines(" -> 400: ").isEmpty());
        assertThat(log.lines(" -> 400: ")).as(requestLine).hasSize(1);
        assertThat(log.text()).as(requestLine).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("ERROR");
    }

    @Test
    void badPercentEscapes_inPathOrQuery_are400_withOneLogLineAndNoStackTrace() {
        for (String target : new String[] {"/%zz", "/?x=%", "/mail/config-v1.1.xml?emailaddress=%", "/%6", "/mobileconfig/a%zz@polito.it",
                "/autodiscover/autodiscover.json?Email=a%4@polito.it&Protocol=ActiveSync", "/v1.1/polito.it%"}) {
            try (LogCapture log = new LogCapture()) {
                RawHttp.Reply reply = get(target, "Host: autoconfig.polito.it");
                assertThat(reply.status()).as(target).isEqualTo(400);
                assertOneLineWithoutTrace(log, target);
            }
        }
    }

    @Test
    void theSetupPage_answers400_notA500_toABadEscapeInItsQuery() {
        try (LogCapture log = new LogCapture()) {
            RawHttp.Reply reply = get("/?emailaddress=mario%zzrossi", "Host: autoconfig.polito.it");
            assertThat(reply.status()).isEqualTo(400);
            assertOneLineWithoutTrace(log, "setup page");
        }
    }

    @Test
    void aPercentSignInHost_isAnswered400_ratherThanLeftHanging() {
        for (String host : new String[] {"a%41", "autoconfig.polito.it%", "%", "autoconfig%2epolito.it:80", "[::1%25lo]"}) {
            try (LogCapture log = new LogCapture()) {
                RawHttp.Reply reply = RawHttp.exchange(service.port(), Duration.ofSeconds(3), "GET /healthz HTTP/1.1", "Host: " + host,
                        "Connection: close");
                assertThat(reply.timedOut()).as("no answer to Host: " + host).isFalse();
                assertThat(reply.status()).as(host).isEqualTo(400);
                assertOneLineWithoutTrace(log, host);
            }
        }
    }

    @Test
    void twoHostHeaders_are400_asRfc9112Requires() {
        RawHttp.Reply reply = get("/mail/config-v1.1.xml", "Host: autoconfig.polito.it", "Host: autoconfig.unimi.it");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("one Host header");
        assertThat(get("/mail/config-v1.1.xml", "Host: autoconfig.polito.it", "host: autoconfig.polito.it").status()).isEqualTo(400);
    }

    @Test
    void noHostHeader_is400_withOneLineOfOurs() {
        try (LogCapture log = new LogCapture()) {
            RawHttp.Reply reply = RawHttp.exchange(service.port(), "GET /mail/config-v1.1.xml HTTP/1.1", "Connection: close");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.body()).contains("Host header");
            assertOneLineWithoutTrace(log, "no Host");
        }
    }

    @Test
    void anAbsoluteFormTarget_namesTheHost_andHostIsIgnored() {
        RawHttp.Reply reply = get("http://autoconfig.polito.it/mail/config-v1.1.xml", "Host: autoconfig.unimi.it");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).contains("<domain>polito.it</domain>").doesNotContain("unimi.it");
        // The scheme is case-insensitive, and a port may follow the host.
        assertThat(get("HTTP://autoconfig.unimi.it:8080/mail/config-v1.1.xml", "Host: autoconfig.polito.it").body())
                .contains("<domain>unimi.it</domain>");
        assertThat(get("http://autoconfig.pol%69to.it/mail/config-v1.1.xml", "Host: autoconfig.polito.it").status()).isEqualTo(400);
        assertThat(get("http://user@autoconfig.polito.it/mail/config-v1.1.xml", "Host: autoconfig.polito.it").status()).isEqualTo(400);
    }
}
