package org.mailautoconf.format.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailautoconf.testing.Requests;

class RequestReaderTest {

    private final RequestReader reader = new RequestReader();

    private RequestReader.Result read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    private static AutodiscoverRequest accepted(RequestReader.Result result) {
        assertThat(result).isInstanceOf(RequestReader.Result.Accepted.class);
        return ((RequestReader.Result.Accepted) result).request();
    }

    private static RequestReader.Result.Rejected rejected(RequestReader.Result result, ErrorCode code) {
        assertThat(result).isInstanceOf(RequestReader.Result.Rejected.class);
        RequestReader.Result.Rejected r = (RequestReader.Result.Rejected) result;
        assertThat(r.error().code()).isEqualTo(code);
        return r;
    }

    @Test
    void read_outlookRequestOfMicrosoftsExample() {
        AutodiscoverRequest r = accepted(read(Requests.outlook("mario.rossi@polito.it")));
        assertThat(r.address().toString()).isEqualTo("mario.rossi@polito.it");
        assertThat(r.schema()).isEqualTo(ResponseSchema.OUTLOOK);
        assertThat(r.legacyDn()).isEmpty();
    }

    @Test
    void read_mobileSyncRequestOfMicrosoftsExample() {
        AutodiscoverRequest r = accepted(read(Requests.mobileSync("Mario.Rossi@POLITO.it")));
        assertThat(r.address().localPart()).isEqualTo("Mario.Rossi");
        assertThat(r.address().domain().ascii()).isEqualTo("polito.it");
        assertThat(r.schema()).isEqualTo(ResponseSchema.MOBILESYNC);
    }

    @Test
    void read_thunderbirdsOneLineRequest() {
        assertThat(accepted(read(Requests.thunderbird("a@unimi.it"))).schema()).isEqualTo(ResponseSchema.OUTLOOK);
    }

    @Test
    void read_newOutlookAskingMobileSyncInTheOutlookRequestNamespace() {
        String body = Requests.outlook("a@unimi.it").replace(Requests.OUTLOOK_SCHEMA, Requests.MOBILESYNC_SCHEMA);
        assertThat(accepted(read(body)).schema()).isEqualTo(ResponseSchema.MOBILESYNC);
    }

    @Test
    void read_legacyDnBesideTheAddressIsKept() {
        String body = Requests.outlook("a@unimi.it").replace("<Request>",
                "<Request><LegacyDN>/o=Org/ou=Exchange/cn=Recipients/cn=a</LegacyDN>");
        AutodiscoverRequest r = accepted(read(body));
        assertThat(r.legacyDn()).contains("/o=Org/ou=Exchange/cn=Recipients/cn=a");
        assertThat(r.address().toString()).isEqualTo("a@unimi.it");
    }

    @Test
    void read_onlyLegacyDnIsAnAddressNotFound() {
        String body = Requests.outlook("x").replace("<EMailAddress>x</EMailAddress>", "<LegacyDN>/o=Org/cn=a</LegacyDN>");
        RequestReader.Result.Rejected r = rejected(read(body), ErrorCode.ADDRESS_NOT_FOUND);
        assertThat(r.answerIn()).contains(ResponseSchema.OUTLOOK);
    }

    @Test
    void read_unknownElementsAnywhereAreSkipped() {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <!-- a comment -->
                <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006" xmlns:x="urn:x">
                  <x:Extra><Request><EMailAddress>wrong@example.org</EMailAddress></Request></x:Extra>
                  <Request>
                    <Unknown><Deep>text</Deep></Unknown>
                    <x:EMailAddress>wrong@example.org</x:EMailAddress>
                    <EMailAddress>
                      mario.rossi@polito.it
                    </EMailAddress>
                    <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema>
                  </Request>
                  <?processing instruction?>
                </Autodiscover>
                """;
        assertThat(accepted(read(body)).address().toString()).isEqualTo("mario.rossi@polito.it");
    }

    @Test
    void read_escapedAndCdataTextIsDecoded() {
        String body = Requests.outlook("<![CDATA[o'brien&co]]>@unimi.it");
        assertThat(accepted(read(body)).address().localPart()).isEqualTo("o'brien&co");
        assertThat(accepted(read(Requests.outlook("o&apos;brien&amp;co@unimi.it"))).address().localPart()).isEqualTo("o'brien&co");
    }

    @Test
    void read_schemaUriIgnoresCase() {
        String body = Requests.outlook("a@unimi.it").replace(Requests.OUTLOOK_SCHEMA, Requests.OUTLOOK_SCHEMA.toUpperCase());
        assertThat(accepted(read(body)).schema()).isEqualTo(ResponseSchema.OUTLOOK);
    }

    @Test
    void read_emptyBodyIsInvalid() {
        RequestReader.Result.Rejected r = rejected(reader.read(new byte[0], Optional.empty()), ErrorCode.INVALID_REQUEST);
        assertThat(r.answerIn()).isEmpty();
        assertThat(r.error().reason()).contains("empty");
    }

    @Test
    void read_whitespaceOnlyIsInvalid() {
        rejected(read("  \n "), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_malformedXmlIsInvalid() {
        rejected(read("<Autodiscover xmlns=\"" + Requests.OUTLOOK_REQUEST_NS + "\"><Request>"), ErrorCode.INVALID_REQUEST);
        rejected(read("not xml at all"), ErrorCode.INVALID_REQUEST);
        rejected(read(Requests.outlook("a@unimi.it").replace("</Request>", "</request>")), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_garbageAfterTheRootIsInvalid() {
        rejected(read(Requests.outlook("a@unimi.it") + "<more/>"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_parserMessagesAreNeverQuoted() {
        RequestReader.Result.Rejected r = rejected(read("<Autodiscover secret-token-123"), ErrorCode.INVALID_REQUEST);
        assertThat(r.error().reason()).doesNotContain("secret-token-123");
    }

    @Test
    void read_wrongRootOrNamespaceIsInvalid() {
        rejected(read(Requests.outlook("a@unimi.it").replace(Requests.OUTLOOK_REQUEST_NS, "urn:other")), ErrorCode.INVALID_REQUEST);
        rejected(read(Requests.outlook("a@unimi.it").replace(" xmlns=\"" + Requests.OUTLOOK_REQUEST_NS + "\"", "")),
                ErrorCode.INVALID_REQUEST);
        rejected(read("<Discover xmlns=\"" + Requests.OUTLOOK_REQUEST_NS + "\"/>"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_moreThanOneRequestIsInvalid_inTheMobileSyncNamespaceForMobileSync() {
        String request = "<Request><EMailAddress>a@polito.it</EMailAddress><AcceptableResponseSchema>"
                + Requests.MOBILESYNC_SCHEMA + "</AcceptableResponseSchema></Request>";
        String body = "<Autodiscover xmlns=\"" + Requests.MOBILESYNC_REQUEST_NS + "\">" + request + request + "</Autodiscover>";
        RequestReader.Result.Rejected r = rejected(read(body), ErrorCode.INVALID_REQUEST);
        assertThat(r.error().reason()).contains("more than one Request");
        assertThat(r.answerIn()).contains(ResponseSchema.MOBILESYNC);
    }

    @Test
    void read_noRequestIsInvalid() {
        rejected(read("<Autodiscover xmlns=\"" + Requests.OUTLOOK_REQUEST_NS + "\"/>"), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_aFieldTwiceIsInvalid() {
        String body = Requests.outlook("a@unimi.it").replace("<Request>", "<Request><EMailAddress>b@unimi.it</EMailAddress>");
        rejected(read(body), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_missingAddressIsInvalid() {
        rejected(read(Requests.outlook("")), ErrorCode.INVALID_REQUEST);
        rejected(read(Requests.outlook("x").replace("<EMailAddress>x</EMailAddress>", "")), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_aBadAddressHasNoConfiguration() {
        RequestReader.Result.Rejected r = rejected(read(Requests.mobileSync("no-at-sign")), ErrorCode.NO_CONFIGURATION);
        assertThat(r.answerIn()).contains(ResponseSchema.MOBILESYNC);
        rejected(read(Requests.outlook("a b@unimi.it")), ErrorCode.NO_CONFIGURATION);
        rejected(read(Requests.outlook("a@exa mple.org")), ErrorCode.NO_CONFIGURATION);
    }

    @Test
    void read_missingSchemaIsInvalid() {
        String body = Requests.outlook("a@unimi.it").replaceAll("<AcceptableResponseSchema>.*</AcceptableResponseSchema>", "");
        rejected(read(body), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_unknownSchemaIsNotAvailable_answeredInTheRequestsKind() {
        String outlook = Requests.outlook("a@unimi.it").replace(Requests.OUTLOOK_SCHEMA, "http://example.org/schema/2099");
        RequestReader.Result.Rejected r = rejected(read(outlook), ErrorCode.SCHEMA_NOT_AVAILABLE);
        assertThat(r.answerIn()).contains(ResponseSchema.OUTLOOK);
        String mobile = Requests.mobileSync("a@unimi.it").replace(Requests.MOBILESYNC_SCHEMA, "http://example.org/schema/2099");
        assertThat(rejected(read(mobile), ErrorCode.SCHEMA_NOT_AVAILABLE).answerIn()).contains(ResponseSchema.MOBILESYNC);
    }

    @Test
    void read_tooLargeIsInvalid() {
        String padding = "<!--" + "x".repeat(RequestReader.MAX_BYTES) + "-->";
        rejected(read(Requests.outlook("a@unimi.it") + padding), ErrorCode.INVALID_REQUEST);
    }

    /** A server that counts requests, to prove an external entity is never fetched. */
    @Test
    void read_xxeExternalEntityIsNeverResolvedNorFetched() throws Exception {
        AtomicInteger fetched = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            byte[] body = "attacker@example.org".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
            String[] attacks = {
                "<!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM \"" + url + "\">]>",
                "<!DOCTYPE Autodiscover [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>",
                "<!DOCTYPE Autodiscover SYSTEM \"" + url + "\">",
                "<!DOCTYPE Autodiscover [<!ENTITY % p SYSTEM \"" + url + "\"> %p;]>",
            };
            for (String doctype : attacks) {
                String body = Requests.outlook("&xxe;").replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>",
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + doctype);
                RequestReader.Result.Rejected r = rejected(read(body), ErrorCode.INVALID_REQUEST);
                assertThat(r.error().reason()).contains("DTD");
            }
            assertThat(fetched.get()).isZero();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void read_billionLaughsIsRefusedWithoutExpanding() {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE Autodiscover [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]>");
        String body = Requests.outlook("&lol9;@unimi.it").replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", dtd);
        long start = System.nanoTime();
        RequestReader.Result.Rejected r = rejected(read(body), ErrorCode.INVALID_REQUEST);
        assertThat(r.error().reason()).contains("DTD");
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void read_undeclaredEntityIsMalformed() {
        rejected(read(Requests.outlook("&nbsp;a@unimi.it")), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_utf16WithByteOrderMark() {
        byte[] body = Requests.outlook("càrlo@unimi.it").replace("utf-8", "utf-16").getBytes(StandardCharsets.UTF_16);
        assertThat(body[0] & 0xff).isEqualTo(0xFE);
        // The BOM wins over a wrong HTTP charset (RFC 7303).
        assertThat(accepted(reader.read(body, Optional.of("utf-8"))).address().localPart()).isEqualTo("càrlo");
    }

    @Test
    void read_declaredLatin1() {
        byte[] body = Requests.outlook("càrlo@unimi.it").replace("utf-8", "ISO-8859-1").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(accepted(reader.read(body, Optional.empty())).address().localPart()).isEqualTo("càrlo");
    }

    @Test
    void read_utf16WithoutByteOrderMarkIsSniffed() {
        byte[] body = Requests.outlook("càrlo@unimi.it").replace("utf-8", "UTF-16LE").getBytes(StandardCharsets.UTF_16LE);
        assertThat(accepted(reader.read(body, Optional.empty())).address().localPart()).isEqualTo("càrlo");
    }

    @Test
    void read_httpCharsetWhenTheDocumentDeclaresNone() {
        byte[] body = Requests.outlook("càrlo@unimi.it").replace("<?xml version=\"1.0\" encoding=\"utf-8\"?>", "")
                .getBytes(Charset.forName("windows-1252"));
        assertThat(accepted(reader.read(body, Optional.of("windows-1252"))).address().localPart()).isEqualTo("càrlo");
        // Without the charset the same bytes are not UTF-8: refused, not guessed.
        rejected(reader.read(body, Optional.empty()), ErrorCode.INVALID_REQUEST);
    }

    @Test
    void read_unknownHttpCharsetFallsBackToTheDocument() {
        byte[] body = Requests.outlook("càrlo@unimi.it").getBytes(StandardCharsets.UTF_8);
        assertThat(accepted(reader.read(body, Optional.of("x-no-such-charset"))).address().localPart()).isEqualTo("càrlo");
    }

    @Test
    void read_invalidUtf8IsInvalid() {
        byte[] good = Requests.outlook("xarlo@unimi.it").getBytes(StandardCharsets.UTF_8);
        String text = new String(good, StandardCharsets.ISO_8859_1);
        byte[] bad = text.replace("xarlo", "\u00c3\u0028arlo").getBytes(StandardCharsets.ISO_8859_1);
        rejected(reader.read(bad, Optional.empty()), ErrorCode.INVALID_REQUEST);
        rejected(reader.read(bad, Optional.of("utf-8")), ErrorCode.INVALID_REQUEST);
    }
}
