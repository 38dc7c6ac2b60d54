package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mailautoconf.ServiceConfig;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** Autodiscover v2 JSON against the shipped providers, with and without a public URL. */
class AutodiscoverJsonHttpTest {

    private static final String POX = "https://autoconfig.example.net/autodiscover/autodiscover.xml";
    private static RunningService withUrl;
    private static RunningService withoutUrl;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().withProvidersDir(Registries.SHIPPED);
        withUrl = RunningService.start(config.withPublicBaseUrl(Optional.of(URI.create("https://autoconfig.example.net"))));
        withoutUrl = RunningService.start(config);
    }

    @AfterAll
    static void stop() throws Exception {
        withUrl.close();
        withoutUrl.close();
    }

    private JsonNode json(HttpResponse<byte[]> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        return mapper.readTree(response.body());
    }

    @Test
    void get_autodiscoverV1_byQueryAndByPath_inEveryCase() throws Exception {
        List<String> asks = List.of(
                "/autodiscover/autodiscover.json?Email=mario.rossi%40polito.it&Protocol=AutodiscoverV1",
                "/Autodiscover/Autodiscover.json?Email=mario.rossi@polito.it&Protocol=Autodiscoverv1&RedirectCount=1",
                "/autodiscover/autodiscover.json?email=mario.rossi%40polito.it&protocol=autodiscoverv1",
                "/autodiscover/autodiscover.json/v1.0/mario.rossi@polito.it?Protocol=AutodiscoverV1",
                "/AutoDiscover/AutoDiscover.json/V1.0/mario.rossi%40polito.it?Protocol=AutodiscoverV1");
        for (String ask : asks) {
            JsonNode json = json(withUrl.get(ask), 200);
            assertThat(json.get("Protocol").asText()).as(ask).isEqualTo("AutodiscoverV1");
            assertThat(json.get("Url").asText()).as(ask).isEqualTo(POX);
        }
    }

    @Test
    void get_activeSync_isPolitosServer_andAnErrorForOthers() throws Exception {
        JsonNode json = json(withUrl.get("/autodiscover/autodiscover.json/v1.0/a%40polito.it?Protocol=ActiveSync"), 200);
        assertThat(json.get("Protocol").asText()).isEqualTo("ActiveSync");
        assertThat(json.get("Url").asText()).isEqualTo("https://mail.polito.it/Microsoft-Server-ActiveSync");
        assertThat(json(withUrl.get("/autodiscover/autodiscover.json?Email=a%40unimi.it&Protocol=ActiveSync"), 404)
                .get("ErrorCode").asText()).isEqualTo("ProtocolNotAvailable");
    }

    @Test
    void get_unknownProtocol_is400InvalidProtocol() throws Exception {
        JsonNode json = json(withUrl.get("/autodiscover/autodiscover.json?Email=a%40polito.it&Protocol=Ews"), 400);
        assertThat(json.get("ErrorCode").asText()).isEqualTo("InvalidProtocol");
        assertThat(json.get("ErrorMessage").asText()).contains("'Ews'").contains("ActiveSync,AutodiscoverV1");
        assertThat(json(withUrl.get("/autodiscover/autodiscover.json?Email=a%40polito.it"), 400).get("ErrorCode").asText())
                .isEqualTo("InvalidProtocol");
    }

    @Test
    void get_unknownDomainOrBadAddress() throws Exception {
        assertThat(json(withUrl.get("/autodiscover/autodiscover.json?Email=a%40unknown.example&Protocol=AutodiscoverV1"), 404)
                .get("ErrorCode").asText()).isEqualTo("UserNotFound");
        assertThat(json(withUrl.get("/autodiscover/autodiscover.json?Email=nobody&Protocol=AutodiscoverV1"), 400)
                .get("ErrorCode").asText()).isEqualTo("InvalidUser");
        assertThat(json(withUrl.get("/autodiscover/autodiscover.json?Protocol=AutodiscoverV1"), 400)
                .get("ErrorCode").asText()).isEqualTo("InvalidUser");
    }

    @Test
    void get_withoutPublicUrl_autodiscoverV1IsExplained_activeSyncStillAnswers() throws Exception {
        JsonNode json = json(withoutUrl.get("/autodiscover/autodiscover.json?Email=a%40polito.it&Protocol=AutodiscoverV1"), 404);
        assertThat(json.get("ErrorCode").asText()).isEqualTo("AutodiscoverUrlNotConfigured");
        assertThat(json(withoutUrl.get("/autodiscover/autodiscover.json?Email=a%40polito.it&Protocol=ActiveSync"), 200)
                .get("Url").asText()).isEqualTo("https://mail.polito.it/Microsoft-Server-ActiveSync");
    }

    @Test
    void get_addressInThePathIsNotLogged() throws Exception {
        String log;
        try (LogCapture capture = new LogCapture()) {
            withUrl.get("/autodiscover/autodiscover.json/v1.0/secret.person%40unknown.example?Protocol=AutodiscoverV1");
            log = capture.text();
        }
        assertThat(log).contains("/autodiscover/autodiscover.json/v1.0/… -> 404: v2 JSON error UserNotFound").doesNotContain("secret.person");
    }
}
