package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.HosterSettings;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.HosterZones;
import org.mailautoconf.testing.NamedServer;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.SigningSetup;
import org.mailautoconf.testing.TestPki;

/**
 * Hoster mode over HTTP: a provider file with {@code mx:} and no domains, customers' MX records
 * in BIND's named on loopback; each kind of MX answer gives its defined answer.
 */
class HosterModeHttpTest {

    @TempDir
    static Path dir;
    static NamedServer named;
    static ServiceConfig config;

    @BeforeAll
    static void setUp() throws Exception {
        named = HosterZones.start(Files.createDirectories(dir.resolve("named")));
        Path providers = HosterZones.providers(dir.resolve("providers.d"));
        config = ServiceConfig.defaults().withPort(0).withProvidersDir(providers).withHoster(settings(named.port(), 1000, 0, 10_000));
    }

    @AfterAll
    static void stopNamed() {
        named.close();
    }

    static HosterSettings settings(int dnsPort, int perSecond, int clientPerMinute, int entries) {
        return new HosterSettings(List.of(new HostPort("127.0.0.1", dnsPort)), Duration.ofSeconds(2), Duration.ofSeconds(60),
                Duration.ofHours(1), Duration.ofSeconds(30), entries, perSecond, clientPerMinute, Math.max(1, clientPerMinute));
    }

    static HttpResponse<byte[]> autoconfig(RunningService s, String address) {
        return s.get("/mail/config-v1.1.xml?emailaddress=" + address.replace("@", "%40"));
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aDomainWhoseMxIsTheHosters_getsItsSettings_withTheDomainFilledIn() throws Exception {
        try (RunningService s = RunningService.start(config)) {
            HttpResponse<byte[]> r = autoconfig(s, "ann@matched.customers.test");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(text(r)).contains("<hostname>imap.matched.customers.test</hostname>").contains("smtp.hoster.example");
            assertThat(autoconfig(s, "bob@second.customers.test").statusCode()).as("matched by its second MX").isEqualTo(200);
            assertThat(autoconfig(s, "cy@aliased.customers.test").statusCode()).as("the domain a CNAME").isEqualTo(200);
            HttpResponse<byte[]> pox = s.post("/autodiscover/autodiscover.xml", """
                    <?xml version="1.0" encoding="utf-8"?>
                    <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006">
                      <Request><EMailAddress>dee@matched.customers.test</EMailAddress>
                      <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                      </Request></Autodiscover>""", "Content-Type", "text/xml");
            assertThat(text(pox)).contains("imap.matched.customers.test");
            String metrics = text(s.get("/metrics"));
            assertThat(metrics).contains("mailautoconf_mx_lookups_total{outcome=\"hosts\"} 3.0")
                    .doesNotContain("customers.test");
        }
    }

    @Test
    void noMatch_nullMx_noMx_nxdomain_servfail_areUnknownDomains() throws Exception {
        try (RunningService s = RunningService.start(config)) {
            for (String domain : List.of("unmatched", "mxalias", "nullmx", "nomx", "gone")) {
                assertThat(autoconfig(s, "x@" + domain + ".customers.test").statusCode()).as(domain).isEqualTo(404);
            }
            assertThat(autoconfig(s, "x@a.broken.test").statusCode()).isEqualTo(404);
            assertThat(text(s.get("/metrics"))).contains("mailautoconf_mx_lookups_total{outcome=\"servfail\"} 1.0")
                    .contains("mailautoconf_mx_lookups_total{outcome=\"nxdomain\"} 1.0")
                    .contains("mailautoconf_mx_lookups_total{outcome=\"null_mx\"} 1.0");
        }
    }

    @Test
    void withADefaultProvider_anUnmatchedDomainGetsIt_unsigned_whileAnMxVerifiedOneIsSigned() throws Exception {
        TestPki.Issued root = TestPki.rootCa("Test Root");
        ProfileSigning signing = SigningSetup.signing(Files.createDirectories(dir.resolve("keys")),
                TestPki.signer("Test Profile Signer", TestPki.rsa(), root), root);
        try (RunningService s = RunningService.start(config.withDefaultProvider(Optional.of("hoster"))
                .withProfileSigning(Optional.of(signing)))) {
            assertThat(text(autoconfig(s, "x@unmatched.customers.test"))).contains("mail.unmatched.customers.test");
            HttpResponse<byte[]> verified = s.get("/mobileconfig/ann@matched.customers.test");
            assertThat(verified.statusCode()).isEqualTo(200);
            assertThat(new CMSSignedData(verified.body()).getSignerInfos().size()).isEqualTo(1);
            HttpResponse<byte[]> unverified = s.get("/mobileconfig/x@nomx.customers.test");
            assertThat(unverified.statusCode()).isEqualTo(200);
            assertThat(text(unverified)).startsWith("<?xml").contains("mail.nomx.customers.test");
        }
    }

    @Test
    void aStoppedDnsServer_answersWithinTheTimeout_keptAnswersStillServed() throws Exception {
        NamedServer own = HosterZones.start(Files.createDirectories(dir.resolve("named-stopped")));
        try (RunningService s = RunningService.start(config.withHoster(settings(own.port(), 1000, 0, 1000)))) {
            assertThat(autoconfig(s, "a@matched.customers.test").statusCode()).isEqualTo(200);
            own.close();
            long start = System.nanoTime();
            assertThat(autoconfig(s, "a@second.customers.test").statusCode()).isEqualTo(404);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3000));
            assertThat(autoconfig(s, "b@matched.customers.test").statusCode()).as("kept for its TTL").isEqualTo(200);
            assertThat(text(s.get("/metrics"))).containsPattern("mailautoconf_mx_lookups_total\\{outcome=\"(timeout|error)\"} 1.0");
        } finally {
            own.close();
        }
    }

    @Test
    void aClientOverItsBudget_429_listedAndKeptDomainsStillAnswered() throws Exception {
        try (RunningService s = RunningService.start(config.withHoster(settings(named.port(), 1000, 3, 1000)))) {
            assertThat(autoconfig(s, "a@matched.customers.test").statusCode()).isEqualTo(200);
            assertThat(autoconfig(s, "a@unmatched.customers.test").statusCode()).isEqualTo(404);
            assertThat(autoconfig(s, "a@nomx.customers.test").statusCode()).isEqualTo(404);

            HttpResponse<byte[]> over = autoconfig(s, "a@second.customers.test");

            assertThat(over.statusCode()).isEqualTo(429);
            assertThat(over.headers().firstValue("Retry-After")).isPresent();
            assertThat(autoconfig(s, "b@matched.customers.test").statusCode()).as("kept: no budget taken").isEqualTo(200);
            assertThat(autoconfig(s, "b@hoster.example").statusCode()).as("listed: no budget taken").isEqualTo(200);
        }
    }

    @Test
    void aFloodOfRandomDomains_staysWithinTheLookupRateAndTheCacheBound_whileOthersAreAnswered() throws Exception {
        int perSecond = 20;
        int entries = 50;
        try (RunningService s = RunningService.start(config.withHoster(settings(named.port(), perSecond, 0, entries)))) {
            assertThat(autoconfig(s, "a@matched.customers.test").statusCode()).isEqualTo(200);
            java.util.Map<Integer, java.util.concurrent.atomic.AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.ExecutorService flood = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.SplittableRandom random = new java.util.SplittableRandom(16);
            long start = System.nanoTime();
            for (int c = 0; c < 4; c++) {
                String prefix = "f" + c + Long.toHexString(random.nextLong());
                flood.execute(() -> {
                    int n;
                    while (!stop.get() && (n = sent.incrementAndGet()) <= 1_500) {
                        int status = autoconfig(s, "x@" + prefix + n + ".customers.test").statusCode();
                        statuses.computeIfAbsent(status, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    }
                });
            }
            try {
                // Bounded: 3 s of flood at most, normal requests timed meanwhile.
                long deadline = start + Duration.ofSeconds(3).toNanos();
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    assertThat(autoconfig(s, "n@hoster.example").statusCode()).isEqualTo(200);
                    assertThat(autoconfig(s, "n@matched.customers.test").statusCode()).isEqualTo(200);
                    assertThat(Duration.ofNanos(System.nanoTime() - t)).as("two normal requests during the flood").isLessThan(Duration.ofSeconds(1));
                }
            } finally {
                stop.set(true);
                flood.shutdown();
                assertThat(flood.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            String metrics = text(s.get("/metrics"));
            long asked = 0;
            for (String outcome : List.of("hosts", "null_mx", "no_mx", "nxdomain", "servfail", "timeout", "error")) {
                asked += (long) value(metrics, "mailautoconf_mx_lookups_total{outcome=\"" + outcome + "\"}");
            }
            assertThat(statuses.keySet()).as("%s", statuses).isSubsetOf(List.of(404, 503));
            assertThat(statuses.get(503)).as("over the rate: %s", statuses).isNotNull();
            assertThat(asked).as("DNS queries in %.1f s at %d/s with a burst of %d", seconds, perSecond, perSecond)
                    .isLessThanOrEqualTo((long) Math.ceil(perSecond * seconds) + perSecond);
            RunningService.await(Duration.ofSeconds(5), "the MX cache back within its bound",
                    () -> value(text(s.get("/metrics")), "mailautoconf_mx_cache_entries") <= entries);
        }
    }

    private static double value(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).strip());
            }
        }
        throw new AssertionError("no " + name + " in /metrics");
    }
}
