package org.mailautoconf.testing;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** A server a test started as its own process: waited for until it serves, stopped with SIGTERM (then killed if it lingers). */
public final class TestProcess implements AutoCloseable {

    private final Process process;

    private TestProcess(Process process) {
        this.process = process;
    }

    /** Starts the process and runs {@code awaitReady}; if that fails, the process is stopped before the failure goes on. */
    public static TestProcess start(ProcessBuilder builder, java.util.function.Consumer<TestProcess> awaitReady) throws IOException {
        TestProcess p = new TestProcess(builder.start());
        try {
            awaitReady.accept(p);
        } catch (RuntimeException | Error e) {
            p.close();
            throw e;
        }
        return p;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public void close() {
        stop(process);
    }

    /** SIGTERM, then SIGKILL if it lingers; throws no InterruptedException (a test's close() need not declare one). */
    public static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
