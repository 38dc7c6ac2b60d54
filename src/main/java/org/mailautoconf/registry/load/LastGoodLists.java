package org.mailautoconf.registry.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import org.mailautoconf.registry.ListedDomains;

/**
 * The domain lists of the last good registry, kept beside {@link LastGoodFiles}' zip, one file
 * per list content, named by the checksum the loader computed for it ({@link
 * ListedDomains#checksum()}). A hoster's 170 MB list is therefore copied once per change, not
 * zipped again at every reload of a provider file: a list whose checksum already has a copy is
 * not touched. A copy is written under a temporary name, forced, then renamed, so a name in the
 * state directory is always a whole list; the zip's manifest ({@link #MANIFEST}) says which copy
 * each list name is, and copies no manifest names are deleted only after the new zip is
 * committed, so a crash leaves the previous zip with every copy it names.
 */
final class LastGoodLists {

    /** The zip entry that maps list names to copies; a dot file, so the loader does not read it as a provider file. */
    static final String MANIFEST = ".domain-lists";
    static final String PREFIX = "list-";
    static final String SUFFIX = ".txt";

    private final Path stateDir;

    LastGoodLists(Path stateDir) {
        this.stateDir = stateDir;
    }

    /** The copy of a list with this checksum. */
    Path copyOf(long checksum) {
        return stateDir.resolve(PREFIX + String.format("%016x", checksum) + SUFFIX);
    }

    /**
     * Copies each list that has no copy yet, checking on the way that its bytes are the ones the
     * registry loaded; returns the manifest: list name to copy file name, in file order.
     *
     * @throws LastGoodFiles.ChangedMeanwhile when a list was edited since the load
     */
    Map<String, String> copy(Path providersDir, List<ListedDomains> lists) throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>();
        for (ListedDomains l : lists) {
            if (l.source().indexOf('\n') >= 0 || l.source().indexOf('\t') >= 0) {
                throw new IOException("a domain list name with a tab or line break cannot be kept: " + l.source());
            }
            Path copy = copyOf(l.checksum());
            if (!Files.isRegularFile(copy)) {
                copyChecked(providersDir.resolve(l.source()), copy, l);
            }
            manifest.put(l.source(), copy.getFileName().toString());
        }
        return manifest;
    }

    /** One pass over the list: written to a temporary file and checksummed as {@link DomainListFile#checksum} does. */
    private void copyChecked(Path from, Path to, ListedDomains l) throws IOException {
        Path temp = stateDir.resolve("." + to.getFileName() + ".tmp");
        try {
            CRC32C crc = new CRC32C();
            long bytes = 0;
            try (InputStream in = Files.newInputStream(from);
                    FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                            StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                byte[] buf = new byte[1 << 20];
                for (int n; (n = in.read(buf)) > 0; ) {
                    crc.update(buf, 0, n);
                    out.write(buf, 0, n);
                    bytes += n;
                }
                channel.force(true);
            }
            if (ListLines.checksum(crc, bytes) != l.checksum()) {
                throw new LastGoodFiles.ChangedMeanwhile(l.source());
            }
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Deletes every list copy, and every temporary file a crash left, that {@code kept} does not name. */
    void prune(Collection<String> kept) throws IOException {
        Set<String> keep = new HashSet<>(kept);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(stateDir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                boolean copy = n.startsWith(PREFIX) && n.endsWith(SUFFIX);
                boolean leftover = n.startsWith("." + PREFIX) && n.endsWith(".tmp");
                if ((copy || leftover) && !keep.contains(n)) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    static byte[] manifestBytes(Map<String, String> manifest) {
        StringBuilder b = new StringBuilder();
        manifest.forEach((name, copy) -> b.append(copy).append('\t').append(name).append('\n'));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The manifest read back, as the paths the loader reads each list from; empty when there is none. */
    Map<String, Path> files(Path manifestFile) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(manifestFile)) {
            return out;
        }
        for (String line : Files.readAllLines(manifestFile, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException("the list manifest of the last good files is damaged: " + line);
            }
            out.put(line.substring(tab + 1), stateDir.resolve(line.substring(0, tab)));
        }
        return out;
    }
}
