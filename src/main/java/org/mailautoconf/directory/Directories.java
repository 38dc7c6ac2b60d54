package org.mailautoconf.directory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.mailautoconf.registry.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured directories of one directories file, with their own worker threads (blocking
 * LDAP and JDBC calls never run on a caller's thread, nor on an event loop), a time limit per
 * lookup and a per-address cache of what they said (an unknown address is cached the same way,
 * so it costs the same). A reload builds a new instance and closes the old one: its cache goes
 * with it. {@link #resolve} never fails: a slow, down or busy directory resolves to a
 * {@link Resolution} that says so, and the caller answers from the provider file's templates.
 */
public final class Directories implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    /** How one resolution ended; each is counted (docs/metrics.md). */
    public enum Outcome { FOUND, UNKNOWN, CACHED, TIMEOUT, ERROR, BUSY, NO_SOURCE }

    public record Resolution(Outcome outcome, DirectoryEntry entry) {
        public boolean fromDirectory() {
            return entry.found();
        }

        /**
         * Whether the directory (or its cache) said this: found or not. Otherwise (slow, down,
         * busy, not connected yet) the template answer stands in for one the directory may yet
         * give, and must not be kept as long as a real one.
         */
        public boolean answered() {
            return outcome == Outcome.FOUND || outcome == Outcome.UNKNOWN || outcome == Outcome.CACHED;
        }
    }

    /** Whether a source is connected, as its first connect attempt and its last lookup found it. */
    public enum State { CONNECTING, UP, DOWN }

    /** How long a source's first connect attempt may hold back readiness (docs/directories.md). */
    public static final Duration CONNECT_LIMIT = Duration.ofSeconds(10);

    private record Key(String source, String address) {}

    private final DirectorySettings settings;
    private final Map<String, DirectorySource> sources;
    private final ThreadPoolExecutor workers;
    private final Cache<Key, DirectoryEntry> cache;
    private final Map<Outcome, LongAdder> counts = new EnumMap<>(Outcome.class);
    private final CompletableFuture<Void> ready;
    private final Map<String, AtomicReference<State>> states;

    private Directories(DirectorySettings settings, Map<String, DirectorySource> sources) {
        this.settings = settings;
        this.sources = sources;
        int threads = Math.max(1, sources.size() * 2);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "directory-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.workers.allowCoreThreadTimeOut(true);
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.cacheFor()).maximumSize(100_000).build();
        for (Outcome o : Outcome.values()) {
            counts.put(o, new LongAdder());
        }
        Map<String, AtomicReference<State>> st = new LinkedHashMap<>();
        sources.keySet().forEach(name -> st.put(name, new AtomicReference<>(State.CONNECTING)));
        this.states = Collections.unmodifiableMap(st);
        // Bounded: a connect attempt that outlasts the limit leaves the source "down" for readiness.
        this.ready = CompletableFuture.allOf(sources.entrySet().stream()
                .map(e -> CompletableFuture.runAsync(() -> warm(e.getKey(), e.getValue()), workers)
                        .completeOnTimeout(null, CONNECT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                        .handle((v, t) -> states.get(e.getKey()).compareAndSet(State.CONNECTING, State.DOWN)))
                .toArray(CompletableFuture[]::new));
    }

    private void warm(String name, DirectorySource source) {
        try {
            source.warm();
            states.get(name).set(State.UP);
        } catch (DirectoryException e) {
            states.get(name).set(State.DOWN);
            LOG.warn("directory not reachable yet, answers use the templates until it is: {}", e.getMessage());
        } catch (RuntimeException e) {
            states.get(name).set(State.DOWN);
            LOG.warn("directory {} not reachable yet: {}", name, e.getClass().getSimpleName());
        }
    }

    /** Each source's state, by name, in the file's order. */
    public Map<String, State> states() {
        Map<String, State> now = new LinkedHashMap<>();
        states.forEach((name, s) -> now.put(name, s.get()));
        return now;
    }

    /**
     * Completes when every source has connected once, failed to, or run out of
     * {@link #CONNECT_LIMIT}; never exceptionally.
     */
    public CompletableFuture<Void> ready() {
        return ready;
    }

    public static Directories open(DirectorySettings settings) {
        Map<String, DirectorySource> sources = new LinkedHashMap<>();
        settings.sources().forEach((name, s) -> sources.put(name, s instanceof SourceSettings.Ldap l
                ? new LdapSource(l, settings.timeout())
                : new SqlSource((SourceSettings.Sql) s, settings.timeout())));
        return new Directories(settings, Map.copyOf(sources));
    }

    public static Directories none() {
        return open(DirectorySettings.NONE);
    }

    public DirectorySettings settings() {
        return settings;
    }

    /** True without a directories file: then no request pays for a directory. */
    public boolean isEmpty() {
        return sources.isEmpty();
    }

    public boolean has(String source) {
        return sources.containsKey(source);
    }

    /** What the cache holds for this address, without asking the directory. */
    public Optional<Resolution> cached(String source, EmailAddress address) {
        DirectoryEntry e = cache.getIfPresent(new Key(source, address.toString()));
        if (e == null) {
            return Optional.empty();
        }
        count(Outcome.CACHED);
        return Optional.of(new Resolution(Outcome.CACHED, e));
    }

    /** Asks the directory (or the cache); completes within the timeout, never exceptionally. */
    public CompletableFuture<Resolution> resolve(String source, EmailAddress address) {
        Optional<Resolution> hit = cached(source, address);
        if (hit.isPresent()) {
            return CompletableFuture.completedFuture(hit.get());
        }
        DirectorySource s = sources.get(source);
        if (s == null) {
            return CompletableFuture.completedFuture(counted(Outcome.NO_SOURCE));
        }
        CompletableFuture<Resolution> f;
        try {
            f = CompletableFuture.supplyAsync(() -> ask(s, source, address), workers);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(counted(Outcome.BUSY));
        }
        return f.completeOnTimeout(null, settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(r -> r != null ? r : counted(Outcome.TIMEOUT));
    }

    private Resolution ask(DirectorySource s, String source, EmailAddress address) {
        try {
            DirectoryEntry e = s.lookup(address);
            states.get(source).set(State.UP);
            cache.put(new Key(source, address.toString()), e);
            Outcome o = e.found() ? Outcome.FOUND : Outcome.UNKNOWN;
            count(o);
            return new Resolution(o, e);
        } catch (DirectoryException e) {
            // The message names the source and the failure, never the address or a value.
            LOG.warn("directory lookup failed: {}", e.getMessage());
            states.get(source).set(State.DOWN);
            return counted(Outcome.ERROR);
        } catch (RuntimeException e) {
            LOG.warn("directory lookup failed: source {}: {}", source, e.getClass().getSimpleName());
            states.get(source).set(State.DOWN);
            return counted(Outcome.ERROR);
        }
    }

    private Resolution counted(Outcome o) {
        count(o);
        return new Resolution(o, DirectoryEntry.UNKNOWN);
    }

    private void count(Outcome o) {
        counts.get(o).increment();
    }

    /** How many resolutions ended each way since this instance was opened. */
    public long total(Outcome o) {
        return counts.get(o).sum();
    }

    @Override
    public void close() {
        workers.shutdownNow();
        sources.values().forEach(DirectorySource::close);
        cache.invalidateAll();
    }
}
