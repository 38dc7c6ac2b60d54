package org.mailautoconf.cli;

import sun.misc.Signal;

/**
 * The one use of {@code sun.misc.Signal}: Java 17 has no standard API for signals, and this class
 * of the {@code jdk.unsupported} module is the one kept exported for it (JEP 260);
 * {@code jdk.internal.misc.Signal} is not exported. javac warns about every use of it whatever
 * the options ({@code @SuppressWarnings} cannot reach that warning), so this class lives alone in
 * {@code src/signal/java}, compiled by a step of its own (pom.xml), and depends on nothing of the
 * project; the rest is compiled with every warning on and sees only this class file.
 */
final class HangupSignal {

    private HangupSignal() {
    }

    /**
     * Runs {@code action} on the JVM's signal thread at each SIGHUP, instead of the default (the
     * JVM exits with 129).
     *
     * @throws IllegalArgumentException when the JVM keeps SIGHUP for itself (run with -Xrs) or the
     *                                  platform has none
     */
    static void onHangup(Runnable action) {
        Signal.handle(new Signal("HUP"), signal -> action.run());
    }
}
