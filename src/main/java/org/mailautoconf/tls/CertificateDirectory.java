package org.mailautoconf.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the certificates of a directory are, in the layouts tools write (docs/tls.md):
 * <ul>
 * <li>certbot: {@code live/NAME/fullchain.pem} with {@code privkey.pem} (symlinks into
 *     {@code archive/}), given the certbot directory, its {@code live/}, or one lineage;</li>
 * <li>a Kubernetes TLS secret: {@code tls.crt} with {@code tls.key}, mounted as the directory or
 *     as one subdirectory per secret (the {@code ..data} symlink swap is followed);</li>
 * <li>flat: {@code NAME.crt} or {@code NAME.pem} with {@code NAME.key}, or one {@code NAME.pem}
 *     holding the chain and the key.</li>
 * </ul>
 */
final class CertificateDirectory {

    /** One certificate's files; {@code key} is {@code certificate} when one file holds both. */
    record Source(String label, Path certificate, Path key) {}

    private static final List<String[]> PAIRS = List.of(new String[] {"fullchain.pem", "privkey.pem"}, new String[] {"tls.crt", "tls.key"});

    private final Path dir;

    CertificateDirectory(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Every certificate source now in the directory, in a stable order. */
    List<Source> sources() throws IOException {
        List<Source> found = new ArrayList<>();
        Path live = dir.resolve("live");
        if (Files.isDirectory(live)) {
            for (Path lineage : children(live)) {
                pair(lineage, found);
            }
            return found;
        }
        if (pair(dir, found)) {
            return found;
        }
        for (Path child : children(dir)) {
            if (Files.isDirectory(child)) {
                pair(child, found);
            } else {
                flat(child, found);
            }
        }
        return found;
    }

    /**
     * What the sources' files are now: a changed text means a changed file, a swapped symlink or
     * changed permissions (a key made private after a refusal is taken up).
     */
    static String stamp(List<Source> sources) {
        StringBuilder b = new StringBuilder();
        for (Source s : sources) {
            for (Path p : s.certificate().equals(s.key()) ? List.of(s.certificate()) : List.of(s.certificate(), s.key())) {
                b.append(p).append('|');
                try {
                    b.append(p.toRealPath()).append('|').append(Files.size(p)).append('|').append(Files.getLastModifiedTime(p).toMillis());
                    b.append('|').append(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                } catch (IOException | UnsupportedOperationException e) {
                    b.append("unreadable");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static boolean pair(Path d, List<Source> found) {
        for (String[] pair : PAIRS) {
            Path cert = d.resolve(pair[0]);
            if (Files.exists(cert)) {
                found.add(new Source(d.getFileName().toString(), cert, d.resolve(pair[1])));
                return true;
            }
        }
        return false;
    }

    private static void flat(Path file, List<Source> found) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 ? name.substring(dot) : "";
        if (!ext.equals(".pem") && !ext.equals(".crt")) {
            return;
        }
        String base = name.substring(0, dot);
        Path key = file.resolveSibling(base + ".key");
        found.add(new Source(base, file, Files.exists(key) ? key : file));
    }

    /** Subdirectories and files, without hidden ones (Kubernetes' {@code ..data} and its timestamped targets). */
    private static List<Path> children(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }
}
