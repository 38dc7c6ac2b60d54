package org.mailautoconf.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reads one certificate source and refuses what would break handshakes or leak the key. */
final class CertificateCheck {

    /** Why a source was not taken; the message names the file and never its content. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private CertificateCheck() {
    }

    /**
     * @throws Refused when the files cannot be read, the key is readable by every user or does not
     *         belong to the certificate, or the certificate is not valid at {@code now} or names no DNS name
     */
    static CertifiedKey load(CertificateDirectory.Source source, Instant now) throws Refused {
        PemFiles.Contents certs = read(source.certificate());
        PemFiles.Contents keys = source.key().equals(source.certificate()) ? certs : read(source.key());
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(source.key());
            if (perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new Refused(source.key() + " is readable by every user; make it private (chmod 600, or 640 with the service's group)");
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        } catch (IOException e) {
            throw new Refused(source.key() + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (certs.certificates().isEmpty()) {
            throw new Refused(source.certificate() + " holds no certificate");
        }
        if (keys.key().isEmpty()) {
            throw new Refused((source.key().equals(source.certificate()) ? source.certificate() + " holds no private key and there is no "
                    + source.label() + ".key beside it" : source.key() + " holds no private key"));
        }
        X509Certificate leaf = certs.certificates().get(0);
        if (!belongTogether(keys.key().get(), leaf.getPublicKey())) {
            throw new Refused("the private key in " + source.key() + " does not belong to the certificate in " + source.certificate());
        }
        if (leaf.getNotAfter().toInstant().isBefore(now)) {
            throw new Refused(source.certificate() + " expired on " + leaf.getNotAfter().toInstant());
        }
        if (leaf.getNotBefore().toInstant().isAfter(now)) {
            throw new Refused(source.certificate() + " is not valid before " + leaf.getNotBefore().toInstant());
        }
        List<String> names = CertifiedKey.dnsNames(leaf);
        if (names.isEmpty()) {
            throw new Refused(source.certificate() + " names no DNS name in its subjectAltName; clients would refuse it");
        }
        return new CertifiedKey(source.label(), certs.certificates(), keys.key().get(), names);
    }

    private static PemFiles.Contents read(Path file) throws Refused {
        try {
            return PemFiles.read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Refused(file + " is missing");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new Refused(file + " cannot be read (permission denied)");
        } catch (PemFiles.NotPem e) {
            throw new Refused(file + " " + e.getMessage());
        } catch (IOException e) {
            throw new Refused(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Signs a fixed text with the private key and checks it with the certificate's public key. */
    static boolean belongTogether(PrivateKey key, PublicKey certified) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null || !key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        try {
            byte[] data = "mailautoconf key check".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(data);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(certified);
            v.update(data);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
