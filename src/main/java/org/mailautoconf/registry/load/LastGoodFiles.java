package org.mailautoconf.registry.load;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.mailautoconf.registry.Branding;
import org.mailautoconf.registry.CaCertificate;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * The provider files of the last registry that loaded, kept in a state directory so that a
 * restart serves them when {@code providers.d} does not load. They are the YAML itself, in one
 * zip file (entries stored, not compressed), read back through Java's zip file system by the
 * same {@link RegistryLoader}: no second format to keep in step with the model, and the same
 * version hash. One file means one fsync and one atomic rename: it is written under a temporary
 * name, forced to disk, then renamed over the previous one, so a crash at any point leaves
 * either the previous copy or the new one whole. The domain lists the files name are kept beside
 * the zip, each copied only when it changed ({@link LastGoodLists}). One service per state directory.
 */
public final class LastGoodFiles {

    static final String FILE_NAME = "last-good-providers.zip";
    static final String TEMP_NAME = ".last-good-providers.zip.tmp";
    private static final String COMMENT = "mailautoconf last good registry ";

    private final Path stateDir;
    private final LastGoodLists lists;

    public LastGoodFiles(Path stateDir) {
        this.stateDir = stateDir;
        this.lists = new LastGoodLists(stateDir);
    }

    public Path file() {
        return stateDir.resolve(FILE_NAME);
    }

    /** What a copy holds: the registry version and when it was saved. */
    public record Saved(String version, Instant savedAt, Path file) {}

    /** The copy's registry as loaded back, with what it is. */
    public record Loaded(Saved saved, LoadResult result) {}

    /** A provider file is not what the load read any more (edited since): nothing was saved. */
    public static final class ChangedMeanwhile extends IOException {
        ChangedMeanwhile(String what) {
            super(what + " changed after it was loaded; the next load keeps its files", null);
        }
    }

    /** The copy in the state directory; empty when there is none. */
    public Optional<Saved> saved() throws IOException {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(file().toFile())) {
            String comment = zip.getComment();
            if (comment == null || !comment.startsWith(COMMENT)) {
                throw new IOException(file() + " is not a copy of provider files made by mailautoconf");
            }
            String[] versionAndTime = comment.substring(COMMENT.length()).split(" ", 2);
            return Optional.of(new Saved(versionAndTime[0], Instant.parse(versionAndTime[1]), file()));
        }
    }

    /**
     * The version of the copy, when there is one that holds its domain lists: a copy written
     * before lists were kept has no list manifest, and is to be written again even for the
     * same version, or a start from it would miss the lists.
     */
    public Optional<String> keptVersion() throws IOException {
        Optional<Saved> saved = saved();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        try (ZipFile zip = new ZipFile(file().toFile())) {
            return zip.getEntry(LastGoodLists.MANIFEST) == null ? Optional.empty() : Optional.of(saved.get().version());
        }
    }

    /**
     * Keeps the files of the load that gave {@code registry} ({@code hashes}: {@link
     * RegistryLoader#lastFileHashes()}), checking that each is still what was loaded, and the CA
     * certificates it uses that lie inside {@code providersDir}, and its logos.
     *
     * @throws ChangedMeanwhile when a file was edited since the load; the previous copy stays
     */
    public Saved save(Path providersDir, Registry registry, Map<String, byte[]> hashes, Instant now) throws IOException {
        Files.createDirectories(stateDir);
        Path temp = stateDir.resolve(TEMP_NAME);
        Saved saved = new Saved(registry.version(), now, file());
        // The lists first: the zip that names their copies is committed only once they are whole.
        Map<String, String> manifest = lists.copy(providersDir, registry.domainLists());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
                for (Map.Entry<String, byte[]> f : hashes.entrySet()) {
                    byte[] bytes = BoundedRead.read(providersDir.resolve(f.getKey()), BoundedRead.MAX_BYTES);
                    if (!Arrays.equals(sha256(bytes), f.getValue())) {
                        throw new ChangedMeanwhile(f.getKey());
                    }
                    put(zip, f.getKey(), bytes);
                }
                for (Map.Entry<String, byte[]> ca : certificates(providersDir, registry).entrySet()) {
                    put(zip, ca.getKey(), ca.getValue());
                }
                for (Map.Entry<String, byte[]> logo : logos(registry).entrySet()) {
                    put(zip, logo.getKey(), logo.getValue());
                }
                put(zip, LastGoodLists.MANIFEST, LastGoodLists.manifestBytes(manifest));
                zip.setComment(COMMENT + saved.version() + " " + saved.savedAt());
                zip.finish();
                zip.flush();
                channel.force(true);
            }
            Files.move(temp, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        forceDirectory();
        // Only now is no committed zip left that names an older copy.
        lists.prune(manifest.values());
        return saved;
    }

    /** Loads the copy with a loader of its own; empty when there is none. */
    public Optional<Loaded> load(Optional<String> defaultProviderId) throws IOException {
        Optional<Saved> saved = saved();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        try (FileSystem zip = FileSystems.newFileSystem(file())) {
            Map<String, Path> listFiles = lists.files(zip.getPath("/", LastGoodLists.MANIFEST));
            return Optional.of(new Loaded(saved.get(), new RegistryLoader(listFiles).load(zip.getPath("/"), defaultProviderId)));
        }
    }

    /** Each CA certificate file the registry uses, by its path relative to the directory, if it is what was loaded. */
    private static Map<String, byte[]> certificates(Path providersDir, Registry registry) throws IOException {
        Path root = providersDir.toAbsolutePath().normalize();
        Map<String, byte[]> out = new LinkedHashMap<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Provider p : registry.providers()) {
            Optional<CaCertificate> ca = p.caCertificate().filter(c -> c.certificate().isPresent());
            if (ca.isEmpty() || !seen.add(ca.get().file())) {
                continue;
            }
            Path file = ca.get().file().toAbsolutePath().normalize();
            if (!file.startsWith(root)) {
                continue; // outside the directory: not part of what a copy of it can hold
            }
            byte[] bytes = BoundedRead.read(file, BoundedRead.MAX_BYTES);
            if (!sameCertificate(bytes, ca.get().certificate().get())) {
                throw new ChangedMeanwhile(file.toString());
            }
            out.put(root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"), bytes);
        }
        return out;
    }

    /**
     * Each logo the registry shows, by its path inside the directory: the bytes that were loaded,
     * kept in the model, so nothing can have changed meanwhile.
     */
    private static Map<String, byte[]> logos(Registry registry) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Provider p : registry.providers()) {
            p.branding().flatMap(Branding::logo).ifPresent(l -> out.putIfAbsent(l.file(), l.bytes()));
        }
        return out;
    }

    private static boolean sameCertificate(byte[] bytes, X509Certificate loaded) {
        try {
            return Arrays.equals(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(bytes))
                    .getEncoded(), loaded.getEncoded());
        } catch (CertificateException e) {
            return false;
        }
    }

    /** Stored, not compressed: the copy is written after every reload that changed something, and read rarely. */
    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    /** Makes the rename itself durable; where a directory cannot be opened for that, the rename is as durable as the system makes it. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(stateDir, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every system lets a directory be synced
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return RegistryLoader.sha256().digest(bytes);
    }
}
