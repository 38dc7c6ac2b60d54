package org.mailautoconf.format.autodiscover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;

class JsonRendererTest {

    private static final Registry SHIPPED = Registries.shipped();
    private static final Registry TEST = Registries.load(Path.of("src/test/resources/providers/autodiscover"));
    private static final Optional<URI> BASE = Optional.of(URI.create("https://autoconfig.example.net/"));

    private final JsonRenderer renderer = new JsonRenderer();
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode answer(Registry r, String protocol, String address, Optional<URI> base, int status) throws IOException {
        EmailAddress a = EmailAddress.parse(address);
        Optional<Provider> p = r.providerFor(a.domain()).map(Registry.Match::provider);
        JsonRenderer.JsonReply reply = renderer.answer(protocol, p, a, base);
        assertThat(reply.status()).isEqualTo(status);
        JsonNode json = mapper.readTree(reply.body());
        assertThat(reply.errorCode().isPresent()).isEqualTo(status != 200);
        reply.errorCode().ifPresent(code -> assertThat(json.get("ErrorCode").asText()).isEqualTo(code));
        return json;
    }

    @Test
    void answer_autodiscoverV1_isThePoxUrlUnderThePublicBase_inAnyCase() throws IOException {
        for (String name : new String[] {"AutodiscoverV1", "Autodiscoverv1", "autodiscoverv1"}) {
            JsonNode json = answer(SHIPPED, name, "a@unimi.it", BASE, 200);
            assertThat(json.get("Protocol").asText()).isEqualTo("AutodiscoverV1");
            assertThat(json.get("Url").asText()).isEqualTo("https://autoconfig.example.net/autodiscover/autodiscover.xml");
            assertThat(json.size()).isEqualTo(2);
        }
    }

    @Test
    void answer_autodiscoverV1_withoutPublicBase_explainsIt() throws IOException {
        JsonNode json = answer(SHIPPED, "AutodiscoverV1", "a@unimi.it", Optional.empty(), 404);
        assertThat(json.get("ErrorCode").asText()).isEqualTo("AutodiscoverUrlNotConfigured");
        assertThat(json.get("ErrorMessage").asText()).contains("--public-url");
    }

    @Test
    void answer_autodiscoverV1_forARedirectedProvider_isItsServer() throws IOException {
        JsonNode json = answer(TEST, "AutodiscoverV1", "a@remote.example", Optional.empty(), 200);
        assertThat(json.get("Url").asText()).isEqualTo("https://autodiscover.remote.example/autodiscover/autodiscover.xml");
    }

    @Test
    void answer_activeSync_isTheProvidersUrl_orAnError() throws IOException {
        JsonNode json = answer(SHIPPED, "activesync", "a@polito.it", BASE, 200);
        assertThat(json.get("Protocol").asText()).isEqualTo("ActiveSync");
        assertThat(json.get("Url").asText()).isEqualTo("https://mail.polito.it/Microsoft-Server-ActiveSync");
        assertThat(answer(SHIPPED, "ActiveSync", "a@unimi.it", BASE, 404).get("ErrorCode").asText()).isEqualTo("ProtocolNotAvailable");
    }

    @Test
    void answer_unknownProtocol_isExchangesInvalidProtocol() throws IOException {
        JsonNode json = answer(SHIPPED, "Ews", "a@polito.it", BASE, 400);
        assertThat(json.get("ErrorCode").asText()).isEqualTo("InvalidProtocol");
        assertThat(json.get("ErrorMessage").asText())
                .isEqualTo("The given protocol value 'Ews' is invalid. Supported values are 'ActiveSync,AutodiscoverV1'");
        assertThat(answer(SHIPPED, null, "a@polito.it", BASE, 400).get("ErrorCode").asText()).isEqualTo("InvalidProtocol");
    }

    @Test
    void answer_unknownDomain() throws IOException {
        assertThat(answer(SHIPPED, "ActiveSync", "a@unknown.example", BASE, 404).get("ErrorCode").asText()).isEqualTo("UserNotFound");
    }

    @Test
    void poxEndpoint_keepsAPathPrefix() {
        assertThat(PoxEndpoint.under(URI.create("https://h.example/mail//"))).isEqualTo(
                URI.create("https://h.example/mail/autodiscover/autodiscover.xml"));
        assertThat(PoxEndpoint.under(URI.create("https://h.example"))).isEqualTo(
                URI.create("https://h.example/autodiscover/autodiscover.xml"));
    }
}
