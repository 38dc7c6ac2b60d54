package org.mailautoconf.format.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.TestPki;

class ProfileSignerTest {

    @TempDir
    static Path pki;

    static TestPki.Issued root;
    static TestPki.Issued intermediate;
    static TestPki.Issued signer;
    static Path rootPem;
    static Path signerPem;
    static Path signerKey;
    static Path chainPem;

    @BeforeAll
    static void makePki() throws IOException {
        root = TestPki.rootCa("Test Profiles Root");
        intermediate = TestPki.intermediateCa("Test Profiles Intermediate", root);
        signer = TestPki.signer("autoconfig.example.net profile signing", TestPki.rsa(), intermediate);
        rootPem = root.writeCertificate(pki.resolve("root.pem"));
        signerPem = signer.writeCertificate(pki.resolve("signer.pem"));
        signerKey = signer.writeKey(pki.resolve("signer.key"));
        chainPem = intermediate.writeCertificate(pki.resolve("chain.pem"));
    }

    private static byte[] profile() {
        EmailAddress a = EmailAddress.parse("mario.rossi@polito.it");
        Provider p = Registries.shipped().providerFor(a.domain()).orElseThrow().provider();
        return new MobileconfigRenderer().render(p, a.domain(), Optional.of(a));
    }

    @Test
    void sign_profile_bouncyCastleVerifiesAndContentIsTheProfileByteForByte() throws Exception {
        byte[] profile = profile();
        byte[] signed = ProfileSigner.load(signerPem, signerKey, Optional.of(chainPem)).sign(profile);

        CMSSignedData cms = new CMSSignedData(signed);
        assertThat(cms.isDetachedSignature()).isFalse();
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(profile);
        Collection<X509CertificateHolder> certs = cms.getCertificates().getMatches(null);
        assertThat(certs).extracting(c -> c.getSubject().toString())
                .containsExactlyInAnyOrder(signer.certificate().getSubjectX500Principal().getName(),
                        intermediate.certificate().getSubjectX500Principal().getName());
        List<SignerInformation> signers = List.copyOf(cms.getSignerInfos().getSigners());
        assertThat(signers).hasSize(1);
        assertThat(signers.get(0).verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer.certificate()))).isTrue();
        assertThat(signers.get(0).getSignedAttributes().get(CMSAttributes.signingTime)).as("no clock in the signature").isNull();
        // DER, not BER: re-encoding as DER changes nothing.
        assertThat(ASN1Primitive.fromByteArray(signed).getEncoded(ASN1Encoding.DER)).isEqualTo(signed);
    }

    @Test
    void sign_profile_opensslVerifiesChainToTheRoot() throws Exception {
        byte[] profile = profile();
        Path signed = Files.write(pki.resolve("polito.signed"), ProfileSigner.load(signerPem, signerKey, Optional.of(chainPem)).sign(profile));
        Path content = pki.resolve("content.plist");

        Process verify = openssl("cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-CAfile", rootPem.toString(),
                "-purpose", "any", "-out", content.toString());

        assertThat(verify.exitValue()).as(new String(verify.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        assertThat(Files.readAllBytes(content)).isEqualTo(profile);
    }

    @Test
    void sign_profile_opensslRejectsAnotherRoot() throws Exception {
        Path otherRoot = TestPki.rootCa("Somebody Else").writeCertificate(pki.resolve("other-root.pem"));
        Path signed = Files.write(pki.resolve("other.signed"), ProfileSigner.load(signerPem, signerKey, Optional.of(chainPem)).sign(profile()));

        Process verify = openssl("cms", "-verify", "-inform", "DER", "-in", signed.toString(), "-CAfile", otherRoot.toString(),
                "-purpose", "any", "-out", pki.resolve("other.plist").toString());

        assertThat(verify.exitValue()).isNotZero();
    }

    @Test
    void sign_rsaKey_sameBytesEveryTime() {
        ProfileSigner s = ProfileSigner.load(signerPem, signerKey, Optional.of(chainPem));

        assertThat(s.sign(profile())).isEqualTo(s.sign(profile()));
    }

    @Test
    void load_opensslEcKeyAndCertificateFileWithChain_verifies(@TempDir Path dir) throws Exception {
        // A SEC1 "EC PRIVATE KEY" as openssl writes it, and its certificate followed by the chain in one file.
        Path ecKey = dir.resolve("ec.key");
        Path ecPublic = dir.resolve("ec.pub");
        assertThat(openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", ecKey.toString()).exitValue()).isZero();
        assertThat(openssl("pkey", "-in", ecKey.toString(), "-pubout", "-out", ecPublic.toString()).exitValue()).isZero();
        PublicKey publicKey;
        try (PEMParser pem = new PEMParser(Files.newBufferedReader(ecPublic))) {
            publicKey = new JcaPEMKeyConverter().getPublicKey((SubjectPublicKeyInfo) pem.readObject());
        }
        TestPki.Issued ec = TestPki.signer("ec signer", new KeyPair(publicKey, null), intermediate);
        Path fullChain = dir.resolve("fullchain.pem");
        Files.writeString(fullChain, TestPki.pem(ec.certificate()) + TestPki.pem(intermediate.certificate()));

        ProfileSigner s = ProfileSigner.load(fullChain, ecKey, Optional.empty());
        CMSSignedData cms = new CMSSignedData(s.sign(profile()));

        assertThat(s.certificateCount()).isEqualTo(2);
        assertThat(cms.getSignerInfos().getSigners().iterator().next()
                .verify(new JcaSimpleSignerInfoVerifierBuilder().build(ec.certificate()))).isTrue();
    }

    @Test
    void load_keyOfAnotherCertificate_saysItDoesNotBelong(@TempDir Path dir) throws Exception {
        Path otherKey = new TestPki.Issued(signer.certificate(), TestPki.rsa()).writeKey(dir.resolve("other.key"));

        assertThatThrownBy(() -> ProfileSigner.load(signerPem, otherKey, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not belong to signing certificate").hasMessageContaining("other.key");
    }

    @Test
    void load_encryptedKey_saysSo(@TempDir Path dir) throws Exception {
        KeyPair keys = signer.keys();
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                .setPassword("secret".toCharArray()).build();
        Path encrypted = dir.resolve("encrypted.key");
        Files.writeString(encrypted, TestPki.pem(new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate()));

        assertThatThrownBy(() -> ProfileSigner.load(signerPem, encrypted, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is encrypted");
    }

    @Test
    void load_missingOrWrongFiles_namesTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.pem");
        Path notPem = Files.writeString(dir.resolve("text.pem"), "hello\n");

        assertThatThrownBy(() -> ProfileSigner.load(missing, signerKey, Optional.empty()))
                .hasMessageContaining("nope.pem").hasMessageContaining("no such file");
        assertThatThrownBy(() -> ProfileSigner.load(notPem, signerKey, Optional.empty()))
                .hasMessageContaining("text.pem holds no PEM certificate");
        assertThatThrownBy(() -> ProfileSigner.load(signerPem, signerPem, Optional.empty()))
                .hasMessageContaining("holds no PEM private key");
        assertThatThrownBy(() -> ProfileSigner.load(signerPem, signerKey, Optional.of(notPem)))
                .hasMessageContaining("signing chain");
    }

    private static Process openssl(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        return p;
    }
}
