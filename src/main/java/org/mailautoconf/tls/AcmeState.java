package org.mailautoconf.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The ACME state directory: {@code account.pem} (the account key pair), {@code certificates/}
 * with {@code acme-N.crt} and {@code acme-N.key} (a flat certificate directory), and
 * {@code lock}, held by the one process using it. Keys are written 0600, atomically.
 */
final class AcmeState implements AutoCloseable {

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private AcmeState(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * @throws IllegalArgumentException when another process (or another service in this one) holds
     *         the directory, or it cannot be created
     */
    static AcmeState open(Path dir) {
        try {
            Files.createDirectories(dir.resolve("certificates"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalArgumentException("ACME state directory " + dir + " is in use by another process; "
                        + "several replicas must not share one (see docs/tls.md)");
            }
            return new AcmeState(dir, channel, lock);
        } catch (IOException e) {
            throw new IllegalArgumentException("ACME state directory " + dir + " cannot be used: " + e.getMessage(), e);
        }
    }

    CertificateDirectory certificates() {
        return new CertificateDirectory(dir.resolve("certificates"));
    }

    /** The account key pair, made and kept on first use: the private key, then the public one. */
    KeyPair accountKey() throws IOException {
        Path file = dir.resolve("account.pem");
        if (!Files.exists(file)) {
            KeyPair pair = newKeyPair();
            writePrivate(file, PemFiles.pem(List.of(pair.getPrivate(), pair.getPublic())));
            return pair;
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(in)) {
            JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
            if (p.readObject() instanceof PrivateKeyInfo privateKey && p.readObject() instanceof SubjectPublicKeyInfo publicKey) {
                return new KeyPair(keys.getPublicKey(publicKey), keys.getPrivateKey(privateKey));
            }
            throw new IOException(file + " does not hold the account's private and public key");
        }
    }

    /** A P-256 key: small, fast, and accepted by every CA and client that matters here. */
    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A label not used yet. */
    String newLabel() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("certificates"))) {
            int max = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("acme-\\d+\\.crt"))
                    .mapToInt(n -> Integer.parseInt(n.substring(5, n.length() - 4))).max().orElse(0);
            return "acme-" + (max + 1);
        }
    }

    /** Writes a certificate and its key: the key first, so the pair is complete once the certificate is there. */
    void write(String label, List<X509Certificate> chain, KeyPair key) throws IOException {
        Path certs = dir.resolve("certificates");
        writePrivate(certs.resolve(label + ".key"), PemFiles.pem(List.of(key.getPrivate())));
        replace(certs.resolve(label + ".crt"), PemFiles.pem(chain), "rw-r--r--");
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        replace(file, pem, "rw-------");
    }

    private static void replace(Path file, String text, String permissions) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)));
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
    }
}
