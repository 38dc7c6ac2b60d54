package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.SigningSetup;
import org.mailautoconf.testing.TestPki;

/**
 * The operator's signature goes only on profiles for domains the registry names: a default
 * provider with {@code mail.%EMAILDOMAIN%} answers for any domain, and a signed profile for
 * {@code polito.it.attacker.example} would show "Verified" for the attacker's server.
 */
class SignedProfileScopeHttpTest {

    @TempDir
    static Path dir;

    static TestPki.Issued signer;
    static RunningService service;

    @BeforeAll
    static void start() throws Exception {
        Path providers = SigningSetup.providers(Files.createDirectories(dir.resolve("providers.d")));
        TestPki.Issued root = TestPki.rootCa("Test Root");
        signer = TestPki.signer("Test Profile Signer", TestPki.rsa(), root);
        service = RunningService.start(ServiceConfig.defaults().withProvidersDir(providers)
                .withDefaultProvider(Optional.of("hoster"))
                .withProfileSigning(Optional.of(SigningSetup.signing(dir, signer, root))));
    }

    @AfterAll
    static void stop() throws Exception {
        service.close();
    }

    @Test
    void defaultProviderDomain_profileUnsigned() throws Exception {
        HttpResponse<byte[]> r = service.get("/mobileconfig/mario.rossi@polito.it.attacker.example");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new CMSSignedData(r.body())).as("not CMS").isInstanceOf(CMSException.class);
        assertThat(incomingHost(r.body())).isEqualTo("mail.polito.it.attacker.example");
        assertThat(service.get("/mobileconfig?emailaddress=mario.rossi@polito.it.attacker.example").body())
                .as("the same bytes again, from the cache").isEqualTo(r.body());
    }

    @Test
    void listedDomains_exactAndByPattern_profileSigned() throws Exception {
        for (String address : new String[] {"mario.rossi@polito.it", "anna@hoster.example", "anna@dept.campus.example"}) {
            HttpResponse<byte[]> r = service.get("/mobileconfig/" + address);

            assertThat(r.statusCode()).as(address).isEqualTo(200);
            CMSSignedData cms = new CMSSignedData(r.body());
            assertThat(cms.getSignerInfos().getSigners().iterator().next()
                    .verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer.certificate()))).as(address).isTrue();
            assertThat(PropertyListParser.parse((byte[]) cms.getSignedContent().getContent())).as(address).isNotNull();
        }
    }

    private static String incomingHost(byte[] profile) throws Exception {
        NSDictionary root = (NSDictionary) PropertyListParser.parse(profile);
        for (var p : ((NSArray) root.get("PayloadContent")).getArray()) {
            NSDictionary d = (NSDictionary) p;
            if (d.get("PayloadType").toJavaObject().equals("com.apple.mail.managed")) {
                return d.get("IncomingMailServerHostName").toJavaObject().toString();
            }
        }
        throw new AssertionError("no mail payload");
    }
}
