package org.mailautoconf.registry.load;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Not a test: measures what the service's reload of a hoster's registry costs when its list
 * changes, as {@code bench/run --hoster} does it but without the service and its load: a first
 * load (all cores), then the changed list renamed in and loaded again on this one thread, then
 * the old list back. bench/README.md has the command and the figures.
 *
 * <p>Usage: {@code java -Xmx2g -cp ... org.mailautoconf.registry.load.ListReloadMeasure DIR CHANGED}
 * where DIR holds the provider files and {@code customers.txt}, CHANGED the changed list.
 */
public final class ListReloadMeasure {

    private ListReloadMeasure() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path list = dir.resolve("customers.txt");
        Path changed = Path.of(args[1]);
        Path original = changed.resolveSibling("customers.original");
        Files.copy(list, original, StandardCopyOption.REPLACE_EXISTING);
        RegistryLoader loader = new RegistryLoader();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        LoadResult first = loader.load(dir, Optional.empty());
        System.out.printf("first load: %.2f s, %.2f s of process CPU, %d problems, %,d domains%n", (System.nanoTime() - start) / 1e9,
                (os.getProcessCpuTime() - cpu) / 1e9, first.problems().size(), first.registry().map(r -> (long) r.domainCount()).orElse(-1L));
        Path[] next = {changed, original, changed};
        for (int round = 0; round < next.length; round++) {
            Path copy = dir.resolveSibling("customers.next");
            Files.copy(next[round], copy, StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, list, StandardCopyOption.ATOMIC_MOVE);
            long threadCpu = threads.getCurrentThreadCpuTime();
            long processCpu = os.getProcessCpuTime();
            long t = System.nanoTime();
            LoadResult r = loader.load(dir, Optional.empty());
            System.out.printf("reload %d: %.2f s, %.2f s of CPU on this thread (%.2f s the process), %d problems%n", round,
                    (System.nanoTime() - t) / 1e9, (threads.getCurrentThreadCpuTime() - threadCpu) / 1e9,
                    (os.getProcessCpuTime() - processCpu) / 1e9, r.problems().size());
        }
        Files.move(original, list, StandardCopyOption.REPLACE_EXISTING);
    }
}
