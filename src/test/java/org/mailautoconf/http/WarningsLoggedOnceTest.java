package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** A reload logs the warnings and notes of files that did not change no more: they were logged at the load before. */
class WarningsLoggedOnceTest {

    private static int count(String text, String line) {
        Matcher m = Pattern.compile(Pattern.quote(line)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void theWarningsOfUnchangedFiles_areLoggedAtTheFirstLoadOnly(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        ServiceConfig config = ServiceConfig.defaults().withPort(0).withProvidersDir(dir).withReloadInterval(Duration.ofMillis(50))
                .withCacheBytes(1L << 20);
        // halnet.yaml has no CA certificate file here; unimi.yaml's IMAP host is an assumption.
        String warning = "halnet.yaml:53:9: warning: caCertificate.file: no certificate at";
        String note = "unimi.yaml:29:12: note: incoming[0].hostname: assumed value to confirm";
        try (LogCapture log = new LogCapture(); RunningService s = RunningService.start(config)) {
            assertThat(count(log.text(), warning)).isEqualTo(1);
            assertThat(count(log.text(), note)).isEqualTo(1);

            Registries.write(dir, "new.yaml", """
                    id: new
                    name: New
                    domains: [new.example]
                    incoming: [{type: imap, hostname: imap.new.example, port: 993, security: tls}]
                    outgoing: [{type: smtp, hostname: smtp.new.example, port: 465, security: tls, login: askUser}]
                    """);
            RunningService.await(Duration.ofSeconds(15), "the reload", () -> s.get("/v1.1/new.example").statusCode() == 200);
            // The count line comes after the "5 providers" line: wait for the last line the reload writes.
            RunningService.await(Duration.ofSeconds(5), "the reload's log", () -> log.text().contains("5 providers")
                    && log.text().contains("are not repeated"));

            String text = log.text();
            assertThat(count(text, "loaded from")).as("a first load and a reload").isGreaterThanOrEqualTo(2);
            assertThat(count(text, warning)).as(text).isEqualTo(1);
            assertThat(count(text, note)).as(text).isEqualTo(1);
            assertThat(text).contains("11 warnings and notes of files already logged at an earlier load are not repeated");
            // The new file's own warning is new, so it is logged.
            assertThat(count(text, "new.yaml:5:12: warning: outgoing[0].login")).as(text).isEqualTo(1);
        }
    }
}
