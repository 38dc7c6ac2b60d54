package org.mailautoconf.format.mobileconfig;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.CollectionStore;

/**
 * Signs profiles: a CMS SignedData (DER) whose encapsulated content is exactly the profile's
 * bytes, with the signer's certificate and its chain, as {@code openssl cms -sign -binary
 * -nodetach} makes it. Built once from PEM files (which it checks: the key must belong to the
 * certificate); then {@link #sign} is a function of the bytes alone, safe on any thread.
 *
 * <p>No signing time is added, so an RSA signature of the same profile is the same bytes every
 * time and its ETag stays stable (ECDSA signatures differ each time, and are equally valid).
 */
public final class ProfileSigner {

    /** The usual signed attributes (content type, digest, algorithm protection) without the clock. */
    private static final CMSAttributeTableGenerator NO_SIGNING_TIME =
            params -> new DefaultSignedAttributeTableGenerator().getAttributes(params).remove(CMSAttributes.signingTime);

    private final PrivateKey key;
    private final String algorithm;
    private final X509CertificateHolder signer;
    private final List<X509CertificateHolder> certificates;
    private final X509Certificate certificate;

    private ProfileSigner(PrivateKey key, String algorithm, X509CertificateHolder signer, List<X509CertificateHolder> chain,
            X509Certificate certificate) {
        this.key = key;
        this.algorithm = algorithm;
        this.signer = signer;
        List<X509CertificateHolder> all = new ArrayList<>();
        all.add(signer);
        all.addAll(chain);
        this.certificates = List.copyOf(all);
        this.certificate = certificate;
    }

    /**
     * Reads the signing certificate, its private key (unencrypted PKCS#8, or PKCS#1/SEC1) and the
     * optional chain (intermediate certificates, the root may be left out), all PEM.
     *
     * @throws IllegalArgumentException naming the file, when one cannot be read or the key does not fit
     */
    public static ProfileSigner load(Path certificateFile, Path keyFile, Optional<Path> chainFile) {
        List<X509CertificateHolder> certs = certificates(certificateFile, "signing certificate");
        X509CertificateHolder signer = certs.get(0);
        List<X509CertificateHolder> chain = new ArrayList<>(certs.subList(1, certs.size()));
        chainFile.ifPresent(f -> chain.addAll(certificates(f, "signing chain")));
        PrivateKey key = privateKey(keyFile);
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("signing key " + keyFile + " is " + key.getAlgorithm()
                    + "; Apple devices verify RSA or EC signatures");
        };
        X509Certificate x509;
        try {
            x509 = new JcaX509CertificateConverter().getCertificate(signer);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("signing certificate " + certificateFile + " is not usable: " + e.getMessage(), e);
        }
        if (!belongsTo(key, algorithm, x509)) {
            throw new IllegalArgumentException("signing key " + keyFile + " does not belong to signing certificate "
                    + certificateFile + " (" + x509.getSubjectX500Principal().getName() + ")");
        }
        return new ProfileSigner(key, algorithm, signer, chain, x509);
    }

    /** The signed profile: DER CMS SignedData with {@code profile} attached, byte for byte. */
    public byte[] sign(byte[] profile) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(NO_SIGNING_TIME)
                    .build(new JcaContentSignerBuilder(algorithm).build(key), signer));
            generator.addCertificates(new CollectionStore<>(certificates));
            return generator.generate(new CMSProcessableByteArray(profile), true).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | CMSException | IOException e) {
            throw new IllegalStateException("signing the profile failed", e);
        }
    }

    /** The signing certificate, for the start-up log (subject, expiry). */
    public X509Certificate certificate() {
        return certificate;
    }

    /** How many certificates a signed profile carries: the signer's and its chain. */
    public int certificateCount() {
        return certificates.size();
    }

    private static List<X509CertificateHolder> certificates(Path file, String what) {
        List<X509CertificateHolder> certs = new ArrayList<>();
        for (Object o : pemObjects(file, what)) {
            if (o instanceof X509CertificateHolder c) {
                certs.add(c);
            }
        }
        if (certs.isEmpty()) {
            throw new IllegalArgumentException(what + " " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certs;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        for (Object o : pemObjects(file, "signing key")) {
            try {
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMKeyPair pair) {
                    // SEC1 EC keys may come without their public half: take only the private one.
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("signing key " + file + " is not usable: " + e.getMessage(), e);
            }
            if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                throw new IllegalArgumentException("signing key " + file + " is encrypted; give it unencrypted"
                        + " (openssl pkey -in KEY -out KEY.plain) and protect the file instead");
            }
        }
        throw new IllegalArgumentException("signing key " + file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    private static List<Object> pemObjects(Path file, String what) {
        List<Object> objects = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                objects.add(o);
            }
        } catch (IOException e) {
            String why = e instanceof NoSuchFileException ? "no such file" : e.getMessage();
            throw new IllegalArgumentException("cannot read " + what + " " + file + ": " + why, e);
        }
        return objects;
    }

    /** True when the certificate's public key verifies what the private key signs. */
    private static boolean belongsTo(PrivateKey key, String algorithm, X509Certificate certificate) {
        byte[] probe = "mailautoconf signing key check".getBytes(StandardCharsets.US_ASCII);
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key);
            s.update(probe);
            byte[] signature = s.sign();
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(certificate.getPublicKey());
            v.update(probe);
            return v.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
