package org.mailautoconf.registry.load;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import org.mailautoconf.registry.CaCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code caCertificate}: a provider's private root, read from a file next to the provider file. */
class CaCertificateTest {

    /** caCertificate.file is on line 15, its value at column 9. */
    private static final String HALNET_LIKE = """
            id: halnet
            name: Halnet
            domains: [hln.example]
            incoming:
              - type: imap
                hostname: mail.hln.example
                port: 993
                security: tls
            outgoing:
              - type: smtp
                hostname: smtp.hln.example
                port: 465
                security: tls
            caCertificate:
              file: certs/halnet-ca.crt
              source: http://www.hln.example/file/cacert.crt
            """;

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp).file("halnet.yaml", HALNET_LIKE);
    }

    @Test
    void missingFile_isAWarningAndTheProviderLoadsWithoutTheCertificate() {
        var result = dir.load();

        assertThat(result.ok()).isTrue();
        assertThatProblem(result, "ca-file-missing").isWarning().at("halnet.yaml", 15, 9).hasField("caCertificate.file")
                .says("no certificate at " + dir.path("certs/halnet-ca.crt"))
                .says("download it from http://www.hln.example/file/cacert.crt and put it there");
        CaCertificate ca = caOf(result);
        assertThat(ca.file()).isEqualTo(dir.path("certs/halnet-ca.crt").toAbsolutePath());
        assertThat(ca.source()).map(Object::toString).contains("http://www.hln.example/file/cacert.crt");
        assertThat(ca.certificate()).isEmpty();
    }

    @Test
    void notACertificate_isAnError() {
        var result = dir.bytes("certs/halnet-ca.crt", "<html>404 Not Found</html>\n".getBytes(US_ASCII)).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "ca-not-certificate").isError().at("halnet.yaml", 15, 9).hasField("caCertificate.file")
                .says("halnet-ca.crt is not an X.509 certificate (PEM or DER)");
    }

    @Test
    void generatedCaInPem_loadsWithTheCertificate() {
        X509Certificate generated = TestCertificates.selfSigned("Halnet Test Root", true);
        var result = dir.bytes("certs/halnet-ca.crt", TestCertificates.pem(generated)).load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        assertThat(caOf(result).certificate()).contains(generated);
        assertThat(caOf(result).certificate().orElseThrow().getSubjectX500Principal().getName()).isEqualTo("CN=Halnet Test Root");
    }

    @Test
    void generatedCaInDer_loadsToo() {
        X509Certificate generated = TestCertificates.selfSigned("Halnet Test Root", true);
        var result = dir.bytes("certs/halnet-ca.crt", TestCertificates.der(generated)).load();

        assertThat(result.problems()).as(ProblemAssert.listed(result)).isEmpty();
        assertThat(caOf(result).certificate()).contains(generated);
    }

    @Test
    void certificateThatIsNoCa_isAWarning() {
        var result = dir.bytes("certs/halnet-ca.crt", TestCertificates.pem(TestCertificates.selfSigned("mail.hln.example", false)))
                .load();

        assertThat(result.ok()).isTrue();
        assertThatProblem(result, "ca-not-ca").isWarning().at("halnet.yaml", 15, 9).hasField("caCertificate.file")
                .says("is a certificate but not a CA certificate");
    }

    @Test
    void version_changesWhenTheCertificateArrives() {
        String without = dir.load().registry().orElseThrow().version();
        String with = dir.bytes("certs/halnet-ca.crt", TestCertificates.pem(TestCertificates.selfSigned("Root", true)))
                .load().registry().orElseThrow().version();

        assertThat(with).isNotEqualTo(without);
    }

    private static CaCertificate caOf(LoadResult result) {
        return result.registry().orElseThrow().provider("halnet").orElseThrow().caCertificate().orElseThrow();
    }
}
