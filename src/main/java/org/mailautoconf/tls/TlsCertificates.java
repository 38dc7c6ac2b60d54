package org.mailautoconf.tls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mailautoconf.TlsSettings;
import org.mailautoconf.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The https certificates of a running service: those of {@code --tls-cert-dir}, checked for
 * changes every reload interval on a thread of their own, and those ACME keeps in its state
 * directory, renewed on another. Every change publishes one new set to the {@link SniKeyManager}.
 */
public final class TlsCertificates implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TlsCertificates.class);

    private final TlsSettings settings;
    private final Duration reloadInterval;
    private final Optional<String> publicHost;
    private final Consumer<Map<String, Instant>> expiries;
    private final SniKeyManager keyManager = new SniKeyManager();
    private final PendingChallenges challenges = new PendingChallenges();
    private final Optional<CertificateStore> files;
    private final Optional<AcmeState> acmeState;
    private final Optional<CertificateStore> acmeIssued;
    private final Optional<Renewals> renewals;
    private ScheduledExecutorService threads;

    /**
     * Reads the certificate directory and takes the ACME state directory's lock.
     *
     * @param registry the live registry, for the names ACME orders (read on the renewal thread)
     * @param expiries told the expiry of every certificate served, by label, after each change
     * @throws IllegalArgumentException when the ACME state directory is locked by another process
     * @throws IllegalArgumentException when {@code --acme-ca-file} cannot be read
     */
    public TlsCertificates(TlsSettings settings, Duration reloadInterval, Optional<String> publicHost,
                           Supplier<Optional<Registry>> registry, Consumer<Map<String, Instant>> expiries) {
        this.settings = settings;
        this.reloadInterval = reloadInterval;
        this.publicHost = publicHost;
        this.expiries = expiries;
        Clock clock = Clock.systemUTC();
        this.files = settings.certificateDir().map(d -> new CertificateStore(new CertificateDirectory(d), clock));
        this.acmeState = settings.acme().map(a -> AcmeState.open(a.stateDir()));
        this.acmeIssued = acmeState.map(s -> new CertificateStore(s.certificates(), clock));
        this.renewals = settings.acme().map(a -> {
            AcmeOrders orders = new AcmeOrders(a, acmeState.get(), challenges);
            return new Renewals(a, acmeState.get(), orders, acmeIssued.get(), registry, publicHost, clock, this::publish);
        });
        files.ifPresent(CertificateStore::load);
        acmeIssued.ifPresent(CertificateStore::load);
        publish();
        if (keyManager.current().all().isEmpty()) {
            LOG.warn("no usable https certificate yet: https handshakes fail until one is {}",
                    settings.acme().isPresent() ? "issued" : "in " + settings.certificateDir().orElseThrow());
        }
    }

    public SniKeyManager keyManager() {
        return keyManager;
    }

    public PendingChallenges challenges() {
        return challenges;
    }

    public TlsSettings settings() {
        return settings;
    }

    /** Starts watching the directory and, with ACME, ordering and renewing. */
    public synchronized void start() {
        threads = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "tls-certificates");
            t.setDaemon(true);
            return t;
        });
        files.ifPresent(f -> threads.scheduleWithFixedDelay(() -> {
            if (f.checkForChanges()) {
                publish();
            }
        }, reloadInterval.toMillis(), reloadInterval.toMillis(), TimeUnit.MILLISECONDS));
        renewals.ifPresent(r -> threads.scheduleWithFixedDelay(() -> {
            try {
                r.check();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("ACME: renewal check failed", e);
            }
        }, 0, settings.acme().orElseThrow().checkInterval().toMillis(), TimeUnit.MILLISECONDS));
    }

    private synchronized void publish() {
        List<CertifiedKey> all = new ArrayList<>();
        files.ifPresent(f -> all.addAll(f.certificates()));
        acmeIssued.ifPresent(a -> all.addAll(a.certificates()));
        CertificateSet set = new CertificateSet(all, publicHost);
        keyManager.publish(set);
        Map<String, Instant> byLabel = new LinkedHashMap<>();
        set.all().forEach(c -> byLabel.put(c.label(), c.notAfter()));
        expiries.accept(byLabel);
    }

    /**
     * Stops the threads, waiting up to 10 s for an order under way to give up, then lets go of
     * the state directory: its lock is held as long as anything may write there. Blocks.
     */
    @Override
    public synchronized void close() {
        if (threads != null) {
            threads.shutdownNow();
            try {
                if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                    LOG.warn("ACME: an order did not stop within 10 s of the service stopping");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        acmeState.ifPresent(AcmeState::close);
    }
}
