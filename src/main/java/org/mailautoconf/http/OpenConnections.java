package org.mailautoconf.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.mailautoconf.ConnectionLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one listener over all its event loops, and the cap on them. When fewer
 * than {@link ConnectionLimits#reserve()} are free, the connections that have waited longest
 * for their client are closed: idle keep-alive ones, silent ones, ones sending a head or a body
 * slowly; a request whose body is in is never cut. A normal client sends its request as soon
 * as it connects, so it is the last one such a choice would close.
 */
final class OpenConnections {

    private static final Logger LOG = LoggerFactory.getLogger(OpenConnections.class);
    /** Descriptors the process keeps for itself beyond those open at start: jars, provider files, inotify, epoll. */
    private static final int FILE_HEADROOM = 64;

    private final ConnectionLimits limits;
    private final Set<TrackedConnection> all = ConcurrentHashMap.newKeySet();
    /** Open and not yet being closed. */
    private final AtomicInteger counted = new AtomicInteger();
    private final AtomicBoolean shedding = new AtomicBoolean();
    private final Counter shed;
    private final Counter idleTimeouts;
    private final Counter requestTimeouts;

    OpenConnections(ConnectionLimits limits, MeterRegistry registry, String listener) {
        this.limits = limits;
        Gauge.builder("mailautoconf_connections_open", counted, AtomicInteger::get).tag("listener", listener)
                .description("Open connections of a listener").register(registry);
        this.shed = closed(registry, listener, "shed");
        this.idleTimeouts = closed(registry, listener, "idle_timeout");
        this.requestTimeouts = closed(registry, listener, "request_timeout");
        // Every class the choice uses, loaded now: it runs when descriptors are short, and a
        // class read from a directory needs one (a class that failed to load stays failed).
        longestWaiting(1, System.nanoTime());
    }

    private static Counter closed(MeterRegistry registry, String listener, String reason) {
        return Counter.builder("mailautoconf_connections_closed").tag("listener", listener).tag("reason", reason)
                .description("Connections the service closed before the client did, by reason").register(registry);
    }

    ConnectionLimits limits() {
        return limits;
    }

    /**
     * The limits with the cap lowered to what the process's file limit leaves: beyond it the
     * kernel refuses every accept, and no client at all would be answered.
     */
    static ConnectionLimits withinFileLimit(ConnectionLimits wanted) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean os)) {
            return wanted;
        }
        long room = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount() - FILE_HEADROOM;
        if (room >= wanted.maxConnections()) {
            return wanted;
        }
        int cap = (int) Math.max(2, room);
        LOG.warn("--max-connections {} is more than the file limit of the process allows ({} descriptors); keeping at most {} open."
                + " Raise the limit (LimitNOFILE=, ulimit -n) to allow more", wanted.maxConnections(), os.getMaxFileDescriptorCount(), cap);
        return wanted.withMaxConnections(cap);
    }

    void opened(TrackedConnection c) {
        all.add(c);
        int now = counted.incrementAndGet();
        if (now > limits.maxConnections() - limits.reserve()) {
            shed(c.since);
        }
    }

    void closed(TrackedConnection c) {
        all.remove(c);
        if (c.uncount()) {
            counted.decrementAndGet();
        }
    }

    void idleTimeout(TrackedConnection c) {
        if (close(c)) {
            idleTimeouts.increment();
        }
    }

    void requestTimeout(TrackedConnection c) {
        if (close(c)) {
            requestTimeouts.increment();
        }
    }

    /** Asks for the close on the connection's own event loop; false when it was already asked for. */
    boolean close(TrackedConnection c) {
        synchronized (c) {
            if (c.closing) {
                return false;
            }
            c.closing = true;
        }
        if (c.uncount()) {
            counted.decrementAndGet();
        }
        c.close();
        return true;
    }

    /**
     * Closes enough connections to free two reserves, the longest-waiting ones first. One caller
     * at a time; the others go on, the one running frees enough.
     */
    private void shed(long now) {
        if (!shedding.compareAndSet(false, true)) {
            return;
        }
        try {
            int excess = counted.get() - (limits.maxConnections() - 2 * limits.reserve());
            if (excess <= 0) {
                return;
            }
            int closedNow = 0;
            for (TrackedConnection c : longestWaiting(excess, now)) {
                if (close(c)) {
                    closedNow++;
                }
            }
            shed.increment(closedNow);
            LOG.debug("{} connections open: closed the {} that waited longest", counted.get() + closedNow, closedNow);
        } finally {
            shedding.set(false);
        }
    }

    /**
     * Up to {@code count} connections to close: those that have waited longest for their client,
     * for a request head or for the rest of a body. A new connection has waited least, so a new
     * client is served before a slow one, whichever way the slow ones are slow.
     */
    private List<TrackedConnection> longestWaiting(int count, long now) {
        // The times are copied first: a connection's own loop may change them during the sort.
        List<Candidate> candidates = new ArrayList<>();
        for (TrackedConnection c : all) {
            if (c.closing) {
                continue;
            }
            if (c.waiting() || c.receiving()) {
                candidates.add(new Candidate(c, c.since - now));
            }
        }
        candidates.sort(Comparator.comparingLong(Candidate::age));
        return candidates.stream().limit(count).map(Candidate::connection).toList();
    }

    /** Age: when it began to wait for its client, relative to now; the most negative first. */
    private record Candidate(TrackedConnection connection, long age) {}
}
