package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.TestPki;

class RenderMobileconfigTest {

    @TempDir
    Path dir;

    private static int run(String... args) {
        return Main.commandLine().execute(args);
    }

    @Test
    void render_address_printsTheUnsignedProfile() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true));
            status = run("render", "mobileconfig", "-p", "providers.d", "mario.rossi@polito.it");
        } finally {
            System.setOut(stdout);
        }

        assertThat(status).isZero();
        NSDictionary profile = (NSDictionary) PropertyListParser.parse(out.toByteArray());
        assertThat(profile.get("PayloadType").toJavaObject()).isEqualTo("Configuration");
    }

    @Test
    void render_withSigningFlags_writesTheSignedProfileToTheFile() throws Exception {
        TestPki.Issued root = TestPki.rootCa("CLI Root");
        TestPki.Issued signer = TestPki.signer("CLI Signer", TestPki.rsa(), root);
        Path cert = signer.writeCertificate(dir.resolve("s.pem"));
        Path key = signer.writeKey(dir.resolve("s.key"));
        Path plain = dir.resolve("plain.mobileconfig");
        Path signed = dir.resolve("signed.mobileconfig");

        assertThat(run("render", "mobileconfig", "-p", "providers.d", "-o", plain.toString(), "mario.rossi@polito.it")).isZero();
        assertThat(run("render", "mobileconfig", "-p", "providers.d", "--sign-cert", cert.toString(), "--sign-key", key.toString(),
                "--sign-chain", root.writeCertificate(dir.resolve("root.pem")).toString(), "--output", signed.toString(),
                "mario.rossi@polito.it")).isZero();

        CMSSignedData cms = new CMSSignedData(Files.readAllBytes(signed));
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(Files.readAllBytes(plain));
    }

    @Test
    void render_keyWithoutCertificate_usageError() {
        assertThat(run("render", "mobileconfig", "-p", "providers.d", "--sign-key", "x.key", "-o",
                dir.resolve("x").toString(), "mario.rossi@polito.it")).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void serve_certificateWithoutKey_usageErrorBeforeStarting() {
        assertThat(run("serve", "-p", "providers.d", "--port", "0", "--sign-cert", "s.pem")).isEqualTo(2);
    }

    @Test
    void render_unknownDomain_exit3() {
        assertThat(run("render", "mobileconfig", "-p", "providers.d", "-o", dir.resolve("y").toString(), "a@unknown.example"))
                .isEqualTo(3);
    }
}
