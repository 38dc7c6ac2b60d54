package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mailautoconf.LogSettings;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** What requests put in the log: never an address, whatever the path's form; never a raw control character (issue 11). */
class RequestLogPrivacyHttpTest {

    /** Each reaches an endpoint that reads an address from the path, or is refused, and is logged. */
    private static final String[] ADDRESS_PATHS = {
        "/x/../mobileconfig/secret.person@polito.it",
        "//mobileconfig/secret.person@polito.it",
        "/./mobileconfig/secret.person@nowhere.example",
        "/x/../mobileconfig/secret.person@nowhere.example",
        "//mobileconfig/secret.person",
        "/%6dobileconfig/secret.person@nowhere.example",
        "/mobileconfig/secret.person%40nowhere.example",
        "//autodiscover/autodiscover.json/v1.0/secret.person@polito.it?Protocol=Nothing",
        "/a/../autodiscover/autodiscover.json/v1.0/secret.person@polito.it?Protocol=Nothing",
        "/no/such/secret.person@polito.it",
        "/no/such/secret.person%40polito.it",
        "/x/../mobileconfig/secret.person@polito.it%zz",
    };

    private static ServiceConfig config(boolean accessLog, LogSettings.ClientAddress client) {
        return ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED).withCacheBytes(1L << 20).withAccessLog(accessLog)
                .withLogging(new LogSettings(LogSettings.Format.PLAIN, LogSettings.Level.INFO, client));
    }

    private static RawHttp.Reply get(RunningService s, String target) {
        return RawHttp.exchange(s.port(), "GET " + target + " HTTP/1.1", "Host: autoconfig.polito.it", "Connection: close");
    }

    @Test
    void noAddressReachesTheLog_whateverFormThePathTakes_withOrWithoutTheAccessLog() throws Exception {
        for (boolean accessLog : new boolean[] {false, true}) {
            try (RunningService s = RunningService.start(config(accessLog, LogSettings.ClientAddress.FULL)); LogCapture log = new LogCapture()) {
                int errors = 0;
                for (String path : ADDRESS_PATHS) {
                    int status = get(s, path).status();
                    errors += status >= 400 ? 1 : 0;
                }
                int expected = accessLog ? ADDRESS_PATHS.length : errors;
                String logger = accessLog ? " access - " : " requests - ";
                assertThat(errors).as("requests answered with an error, each logged").isGreaterThan(4);
                // The address check first: on the old code it is what fails, whether or not every line came.
                try {
                    RunningService.await(Duration.ofSeconds(5), expected + " log lines", () -> log.lines(logger).size() >= expected);
                } finally {
                    assertThat(log.text()).as("access log " + accessLog).doesNotContain("secret.person");
                }
                assertThat(log.lines(logger)).anyMatch(l -> l.contains("/mobileconfig/…"));
            }
        }
    }

    @Test
    void controlCharactersFromTheRequestLine_areEscapedInEveryLoggedValue() throws Exception {
        // ESC, NUL, DEL, NEL in UTF-8 and as a lone byte, a C1 control, U+2028, a bidi override; raw and escaped.
        String raw = "/v1.1/\u001b[2J\u0000x\u007f\u00c2\u0085y\u0085\u009b\u00e2\u0080\u00a8\u00e2\u0080\u00ae";
        String escaped = "/v1.1/%1b[2J%00x%7f%c2%85y%e2%80%a8%e2%80%ae.example";
        try (RunningService s = RunningService.start(config(true, LogSettings.ClientAddress.FULL)); LogCapture log = new LogCapture()) {
            assertThat(get(s, raw).status()).isEqualTo(400);
            assertThat(get(s, escaped).status()).isEqualTo(400);
            RunningService.await(Duration.ofSeconds(5), "four log lines", () -> log.lines("/v1.1/").size() >= 4);
            String text = log.text();
            assertThat(text.lines()).hasSizeGreaterThanOrEqualTo(4);
            text.lines().forEach(line -> assertThat(line.codePoints().filter(RequestLogPrivacyHttpTest::unsafe).toArray())
                    .as("unescaped control characters in %s", line).isEmpty());
            assertThat(text).contains("\\x1b[2J\\x00x\\x7f");
            assertThat(text).contains("\\x85");
        }
    }

    @Test
    void inJsonLines_theEscapedValuesAreFields_andEachLineParses() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (RunningService s = RunningService.start(config(true, LogSettings.ClientAddress.NONE));
                LogCapture log = new LogCapture(LogSettings.Format.JSON)) {
            assertThat(get(s, "/v1.1/\u001b[2J\u0000x\u00c2\u0085").status()).isEqualTo(400);
            RunningService.await(Duration.ofSeconds(5), "two log lines", () -> log.lines("v1.1").size() >= 2);
            for (String line : log.lines("v1.1")) {
                var node = json.readTree(line);
                java.util.Map<String, String> fields = new java.util.HashMap<>();
                node.get("kvpList").forEach(pair -> pair.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText())));
                assertThat(fields).as(line).containsEntry("path", "/v1.1/\\x1b[2J\\x00x\u00c2\\x85").containsEntry("status", "400");
            }
        }
    }

    private static boolean unsafe(int c) {
        return Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR;
    }

    @Test
    void theAccessLog_namesTheClient_wholeTruncatedOrNotAtAll() throws Exception {
        for (var mode : LogSettings.ClientAddress.values()) {
            try (RunningService s = RunningService.start(config(true, mode)); LogCapture log = new LogCapture()) {
                assertThat(get(s, "/healthz").status()).isEqualTo(200);
                RunningService.await(Duration.ofSeconds(5), "the access-log line", () -> !log.lines(" access - ").isEmpty());
                String expected = switch (mode) {
                    case FULL -> "client=127.0.0.1";
                    case TRUNCATED -> "client=127.0.0.0";
                    case NONE -> "client=-";
                };
                assertThat(log.lines(" access - ")).singleElement().asString().endsWith(expected);
            }
        }
    }
}
