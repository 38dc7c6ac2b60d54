package org.mailautoconf.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.mailautoconf.testing.TestPki;

/** Server certificates from a test CA, written as tools write them, and a TLS client that checks them. */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestCertificates() {
    }

    /** A server certificate for {@code names} (DNS, or an IP literal), issued by {@code ca}. */
    public static TestPki.Issued server(TestPki.Issued ca, Instant notBefore, Instant notAfter, String... names) {
        KeyPair keys = AcmeState.newKeyPair();
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(ca.certificate().getSubjectX500Principal(),
                    new BigInteger(63, RANDOM).add(BigInteger.ONE), Date.from(notBefore), Date.from(notAfter),
                    new X500Principal("CN=" + names[0]), keys.getPublic());
            GeneralName[] alt = new GeneralName[names.length];
            for (int i = 0; i < names.length; i++) {
                alt[i] = new GeneralName(names[i].matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, names[i]);
            }
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alt));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new TestPki.Issued(new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate()))), keys);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static TestPki.Issued server(TestPki.Issued ca, String... names) {
        Instant now = Instant.now();
        return server(ca, now.minusSeconds(3600), now.plusSeconds(30L * 86400), names);
    }

    /** The chain (leaf, then {@code chain}) and the key, the key private (0600), into the two files. */
    public static void write(TestPki.Issued leaf, Path certificate, Path key, X509Certificate... chain) throws IOException {
        Files.createDirectories(certificate.getParent());
        StringBuilder pem = new StringBuilder(TestPki.pem(leaf.certificate()));
        for (X509Certificate c : chain) {
            pem.append(TestPki.pem(c));
        }
        writePrivate(key, pkcs8(leaf.keys().getPrivate()));
        Files.writeString(certificate, pem, StandardCharsets.US_ASCII);
    }

    /** A private key as certbot and openssl write it ({@code PRIVATE KEY}). */
    public static String pkcs8(java.security.PrivateKey key) {
        try {
            return TestPki.pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A TLS context that trusts only {@code ca}. */
    public static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What one handshake gave: the server's leaf certificate and the protocol spoken. */
    public record Handshake(X509Certificate leaf, String protocol) {}

    /**
     * A handshake with 127.0.0.1:{@code port} asking for {@code serverName} (none: no SNI),
     * checking the chain against {@code trust} and, with a name, that the certificate names it.
     *
     * @throws IOException when the handshake fails
     */
    public static Handshake handshake(int port, Optional<String> serverName, SSLContext trust, List<String> protocols) throws IOException {
        return handshake(port, serverName, trust, protocols, true);
    }

    /** As above; without {@code checkName}, any certificate the CA issued is taken, whatever it names. */
    public static Handshake handshake(int port, Optional<String> serverName, SSLContext trust, List<String> protocols,
                                      boolean checkName) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        plain.setSoTimeout(5000);
        try (SSLSocket s = (SSLSocket) trust.getSocketFactory().createSocket(plain, serverName.orElse("127.0.0.1"), port, true)) {
            SSLParameters p = s.getSSLParameters();
            p.setProtocols(protocols.toArray(String[]::new));
            if (serverName.isPresent()) {
                p.setServerNames(List.of(new SNIHostName(serverName.get())));
                p.setEndpointIdentificationAlgorithm(checkName ? "HTTPS" : null);
            } else {
                p.setServerNames(List.of());
            }
            s.setSSLParameters(p);
            s.startHandshake();
            return new Handshake((X509Certificate) s.getSession().getPeerCertificates()[0], s.getSession().getProtocol());
        }
    }

    public static Handshake handshake(int port, Optional<String> serverName, SSLContext trust) throws IOException {
        return handshake(port, serverName, trust, List.of("TLSv1.3", "TLSv1.2"));
    }
}
