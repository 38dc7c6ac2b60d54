package org.mailautoconf.format.mobileconfig;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.TestPki;

class MobileconfigRendererTest {

    private final MobileconfigRenderer renderer = new MobileconfigRenderer();

    static Stream<String> shippedAddresses() {
        return Registries.shipped().providers().stream()
                .flatMap(p -> p.domains().stream().filter(d -> !d.wildcard()).map(DomainPattern::name))
                .map(d -> "mario.rossi@" + d.ascii());
    }

    private static byte[] render(Registry registry, String address) {
        EmailAddress a = EmailAddress.parse(address);
        Provider p = registry.providerFor(a.domain()).orElseThrow().provider();
        return new MobileconfigRenderer().render(p, a.domain(), Optional.of(a));
    }

    private static String text(NSDictionary dict, String key) {
        assertThat(dict.containsKey(key)).as("has %s", key).isTrue();
        return dict.get(key).toJavaObject().toString();
    }

    private static Object value(NSDictionary dict, String key) {
        assertThat(dict.containsKey(key)).as("has %s", key).isTrue();
        return dict.get(key).toJavaObject();
    }

    @ParameterizedTest
    @MethodSource("shippedAddresses")
    void render_everyShippedDomain_keysAndTypesAsAppleSchema(String address) throws Exception {
        byte[] profile = render(Registries.shipped(), address);

        ProfileCheck.conformsToSchema(profile);
        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(text(mail, "EmailAddress")).isEqualTo(address);
        assertThat(mail.get("IncomingMailServerPortNumber")).isInstanceOfSatisfying(NSNumber.class,
                n -> assertThat(n.type()).isEqualTo(NSNumber.INTEGER));
        assertThat(mail.get("IncomingMailServerUseSSL")).isInstanceOfSatisfying(NSNumber.class,
                n -> assertThat(n.type()).isEqualTo(NSNumber.BOOLEAN));
    }

    @Test
    void render_polito_imapAccountWithActiveSync() throws Exception {
        byte[] profile = render(Registries.shipped(), "mario.rossi@polito.it");

        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(text(mail, "EmailAccountType")).isEqualTo("EmailTypeIMAP");
        assertThat(text(mail, "IncomingMailServerHostName")).isEqualTo("mail.polito.it");
        assertThat(value(mail, "IncomingMailServerPortNumber")).isEqualTo(993);
        assertThat(value(mail, "IncomingMailServerUseSSL")).isEqualTo(true);
        assertThat(text(mail, "IncomingMailServerUsername")).isEqualTo("mario.rossi@polito.it");
        assertThat(text(mail, "IncomingMailServerAuthentication")).isEqualTo("EmailAuthPassword");
        assertThat(text(mail, "OutgoingMailServerHostName")).isEqualTo("mail.polito.it");
        assertThat(value(mail, "OutgoingMailServerPortNumber")).isEqualTo(465);
        assertThat(value(mail, "OutgoingMailServerUseSSL")).isEqualTo(true);
        assertThat(text(mail, "OutgoingMailServerUsername")).isEqualTo("mario.rossi@polito.it");
        assertThat(value(mail, "OutgoingPasswordSameAsIncomingPassword")).isEqualTo(true);

        NSDictionary eas = ProfileCheck.payload(profile, "com.apple.eas.account");
        assertThat(text(eas, "Host")).isEqualTo("mail.polito.it");
        assertThat(value(eas, "SSL")).isEqualTo(true);
        assertThat(text(eas, "UserName")).isEqualTo("mario.rossi");
        assertThat(text(eas, "EmailAddress")).isEqualTo("mario.rossi@polito.it");
        assertThat(ProfileCheck.payloads(profile)).hasSize(2);
    }

    @Test
    void render_halnet_popFirstAsTheFileSaysAndSmtpLoginLeftToTheUser() throws Exception {
        byte[] profile = render(Registries.shipped(), "mario.rossi@hln.it");

        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(text(mail, "EmailAccountType")).isEqualTo("EmailTypePOP");
        assertThat(value(mail, "IncomingMailServerPortNumber")).isEqualTo(995);
        assertThat(text(mail, "OutgoingMailServerHostName")).isEqualTo("smtp.hln.it");
        assertThat(value(mail, "OutgoingMailServerPortNumber")).isEqualTo(587);
        assertThat(value(mail, "OutgoingMailServerUseSSL")).as("STARTTLS is SSL for Apple").isEqualTo(true);
        assertThat(mail.containsKey("OutgoingMailServerUsername")).as("askUser: the device asks").isFalse();
        assertThat(value(mail, "OutgoingPasswordSameAsIncomingPassword")).isEqualTo(false);
        // The shipped directory has no certs/halnet-ca.crt: no certificate payload.
        assertThat(ProfileCheck.payloads(profile)).hasSize(1);
    }

    @Test
    void render_timPec_loginTemplateWithStar() throws Exception {
        byte[] profile = render(Registries.shipped(), "mario.rossi@pec.telecomitalia.it");

        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(text(mail, "EmailAccountType")).isEqualTo("EmailTypeIMAP");
        assertThat(text(mail, "IncomingMailServerHostName")).isEqualTo("imap.pectim.it");
        assertThat(text(mail, "IncomingMailServerUsername")).isEqualTo("mario.rossi@pec.telecomitalia.it*mario.rossi");
        assertThat(text(mail, "OutgoingMailServerHostName")).isEqualTo("smtp.pectim.it");
        assertThat(text(mail, "OutgoingMailServerUsername")).isEqualTo("mario.rossi@pec.telecomitalia.it*mario.rossi");
        assertThat(value(mail, "OutgoingPasswordSameAsIncomingPassword")).isEqualTo(true);
    }

    @Test
    void render_halnetWithItsCa_rootCertificatePayloadFirst(@TempDir Path dir) throws Exception {
        TestPki.Issued ca = TestPki.rootCa("Halnet Test Root CA");
        Registry registry = Registries.load(Registries.shippedWithHalnetCa(dir, ca));

        byte[] profile = render(registry, "mario.rossi@hln.it");

        ProfileCheck.conformsToSchema(profile);
        List<NSDictionary> payloads = ProfileCheck.payloads(profile);
        assertThat(payloads).hasSize(2);
        NSDictionary root = payloads.get(0);
        assertThat(text(root, "PayloadType")).isEqualTo("com.apple.security.root");
        assertThat(root.get("PayloadContent")).isInstanceOfSatisfying(NSData.class,
                d -> assertThat(d.bytes()).isEqualTo(encoded(ca)));
        assertThat(text(root, "PayloadCertificateFileName")).isEqualTo("halnet-ca.cer");
    }

    @Test
    void render_hostileAddressAndProviderTexts_validEscapedXml() throws Exception {
        Registry registry = Registries.load(Path.of("src/test/resources/providers/hostile"));
        String address = "a&b<c>@example.org";

        byte[] profile = render(registry, address);

        ProfileCheck.conformsToSchema(profile);
        // Read back unchanged by both parsers: nothing was cut, double-escaped or lost.
        NSDictionary top = ProfileCheck.plist(profile);
        assertThat(text(top, "PayloadOrganization")).isEqualTo("Evil \"Mail\" <b>&amp; Co</b> ]]> è");
        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(text(mail, "EmailAddress")).isEqualTo(address);
        assertThat(text(mail, "IncomingMailServerUsername")).isEqualTo("a&b<c>");
        assertThat(text(mail, "EmailAccountDescription")).isEqualTo("E&vil<");
        var dom = ProfileCheck.dom(profile);
        assertThat(dom.getDocumentElement().getTextContent()).contains(address, "Evil \"Mail\" <b>&amp; Co</b> ]]> è");
        assertThat(new String(profile, StandardCharsets.UTF_8)).doesNotContain("<b>&amp;</b>").contains("è");
    }

    @Test
    void render_hostileProvider_mapsEncryptedPasswordAndSkipsOAuth() throws Exception {
        Registry registry = Registries.load(Path.of("src/test/resources/providers/hostile"));

        byte[] profile = render(registry, "x@example.org");

        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(text(mail, "IncomingMailServerAuthentication")).isEqualTo("EmailAuthCRAMMD5");
        assertThat(value(mail, "IncomingMailServerUseSSL")).as("STARTTLS on 143").isEqualTo(true);
        // OAuth2 comes first in the file, but Apple's mail payload knows no OAuth: the next method counts.
        assertThat(text(mail, "OutgoingMailServerAuthentication")).isEqualTo("EmailAuthCRAMMD5");
        assertThat(text(mail, "OutgoingMailServerHostName")).as("%EMAILDOMAIN% filled").isEqualTo("smtp.example.org");
        assertThat(text(ProfileCheck.payload(profile, "com.apple.eas.account"), "Host")).isEqualTo("eas.example.org");
    }

    @Test
    void render_sameInputTwice_sameBytes() {
        assertThat(render(Registries.shipped(), "mario.rossi@polito.it"))
                .isEqualTo(render(Registries.shipped(), "mario.rossi@polito.it"));
    }

    @Test
    void render_identities_stablePerAddressUniquePerPayloadAndPerMailbox() throws Exception {
        byte[] first = render(Registries.shipped(), "mario.rossi@polito.it");
        byte[] other = render(Registries.shipped(), "anna.bianchi@polito.it");

        Set<String> uuids = new HashSet<>();
        Set<String> identifiers = new HashSet<>();
        String profileId = text(ProfileCheck.plist(first), "PayloadIdentifier");
        uuids.add(text(ProfileCheck.plist(first), "PayloadUUID"));
        identifiers.add(profileId);
        for (NSDictionary p : ProfileCheck.payloads(first)) {
            assertThat(uuids.add(text(p, "PayloadUUID"))).as("unique UUID").isTrue();
            assertThat(identifiers.add(text(p, "PayloadIdentifier"))).as("unique identifier").isTrue();
            assertThat(text(p, "PayloadIdentifier")).startsWith(profileId + ".");
            assertThat(text(p, "PayloadUUID")).matches("[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}");
        }
        assertThat(profileId).startsWith("it.polito.");
        // A second mailbox must not replace the first (mailcow#1053).
        assertThat(text(ProfileCheck.plist(other), "PayloadIdentifier")).isNotEqualTo(profileId);
        for (NSDictionary p : ProfileCheck.payloads(other)) {
            assertThat(uuids).doesNotContain(text(p, "PayloadUUID"));
        }
    }

    @Test
    void render_withoutAddress_deviceAsksForAddressAndLogins() throws Exception {
        Registry registry = Registries.shipped();
        Provider polito = registry.provider("polito").orElseThrow();

        byte[] profile = renderer.render(polito, polito.primaryDomain().orElseThrow(), Optional.empty());

        ProfileCheck.conformsToSchema(profile);
        NSDictionary mail = ProfileCheck.payload(profile, "com.apple.mail.managed");
        assertThat(mail.containsKey("EmailAddress")).isFalse();
        assertThat(mail.containsKey("IncomingMailServerUsername")).isFalse();
        assertThat(value(mail, "OutgoingPasswordSameAsIncomingPassword")).isEqualTo(false);
    }

    @Test
    void fileName_hostileAddress_asciiWithoutQuotesOrSlashes() {
        Provider polito = Registries.shipped().provider("polito").orElseThrow();

        String name = MobileconfigRenderer.fileName(polito, Optional.of(EmailAddress.parse("a\"b/c\\d&è;e@polito.it")));

        assertThat(name).matches("[A-Za-z0-9._-]+\\.mobileconfig").startsWith("polito-");
    }

    private static byte[] encoded(TestPki.Issued ca) {
        try {
            return ca.certificate().getEncoded();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
