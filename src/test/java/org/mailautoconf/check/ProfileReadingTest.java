package org.mailautoconf.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.SiteCertificates;

/** Apple profiles as the check reads them: signed by the service's own signer, with BouncyCastle verifying. */
class ProfileReadingTest {

    @TempDir
    Path dir;

    private final EmailAddress address = EmailAddress.parse("nome.cognome@polito.it");

    private byte[] profile() {
        Registry registry = Registries.shipped();
        Provider polito = registry.providerFor(address.domain()).orElseThrow().provider();
        return new MobileconfigRenderer().render(polito, address.domain(), Optional.of(address));
    }

    private byte[] signedBy(Instant notBefore, Instant notAfter) throws Exception {
        SiteCertificates pki = new SiteCertificates("Profile Test CA");
        Path cert = pki.issue(dir, "signer", java.util.List.of("profiles.example.net"), notBefore, notAfter);
        return ProfileSigner.load(cert, dir.resolve("signer.key"), Optional.empty()).sign(profile());
    }

    @Test
    void unsigned_isReadAndSaidToBeUnsigned() {
        ProfileReading.Read read = ProfileReading.read(profile(), Instant.now());

        assertThat(read.refuses()).isEmpty();
        assertThat(read.notes()).containsExactly("unsigned: devices show it as not verified");
        assertThat(read.settings().incoming()).extracting(Settings.Endpoint::host).containsOnly("mail.polito.it");
        assertThat(read.settings().incoming().get(0).username()).isEqualTo("nome.cognome@polito.it");
    }

    @Test
    void signed_withACertificateEndingWithin21Days_verifies_andSaysToRenew() throws Exception {
        Instant now = Instant.now();
        ProfileReading.Read read = ProfileReading.read(signedBy(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(10))), now);

        assertThat(read.refuses()).isEmpty();
        assertThat(read.notes()).hasSize(2);
        assertThat(read.notes().get(0)).isEqualTo("signed by CN=profiles.example.net");
        assertThat(read.notes().get(1)).startsWith("the profile's signing certificate expires on ").endsWith(": renew it");
        assertThat(read.settings()).isEqualTo(ProfileReading.read(profile(), now).settings());
    }

    @Test
    void signed_withAnExpiredCertificate_isRefused() throws Exception {
        Instant now = Instant.now();
        ProfileReading.Read read = ProfileReading.read(signedBy(now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(1))), now);

        assertThat(read.refuses()).singleElement().asString().startsWith("the profile's signing certificate expired on ");
    }

    @Test
    void aSignedProfileChangedAfterSigning_doesNotVerify() throws Exception {
        Instant now = Instant.now();
        byte[] signed = signedBy(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)));
        String text = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("mail.polito.it");
        assertThat(at).isPositive();
        signed[at] = 'n';

        ProfileReading.Read read = ProfileReading.read(signed, now);

        assertThat(read.refuses()).singleElement().asString().contains("does not verify");
    }
}
