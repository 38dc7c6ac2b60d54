package org.mailautoconf.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A directory kept as the kubelet keeps a ConfigMap volume (its AtomicWriter): no file there is
 * ever edited. Each update writes a new hidden directory, points the {@code ..data} symlink at it
 * with one rename, adds and removes the visible symlinks ({@code KEY -> ..data/KEY}), then
 * deletes the old directory.
 */
public final class ConfigMapVolume {

    private final Path dir;
    private int generation;
    private Path current;

    public ConfigMapVolume(Path dir) {
        this.dir = dir;
    }

    /** Makes {@code files} (key to content) the volume's whole content, as one ConfigMap update. */
    public void publish(Map<String, String> files) throws IOException {
        Path next = Files.createDirectory(dir.resolve("..2026_11_24_08_00_00." + ++generation));
        for (var f : files.entrySet()) {
            Files.writeString(next.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        Path tmp = Files.createSymbolicLink(dir.resolve("..data_tmp"), next.getFileName());
        Files.move(tmp, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        for (String key : files.keySet()) {
            if (!Files.isSymbolicLink(dir.resolve(key))) {
                Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
            }
        }
        try (Stream<Path> visible = Files.list(dir)) {
            for (Path p : visible.filter(p -> !p.getFileName().toString().startsWith("..")).toList()) {
                if (!files.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        if (current != null) {
            try (Stream<Path> old = Files.walk(current)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        current = next;
    }
}
