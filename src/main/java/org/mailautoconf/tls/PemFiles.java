package org.mailautoconf.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * PEM files as certbot, cert-manager and openssl write them: certificates in chain order, and an
 * unencrypted key in PKCS#8, PKCS#1 (RSA) or SEC1 (EC) form. Errors never quote file content.
 */
final class PemFiles {

    /** What one PEM file holds. */
    record Contents(List<X509Certificate> certificates, Optional<PrivateKey> key) {}

    /** The file is there but is not PEM this service can use. */
    static final class NotPem extends IOException {
        NotPem(String message) {
            super(message);
        }
    }

    private PemFiles() {
    }

    /**
     * @throws IOException when the file cannot be read or is not PEM (the message names no key material)
     */
    static Contents read(Path file) throws IOException {
        List<X509Certificate> certificates = new ArrayList<>();
        PrivateKey key = null;
        JcaX509CertificateConverter certs = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(in)) {
            Object o;
            while ((o = parser.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certificates.add(certs.getCertificate(h));
                } else if (o instanceof PEMKeyPair pair && key == null) {
                    key = keys.getPrivateKey(pair.getPrivateKeyInfo());
                } else if (o instanceof PrivateKeyInfo info && key == null) {
                    key = keys.getPrivateKey(info);
                } else if (o instanceof SubjectPublicKeyInfo) {
                    continue;
                } else {
                    throw new NotPem("holds a PEM object that is neither a certificate nor an unencrypted private key");
                }
            }
        } catch (NotPem e) {
            throw e;
        } catch (CertificateException | RuntimeException | org.bouncycastle.openssl.PEMException e) {
            // BouncyCastle's own messages may quote bytes of the file; say only what kind of failure it was.
            throw new NotPem("is not a readable PEM file");
        }
        return new Contents(certificates, Optional.ofNullable(key));
    }

    /**
     * PEM text of certificates and keys, as the ACME state directory keeps them: a private key as
     * PKCS#8 ({@code PRIVATE KEY}, as certbot writes it; BouncyCastle's SEC1 form of a JDK EC key
     * would lose its curve).
     */
    static String pem(List<?> objects) {
        java.io.StringWriter out = new java.io.StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
