package org.mailautoconf;

/**
 * How much expensive, uncached work may run and wait, and how much of it one client may ask for.
 * Signing an Apple profile is the first such work (RSA-2048: a millisecond of CPU each); the
 * per-client budget is meant to be shared by later kinds (directory and DNS lookups).
 *
 * @param threads          threads that sign profiles (a pool of their own, so a flood of new
 *                         addresses cannot take every core from the answers served from cache)
 * @param queue            signing requests that may wait for a thread; one more is answered 503
 * @param clientPerMinute  uncached expensive requests one client address (an IPv6 /64) may make
 *                         a minute, on average; 0: no per-client limit (e.g. behind a proxy,
 *                         where every client has the proxy's address)
 * @param clientBurst      how many of them it may make at once, after being quiet
 * @param perSecond        signatures the whole service may start a second, whoever asks (a
 *                         second's worth at once); more are answered 503. The per-client budget
 *                         cannot stop a flood from many addresses, and the signing threads alone
 *                         let it take their cores; 0: no such cap
 */
public record SigningLimits(int threads, int queue, int clientPerMinute, int clientBurst, int perSecond) {

    public static final int DEFAULT_QUEUE = 32;
    public static final int DEFAULT_CLIENT_PER_MINUTE = 120;
    public static final int DEFAULT_CLIENT_BURST = 30;
    /**
     * A signed profile for a new address costs about 2.2 ms of CPU in all (the request, the
     * profile, RSA-2048; measured on the busy 2-core bench machine, 460 a second on one core), so
     * 100 a second is about a quarter of one core, whatever the number of addresses asking: still
     * 360,000 new profiles an hour.
     */
    public static final int DEFAULT_PER_SECOND = 100;

    public SigningLimits {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("--sign-threads must be 1..256, was " + threads);
        }
        if (queue < 1 || queue > 100_000) {
            throw new IllegalArgumentException("--sign-queue must be 1..100000, was " + queue);
        }
        if (clientPerMinute < 0) {
            throw new IllegalArgumentException("--client-work-per-minute must be 0 (no limit) or more, was " + clientPerMinute);
        }
        if (clientBurst < 1) {
            throw new IllegalArgumentException("--client-work-burst must be at least 1, was " + clientBurst);
        }
        if (perSecond < 0 || perSecond > 1_000_000) {
            throw new IllegalArgumentException("--sign-rate must be 0 (no cap) to 1000000, was " + perSecond);
        }
    }

    /** Half the cores sign (at least one), so at least half stay for everything else. */
    public static int defaultThreads(int cores) {
        return Math.max(1, cores / 2);
    }

    public static SigningLimits defaults() {
        return new SigningLimits(defaultThreads(Runtime.getRuntime().availableProcessors()), DEFAULT_QUEUE,
                DEFAULT_CLIENT_PER_MINUTE, DEFAULT_CLIENT_BURST, DEFAULT_PER_SECOND);
    }

    /** Whether one client's uncached expensive work is limited at all. */
    public boolean limitsClients() {
        return clientPerMinute > 0;
    }

    /** Whether the signatures of all clients together are capped. */
    public boolean capsRate() {
        return perSecond > 0;
    }
}
