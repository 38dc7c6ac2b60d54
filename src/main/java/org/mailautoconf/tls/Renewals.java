package org.mailautoconf.tls;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.mailautoconf.TlsSettings;
import org.mailautoconf.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a certificate for every name the registry wants: orders names no certificate covers,
 * renews a certificate at two thirds of its lifetime (less a little jitter) for those of its
 * names still wanted, and lets certificates whose names all left the registry run out. A failed
 * order is retried after a wait that doubles each time; a name the CA could not validate waits
 * on its own, so it does not hold back the others. Runs on one thread, never an event loop.
 */
final class Renewals {

    private static final Logger LOG = LoggerFactory.getLogger(Renewals.class);
    private static final Duration MAX_WAIT = Duration.ofHours(6);

    private final TlsSettings.Acme settings;
    private final AcmeState state;
    private final AcmeOrders orders;
    private final CertificateStore issued;
    private final Supplier<Optional<Registry>> registry;
    private final Optional<String> publicHost;
    private final Clock clock;
    private final Runnable publish;

    private String registryVersion;
    private SortedSet<String> wanted = new TreeSet<>();
    private final Map<String, Instant> nameWaits = new HashMap<>();
    private final Map<String, Integer> nameFailures = new HashMap<>();
    private final Set<String> leftToExpire = new HashSet<>();
    private int failures;
    private Instant retryAt = Instant.MIN;

    Renewals(TlsSettings.Acme settings, AcmeState state, AcmeOrders orders, CertificateStore issued,
             Supplier<Optional<Registry>> registry, Optional<String> publicHost, Clock clock, Runnable publish) {
        this.settings = settings;
        this.state = state;
        this.orders = orders;
        this.issued = issued;
        this.registry = registry;
        this.publicHost = publicHost;
        this.clock = clock;
        this.publish = publish;
    }

    /** One pass; the renewal thread calls it every check interval. */
    void check() throws InterruptedException {
        Optional<Registry> r = registry.get();
        if (r.isEmpty()) {
            return;
        }
        if (!r.get().version().equals(registryVersion)) {
            registryVersion = r.get().version();
            wanted = AcmeNames.wanted(r.get(), publicHost);
            LOG.info("ACME: {} names wanted for registry {}", wanted.size(), registryVersion);
        }
        Instant now = clock.instant();
        if (now.isBefore(retryAt)) {
            return;
        }
        Set<String> covered = new HashSet<>();
        for (CertifiedKey c : issued.certificates()) {
            covered.addAll(c.names());
            if (now.isBefore(renewAt(c))) {
                continue;
            }
            List<String> keep = c.names().stream().filter(wanted::contains).filter(n -> !waiting(n, now)).toList();
            if (keep.isEmpty()) {
                if (leftToExpire.add(c.label())) {
                    LOG.info("ACME: certificate {} is not renewed: none of its names is wanted now; it runs out on {}", c.label(), c.notAfter());
                }
            } else if (!order(c.label(), keep, now)) {
                return;
            }
        }
        List<String> missing = wanted.stream().filter(n -> !covered.contains(n)).filter(n -> !waiting(n, now)).toList();
        for (List<String> group : AcmeNames.groups(missing)) {
            try {
                if (!order(state.newLabel(), group, now)) {
                    return;
                }
            } catch (IOException e) {
                LOG.error("ACME: the state directory cannot be listed ({})", e.getClass().getSimpleName());
                return;
            }
        }
    }

    /** Two thirds of the lifetime, less up to a thirtieth of it, the same each time for one certificate. */
    static Instant renewAt(CertifiedKey c) {
        Duration lifetime = Duration.between(c.notBefore(), c.notAfter());
        long jitter = Math.floorMod(c.leaf().getSerialNumber().hashCode(), 1000) * (lifetime.toMillis() / 30) / 1000;
        return c.notBefore().plus(lifetime.multipliedBy(2).dividedBy(3)).minusMillis(jitter);
    }

    private boolean waiting(String name, Instant now) {
        Instant until = nameWaits.get(name);
        return until != null && now.isBefore(until);
    }

    /** @return false when the CA failed as a whole (not one name): then the pass stops and waits */
    private boolean order(String label, List<String> names, Instant now) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            // Stopping: acme4j may have turned the interrupt into a network error and gone on.
            throw new InterruptedException();
        }
        try {
            AcmeOrders.Issued got = orders.order(names);
            state.write(label, got.chain(), got.key());
            issued.load();
            publish.run();
            failures = 0;
            names.forEach(n -> {
                nameWaits.remove(n);
                nameFailures.remove(n);
            });
            LOG.info("ACME: certificate {} issued for {}", label, CertificateStore.describe(names));
            return true;
        } catch (AcmeOrders.OrderFailed e) {
            if (!e.refused().isEmpty()) {
                // One wait for all the names refused together, so they are tried again together
                // (a domain's two names then still share a certificate).
                int count = e.refused().stream().mapToInt(n -> nameFailures.merge(n, 1, Integer::sum)).max().orElse(1);
                Instant until = now.plus(wait(count));
                e.refused().forEach(n -> nameWaits.put(n, until));
                LOG.warn("ACME: order for {} ({}) failed: {}; the names not validated are tried again in {} at the earliest, the others at once",
                        label, CertificateStore.describe(names), e.getMessage(), settings.retryAfter());
                return true;
            }
            failures++;
            Duration wait = wait(failures);
            retryAt = now.plus(wait);
            LOG.warn("ACME: order for {} ({}) failed: {}; trying again in {}", label, CertificateStore.describe(names), e.getMessage(), wait);
            return false;
        } catch (IOException e) {
            LOG.error("ACME: certificate {} cannot be written to the state directory ({}); trying again later", label, e.getMessage());
            failures++;
            retryAt = now.plus(wait(failures));
            return false;
        }
    }

    /** The retry wait after {@code count} failures: doubling, at most six hours, with a tenth of jitter. */
    private Duration wait(int count) {
        Duration base = settings.retryAfter().multipliedBy(1L << Math.min(count - 1, 20));
        Duration capped = base.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : base;
        return capped.plusMillis(ThreadLocalRandom.current().nextLong(capped.toMillis() / 10 + 1));
    }
}
