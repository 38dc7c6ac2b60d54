package org.mailautoconf.registry.load;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Not a test: measures reading a large domain list into a {@link DomainSet} (time, heap after a
 * collection, lookups a second over a spread of the names). bench/README.md has the command and
 * the figures. Writes the list first when it is not there.
 *
 * <p>Usage: {@code java -Xmx2g -cp target/classes:target/test-classes
 * org.mailautoconf.registry.load.DomainListMeasure FILE LINES}
 */
public final class DomainListMeasure {

    private DomainListMeasure() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int lines = Integer.parseInt(args[1]);
        if (!Files.exists(file)) {
            try (BufferedWriter w = Files.newBufferedWriter(file)) {
                w.write("# customers, as a hoster exports them\n");
                for (int i = 0; i < lines; i++) {
                    w.write("customer" + i + (i % 3 == 0 ? ".example\n" : i % 3 == 1 ? ".example.net\n" : ".test\n"));
                }
            }
        }
        long heapBefore = usedHeap();
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        DomainListFile.Read read = DomainListFile.read(file, file.getFileName().toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        long heapAfter = usedHeap();
        System.out.printf("read %,d names in %.2f s (%.2f s of CPU on the reading thread); %d problems; set %,d bytes; heap held %,d MiB%n",
                read.names().size(), seconds, cpuSeconds, read.problems().size(), read.names().bytes(), (heapAfter - heapBefore) >> 20);
        if (args.length > 2) {
            // The same list with some lines changed (bench/generate-hoster-list.py writes one): read as an edit.
            for (int round = 0; round < 3; round++) {
                long editCpu = threads.getCurrentThreadCpuTime();
                long editStart = System.nanoTime();
                DomainListFile.Read edited = ListEdit.edit(Path.of(args[2]), file.getFileName().toString(), read);
                System.out.printf("edit %d: %s in %.2f s (%.2f s of CPU); %,d names, %d problems, %,d in the small tables%n", round,
                        edited == null ? "read whole" : "read as an edit", (System.nanoTime() - editStart) / 1e9,
                        (threads.getCurrentThreadCpuTime() - editCpu) / 1e9, edited == null ? 0 : edited.names().size(),
                        edited == null ? 0 : edited.problems().size(), edited == null ? 0 : edited.names().overlaySize());
            }
            cpu = threads.getCurrentThreadCpuTime();
            cpuSeconds = 0;
        }
        SplittableRandom random = new SplittableRandom(1);
        String[] asked = new String[1 << 16];
        // The names this class writes, or those of bench/generate-hoster-list.py (c0.example, c1.example.net, ...).
        String prefix = read.names().contains("customer0.example") ? "customer" : "c";
        for (int i = 0; i < asked.length; i++) {
            int n = random.nextInt(lines);
            asked[i] = prefix + n + (n % 3 == 0 ? ".example" : n % 3 == 1 ? ".example.net" : ".test");
        }
        int found = 0;
        long t = System.nanoTime();
        int rounds = 50;
        for (int r = 0; r < rounds; r++) {
            for (String a : asked) {
                found += read.names().contains(a) ? 1 : 0;
            }
        }
        double lookupSeconds = (System.nanoTime() - t) / 1e9;
        System.out.printf("lookup CPU %.2f s%n", (threads.getCurrentThreadCpuTime() - cpu) / 1e9 - cpuSeconds);
        System.out.printf("%,d lookups (%,d found) in %.2f s: %,.0f a second on one thread%n",
                (long) rounds * asked.length, found, lookupSeconds, rounds * asked.length / lookupSeconds);
    }

    private static long usedHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
