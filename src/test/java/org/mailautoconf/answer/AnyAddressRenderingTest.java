package org.mailautoconf.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.dd.plist.NSDictionary;
import com.dd.plist.PropertyListParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.autodiscover.JsonRenderer;
import org.mailautoconf.format.autodiscover.MobileSyncRenderer;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.setuppage.Language;
import org.mailautoconf.format.setuppage.Outcome;
import org.mailautoconf.format.setuppage.SetupPage;
import org.mailautoconf.registry.DomainPattern;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Any text a client may send as an address is either refused when it is parsed, or every answer
 * format writes it into a document that a strict parser of that format reads back: XML (autoconfig,
 * Outlook, mobilesync, the setup page, which is written as XML) with StAX, the Apple profile with
 * dd-plist, v2 JSON with a strict Jackson. U+FFFE in a local part once gave a 200 answer no
 * client could read, and cached it.
 */
class AnyAddressRenderingTest {

    private static final Registry REGISTRY = Registries.shipped();
    /** polito.it offers ActiveSync, so the mobilesync answer is rendered, not refused. */
    private static final List<String> DOMAINS = REGISTRY.providers().stream()
            .flatMap(p -> p.domains().stream().filter(d -> !d.wildcard()).map(DomainPattern::name))
            .map(d -> d.unicode()).toList();
    private static final JsonMapper STRICT_JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final XMLInputFactory STRICT_XML = XMLInputFactory.newFactory();

    static {
        STRICT_XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        STRICT_XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        STRICT_XML.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    }

    private final SetupPage setupPage = new SetupPage();
    private final JsonRenderer json = new JsonRenderer();
    private final AutoconfigRenderer autoconfig = new AutoconfigRenderer();
    private final MobileconfigRenderer mobileconfig = new MobileconfigRenderer();
    private final FormatRenderer outlook = AutodiscoverAnswers.of(new OutlookRenderer());
    private final FormatRenderer mobilesync = AutodiscoverAnswers.of(new MobileSyncRenderer());

    /** Bounded: each property runs this many addresses, in a few seconds. */
    private static final int TRIES = 300;

    /** How the addresses of one property ended: refused at parse, served, or for a domain no provider has. */
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    @Test
    void anyLocalPart_isRefusedOrWrittenReadably() {
        qt().withExamples(TRIES).forAll(localParts(), Generate.pick(DOMAINS))
                .checkAssert((local, domain) -> everyFormatReads(local + "@" + domain));

        assertThat(count("refused")).as("outcomes %s", outcomes).isGreaterThan(TRIES / 10);
        assertThat(count("served")).as("outcomes %s", outcomes).isGreaterThan(TRIES / 10);
    }

    @Test
    void anyDomain_isRefusedOrWrittenReadably() {
        qt().withExamples(TRIES).forAll(localParts(), anyText())
                .checkAssert((local, domain) -> everyFormatReads(local + "@" + domain));

        assertThat(count("refused")).as("outcomes %s", outcomes).isGreaterThan(TRIES / 10);
    }

    private int count(String outcome) {
        return outcomes.getOrDefault(outcome, new AtomicInteger()).get();
    }

    private void outcome(String name) {
        outcomes.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
    }

    private void everyFormatReads(String typed) {
        try {
            renderAndRead(typed);
        } catch (Exception e) {
            throw new AssertionError("an answer for " + typed.codePoints().mapToObj(cp -> String.format("U+%04X", cp)).toList()
                    + " does not read back: " + e, e);
        }
    }

    private void renderAndRead(String typed) throws Exception {
        EmailAddress address;
        try {
            address = EmailAddress.parse(typed);
        } catch (IllegalArgumentException refused) {
            outcome("refused");
            // Refused at parse: the only answer is the setup page's form, showing the text again.
            strictXml(setupPage.render(Language.EN, new Outcome.Invalid(typed), Optional.empty(), Optional.empty()));
            return;
        }
        Optional<Provider> provider = REGISTRY.providerFor(address.domain()).map(Registry.Match::provider);
        outcome(provider.isPresent() ? "served" : "unknown domain");
        if (provider.isEmpty()) {
            strictXml(setupPage.render(Language.IT, new Outcome.Unknown(typed, address.domain()), Optional.empty(), Optional.empty()));
            strictJson(json.answer("AutodiscoverV1", provider, address, Optional.empty()).body());
            return;
        }
        Provider p = provider.get();
        Optional<EmailAddress> a = Optional.of(address);
        String autoconfigText = strictXml(autoconfig.render(p, address.domain(), a));
        assertThat(autoconfigText).contains(address.toString());
        strictXml(outlook.render(p, address.domain(), a).body());
        if (mobilesync.refusal(p, address.domain(), a).isEmpty()) {
            strictXml(mobilesync.render(p, address.domain(), a).body());
        }
        NSDictionary profile = (NSDictionary) PropertyListParser.parse(mobileconfig.render(p, address.domain(), a));
        assertThat(profile.containsKey("PayloadContent")).isTrue();
        strictXml(setupPage.render(Language.EN, new Outcome.Found(p, address), Optional.empty(), Optional.of(URI.create("https://autoconfig.example.org/"))));
        strictJson(json.answer("AutodiscoverV1", provider, address, Optional.of(URI.create("https://autoconfig.example.org"))).body());
        strictJson(json.answer("ActiveSync", provider, address, Optional.empty()).body());
    }

    /** Reads the whole document as well-formed XML 1.0 from strict UTF-8 bytes; returns its text content. */
    private static String strictXml(byte[] body) throws Exception {
        strictUtf8(body);
        XMLStreamReader xml = STRICT_XML.createXMLStreamReader(new ByteArrayInputStream(body));
        StringBuilder text = new StringBuilder();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamReader.CHARACTERS) {
                text.append(xml.getText());
            }
        }
        return text.toString();
    }

    private static void strictJson(byte[] body) throws Exception {
        strictUtf8(body);
        assertThat(STRICT_JSON.readTree(body).isObject()).isTrue();
    }

    private static void strictUtf8(byte[] body) throws Exception {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
    }

    /**
     * Local parts: any code points (unpaired surrogates among them), any UTF-16 units, and short
     * mixes of letters with what the formats escape or cannot carry.
     */
    private static Gen<String> localParts() {
        Gen<String> tricky = Generate.pick(List.of("a", "è", ".", "+", "&", "<", ">", "\"", "'", "%", "]]>", "\uFFFE", "\uFFFF",
                        "\uFDD0", "\uD800", "\uDC00", "\u0000", "\u0085", "\u2028", "😀", "\uDBFF\uDFFF"))
                .zip(Generate.pick(List.of("mario", "x", "nome.cognome", "")), (a, b) -> b + a)
                .zip(integers().between(1, 4), (piece, n) -> piece.repeat(n));
        return Generate.frequency(Pair.of(2, anyText()), Pair.of(1, strings().allPossible().ofLengthBetween(1, 12)),
                Pair.of(3, tricky));
    }

    /** Any UTF-16 text: each unit drawn from the whole range, so lone surrogates come often. */
    private static Gen<String> anyText() {
        return strings().betweenCodePoints(0, 0x10FFFF).ofLengthBetween(1, 40)
                .mix(Generate.intArrays(integers().between(1, 20), integers().between(0, 0xFFFF)).map(units -> {
                    StringBuilder text = new StringBuilder(units.length);
                    for (int unit : units) {
                        text.append((char) unit);
                    }
                    return text.toString();
                }), 30);
    }
}
