package org.mailautoconf.testing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test CA that issues TLS server certificates for given names and dates (expired, ending soon, for other names). */
public final class SiteCertificates {

    private final TestPki.Issued ca;
    private long serial = System.nanoTime();

    public SiteCertificates(String caName) {
        this.ca = TestPki.rootCa(caName);
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    /** The CA certificate as a PEM file, for {@code check --ca}. */
    public Path writeCa(Path file) throws IOException {
        return Files.writeString(file, TestPki.pem(ca.certificate()));
    }

    /** Writes {@code <name>.crt} and {@code <name>.key} into {@code dir}; returns the certificate file. */
    public Path issue(Path dir, String name, List<String> dnsNames, Instant notBefore, Instant notAfter) throws IOException {
        KeyPair keys = TestPki.rsa();
        try {
            var b = new JcaX509v3CertificateBuilder(ca.certificate().getSubjectX500Principal(), BigInteger.valueOf(serial++),
                    Date.from(notBefore), Date.from(notAfter), new X500Principal("CN=" + dnsNames.get(0)), keys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.keys().getPrivate())));
            Files.writeString(dir.resolve(name + ".key"), TestPki.pem(keys.getPrivate()));
            return Files.writeString(dir.resolve(name + ".crt"), TestPki.pem(cert));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid from an hour ago for {@code days}. */
    public Path issue(Path dir, String name, List<String> dnsNames, int days) throws IOException {
        Instant now = Instant.now();
        return issue(dir, name, dnsNames, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(days)));
    }
}
