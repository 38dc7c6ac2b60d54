package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dd.plist.NSArray;
import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.ProfileSigning;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.TestPki;

@ExtendWith(VertxExtension.class)
class MobileconfigHttpTest {

    @TempDir
    static Path dir;

    static TestPki.Issued signer;
    static HttpService unsigned;
    static HttpService signed;
    static int unsignedPort;
    static int signedPort;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start(Vertx vertx) throws Exception {
        Path providers = Files.createDirectories(dir.resolve("providers.d"));
        Registries.copyShipped(providers);
        Files.copy(Path.of("src/test/resources/providers/hostile/example.yaml"), providers.resolve("example.yaml"));
        TestPki.Issued root = TestPki.rootCa("Test Root");
        signer = TestPki.signer("Test Profile Signer", TestPki.rsa(), root);
        ProfileSigning signing = new ProfileSigning(signer.writeCertificate(dir.resolve("signer.pem")),
                signer.writeKey(dir.resolve("signer.key")), Optional.of(root.writeCertificate(dir.resolve("root.pem"))));

        ServiceConfig config = ServiceConfig.defaults().withPort(0).withProvidersDir(providers);
        unsigned = new HttpService(vertx, config);
        unsignedPort = unsigned.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        signed = new HttpService(vertx, config.withProfileSigning(Optional.of(signing)));
        signedPort = signed.start().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        unsigned.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        signed.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<byte[]> get(int port, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static NSDictionary mailPayload(byte[] profile) throws Exception {
        NSDictionary root = (NSDictionary) PropertyListParser.parse(profile);
        for (var p : ((NSArray) root.get("PayloadContent")).getArray()) {
            NSDictionary d = (NSDictionary) p;
            if (d.get("PayloadType").toJavaObject().equals("com.apple.mail.managed")) {
                return d;
            }
        }
        throw new AssertionError("no mail payload");
    }

    @Test
    void query_knownAddress_unsignedProfileAsAttachment() throws Exception {
        HttpResponse<byte[]> r = get(unsignedPort, "/mobileconfig?emailaddress=mario.rossi@polito.it");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-apple-aspen-config");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"polito-mario.rossi.mobileconfig\"");
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(mailPayload(r.body()).get("EmailAddress").toJavaObject()).isEqualTo("mario.rossi@polito.it");
    }

    @Test
    void query_plusInAddress_keptAsPlus() throws Exception {
        HttpResponse<byte[]> r = get(unsignedPort, "/mobileconfig?emailaddress=mario.rossi+news@polito.it");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(mailPayload(r.body()).get("EmailAddress").toJavaObject()).isEqualTo("mario.rossi+news@polito.it");
    }

    @Test
    void path_hostileAddress_profileForIt() throws Exception {
        HttpResponse<byte[]> r = get(unsignedPort, "/mobileconfig/a%26b%3Cc%3E%40example.org");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(mailPayload(r.body()).get("EmailAddress").toJavaObject()).isEqualTo("a&b<c>@example.org");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"example-a_b_c_.mobileconfig\"");
    }

    @Test
    void query_sameEtag_notModified() throws Exception {
        String etag = get(unsignedPort, "/mobileconfig/anna@unimi.it").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> r = get(unsignedPort, "/mobileconfig/anna@unimi.it", "If-None-Match", etag);

        assertThat(r.statusCode()).isEqualTo(304);
    }

    @Test
    void errors_unknownDomainBadOrMissingAddress_clear4xx() throws Exception {
        assertThat(get(unsignedPort, "/mobileconfig?emailaddress=mario@unknown.example").statusCode()).isEqualTo(404);
        assertThat(get(unsignedPort, "/mobileconfig/mario@unknown.example").statusCode()).isEqualTo(404);
        HttpResponse<byte[]> bad = get(unsignedPort, "/mobileconfig?emailaddress=not-an-address");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(new String(bad.body())).contains("not a valid address");
        assertThat(get(unsignedPort, "/mobileconfig/two@at@polito.it").statusCode()).isEqualTo(400);
        assertThat(get(unsignedPort, "/mobileconfig").statusCode()).isEqualTo(400);
        assertThat(get(unsignedPort, "/mobileconfig?emailaddress=").statusCode()).isEqualTo(400);
    }

    @Test
    void signedServer_profileSignedAndContentIsTheUnsignedProfile() throws Exception {
        byte[] plain = get(unsignedPort, "/mobileconfig?emailaddress=mario.rossi@polito.it").body();

        HttpResponse<byte[]> r = get(signedPort, "/mobileconfig?emailaddress=mario.rossi@polito.it");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-apple-aspen-config");
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"polito-mario.rossi.mobileconfig\"");
        CMSSignedData cms = new CMSSignedData(r.body());
        assertThat((byte[]) cms.getSignedContent().getContent()).isEqualTo(plain);
        assertThat(cms.getSignerInfos().getSigners().iterator().next()
                .verify(new JcaSimpleSignerInfoVerifierBuilder().build(signer.certificate()))).isTrue();
        assertThat(get(signedPort, "/mobileconfig?emailaddress=mario.rossi@polito.it", "If-None-Match",
                r.headers().firstValue("ETag").orElseThrow()).statusCode()).as("RSA signatures repeat: stable ETag").isEqualTo(304);
    }

    @Test
    void signedProfile_isSignedOnceAndThenServedFromTheCache() throws Exception {
        String path = "/mobileconfig/cache.check@polito.it";
        double hitsBefore = answerCacheHits();
        byte[] first = get(signedPort, path).body();
        double hitsAfterFirst = answerCacheHits();
        byte[] second = get(signedPort, path).body();

        assertThat(second).isEqualTo(first);
        assertThat(hitsAfterFirst).isEqualTo(hitsBefore);
        assertThat(answerCacheHits()).isEqualTo(hitsBefore + 1);
        assertThat(new String(get(signedPort, "/metrics").body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("mailautoconf_requests_total{endpoint=\"mobileconfig\",format=\"mobileconfig_signed\",outcome=\"answered\"}");
    }

    private static double answerCacheHits() throws Exception {
        String metrics = new String(get(signedPort, "/metrics").body(), java.nio.charset.StandardCharsets.UTF_8);
        return metrics.lines().filter(l -> l.startsWith("cache_gets_total{cache=\"answers\",result=\"hit\"}"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void start_keyOfAnotherCertificate_failsNamingTheMismatch(Vertx vertx) throws Exception {
        Path otherKey = new TestPki.Issued(signer.certificate(), TestPki.rsa()).writeKey(dir.resolve("other.key"));
        ProfileSigning wrong = new ProfileSigning(dir.resolve("signer.pem"), otherKey, Optional.empty());
        ServiceConfig config = ServiceConfig.defaults().withPort(0)
                .withProvidersDir(Registries.SHIPPED).withProfileSigning(Optional.of(wrong));

        assertThatThrownBy(() -> new HttpService(vertx, config))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong to signing certificate");
    }
}
