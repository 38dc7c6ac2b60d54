package org.mailautoconf.mx;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;
import org.mailautoconf.HosterSettings;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.testing.HosterZones;
import org.mailautoconf.testing.NamedServer;

/** Each kind of MX answer, from BIND's named on loopback, read and kept as hoster mode defines. */
class MxLookupsTest {

    @TempDir
    static Path dir;
    static NamedServer named;

    @BeforeAll
    static void startNamed() throws Exception {
        named = HosterZones.start(dir);
    }

    @AfterAll
    static void stopNamed() {
        named.close();
    }

    static HosterSettings settings(HostPort server, Duration timeout) {
        return new HosterSettings(List.of(server), timeout, Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(5),
                1000, 1000, 0, 1);
    }

    static MxLookups lookups() {
        return new MxLookups(settings(new HostPort("127.0.0.1", named.port()), Duration.ofSeconds(2)), ForkJoinPool.commonPool());
    }

    static MxAnswer ask(MxLookups l, String domain) {
        return l.resolve(DomainName.parse(domain)).join();
    }

    @Test
    void hosts_inPreferenceOrder_withTheirTtl() {
        MxAnswer a = ask(lookups(), "second.customers.test");
        assertThat(a.outcome()).isEqualTo(MxAnswer.Outcome.HOSTS);
        assertThat(a.hosts()).extracting(DomainName::ascii).containsExactly("mail.elsewhere.example", "mail.hoster.example");
        assertThat(a.ttl()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aCnameAtTheDomain_isFollowedToItsMx() {
        MxAnswer a = ask(lookups(), "aliased.customers.test");
        assertThat(a.outcome()).isEqualTo(MxAnswer.Outcome.HOSTS);
        assertThat(a.hosts()).extracting(DomainName::ascii).containsExactly("mx1.mx.hoster.example", "backup.elsewhere.example");
    }

    @Test
    void anMxNamingAnAlias_isTakenAsWritten() {
        // RFC 2181 10.3: an MX must not name an alias; the name written is what a provider's mx: must match.
        MxAnswer a = ask(lookups(), "mxalias.customers.test");
        assertThat(a.hosts()).extracting(DomainName::ascii).containsExactly("alias.customers.test");
    }

    @Test
    void nullMx_noMx_nxdomain_servfail_eachTheirOutcome() {
        MxLookups l = lookups();
        assertThat(ask(l, "nullmx.customers.test").outcome()).isEqualTo(MxAnswer.Outcome.NULL_MX);
        MxAnswer noMx = ask(l, "nomx.customers.test");
        assertThat(noMx.outcome()).isEqualTo(MxAnswer.Outcome.NO_MX);
        assertThat(noMx.ttl()).as("the SOA minimum (RFC 2308)").isEqualTo(Duration.ofSeconds(60));
        assertThat(ask(l, "gone.customers.test").outcome()).isEqualTo(MxAnswer.Outcome.NXDOMAIN);
        assertThat(ask(l, "any.broken.test").outcome()).as(named.log()).isEqualTo(MxAnswer.Outcome.SERVFAIL);
        assertThat(l.count(MxAnswer.Outcome.NXDOMAIN)).isEqualTo(1);
        assertThat(l.count(MxAnswer.Outcome.SERVFAIL)).isEqualTo(1);
    }

    @Test
    void kept_oneQueryPerDomain_howeverManyAsk() {
        MxLookups l = lookups();
        DomainName d = DomainName.parse("matched.customers.test");
        assertThat(l.settled(d)).isNull();
        List<CompletableFuture<MxAnswer>> asks = java.util.stream.IntStream.range(0, 50).mapToObj(i -> l.resolve(d)).toList();
        asks.forEach(CompletableFuture::join);
        assertThat(l.count(MxAnswer.Outcome.HOSTS)).isEqualTo(1);
        assertThat(l.settled(d)).isSameAs(asks.get(0).join());
        assertThat(l.cacheHits()).isEqualTo(1);
    }

    @Test
    void aTtlBelowTheLowerBound_isKeptForTheBound() throws InterruptedException {
        MxLookups l = lookups();
        DomainName shortTtl = DomainName.parse("shortttl.customers.test");
        assertThat(l.resolve(shortTtl).join().ttl()).isEqualTo(Duration.ofSeconds(1));
        // TTL 1 s, kept for the 10 s lower bound: still there after the record's own TTL.
        Thread.sleep(1500);
        assertThat(l.settled(shortTtl)).isNotNull();
    }

    @Test
    void aServerThatNeverAnswers_timesOutWithinTheTimeout() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            MxLookups l = new MxLookups(settings(new HostPort("127.0.0.1", silent.getLocalPort()), Duration.ofMillis(500)),
                    ForkJoinPool.commonPool());
            long start = System.nanoTime();
            MxAnswer a = ask(l, "matched.customers.test");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(a.outcome()).isEqualTo(MxAnswer.Outcome.TIMEOUT);
            assertThat(tookMillis).isLessThan(1500);
            assertThat(l.inFlight()).isZero();
        }
    }

    @Test
    void overTheGlobalCap_limitedWithoutAsking() {
        MxLookups l = new MxLookups(new HosterSettings(List.of(new HostPort("127.0.0.1", named.port())), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(5), 1000, 3, 0, 1), ForkJoinPool.commonPool());
        long limited = java.util.stream.IntStream.range(0, 10)
                .mapToObj(i -> l.resolve(DomainName.parse("n" + i + ".customers.test")).join())
                .filter(a -> a.outcome() == MxAnswer.Outcome.LIMITED).count();
        assertThat(limited).isEqualTo(7);
        assertThat(l.count(MxAnswer.Outcome.NXDOMAIN)).isEqualTo(3);
    }
}
