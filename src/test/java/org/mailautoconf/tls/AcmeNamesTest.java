package org.mailautoconf.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.TestPki;

/** Which names ACME orders, how they are grouped, and when a certificate is renewed. */
class AcmeNamesTest {

    @Test
    void theNamesOfEveryListedDomain_andThePublicHost_neverAPattern(@TempDir Path dir) {
        Registries.write(dir, "a.yaml", """
                id: a
                name: A
                domains: [a.example, "*.hosted.example", bücher.example]
                incoming: [{type: imap, hostname: imap.a.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.a.example, port: 465, security: tls}]
                """);
        assertThat(AcmeNames.wanted(Registries.load(dir), Optional.of("Mail.A.Example"))).containsExactly(
                "autoconfig.a.example", "autoconfig.xn--bcher-kva.example", "autodiscover.a.example",
                "autodiscover.xn--bcher-kva.example", "mail.a.example");
    }

    @Test
    void groups_holdAtMostAHundredNames_inSortedOrder() {
        List<String> names = new ArrayList<>();
        IntStream.range(0, 125).forEach(i -> {
            names.add("autoconfig.d" + (1000 + i) + ".example");
            names.add("autodiscover.d" + (1000 + i) + ".example");
        });
        List<List<String>> groups = AcmeNames.groups(names);
        assertThat(groups).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(groups.get(0).get(0)).isEqualTo("autoconfig.d1000.example");
        assertThat(groups.stream().flatMap(List::stream).toList()).hasSize(250).doesNotHaveDuplicates();
    }

    @Test
    void renewal_atTwoThirdsOfTheLifetime_lessAtMostAThirtieth() {
        TestPki.Issued ca = TestPki.rootCa("renewal test CA");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 20; i++) {
            TestPki.Issued leaf = TestCertificates.server(ca, start, start.plus(Duration.ofDays(90)), "autoconfig.a.example");
            CertifiedKey c = new CertifiedKey("acme-1", List.of(leaf.certificate()), leaf.keys().getPrivate(), List.of("autoconfig.a.example"));
            assertThat(Renewals.renewAt(c)).isBetween(start.plus(Duration.ofDays(57)), start.plus(Duration.ofDays(60)));
        }
    }
}
