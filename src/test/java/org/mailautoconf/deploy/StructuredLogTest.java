package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;

/** {@code serve} as a process, logging as the environment says: JSON lines with the fields docs/operations.md lists, and the level. */
class StructuredLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("MAILAUTOCONF_LISTEN", "127.0.0.1");
        env.put("MAILAUTOCONF_PORT", String.valueOf(ServeProcess.freePort()));
        env.put("MAILAUTOCONF_PROVIDERS", Registries.SHIPPED.toAbsolutePath().toString());
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void logFormatJson_writesOneJsonObjectPerLine_withTheDocumentedFields(@TempDir Path work) throws IOException {
        try (ServeProcess serve = ServeProcess.start(List.of(), env("MAILAUTOCONF_LOG_FORMAT", "json", "MAILAUTOCONF_ACCESS_LOG", "true",
                "MAILAUTOCONF_ACCESS_LOG_CLIENT", "full"), work)) {
            assertThat(serve.get("/mail/config-v1.1.xml?emailaddress=secret.person%40polito.it").statusCode()).isEqualTo(200);
            assertThat(serve.get("/v1.1/nowhere.example").statusCode()).isEqualTo(404);
            RunningService.await(Duration.ofSeconds(10), "three access-log lines",
                    () -> serve.log().lines().filter(l -> l.contains("org.mailautoconf.access")).count() >= 3);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : serve.log().lines().filter(l -> !l.isBlank()).toList()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.isObject()).as(line).isTrue();
                assertThat(node.get("timestamp").isNumber()).as(line).isTrue();
                assertThat(node.get("level").asText()).as(line).isIn("ERROR", "WARN", "INFO");
                assertThat(node.get("loggerName").asText()).as(line).startsWith("org.mailautoconf");
                assertThat(node.get("formattedMessage").asText()).as(line).isNotEmpty();
                lines.add(node);
            }
            assertThat(lines).anyMatch(n -> n.get("formattedMessage").asText().startsWith("listening on http://127.0.0.1:"));
            JsonNode access = lines.stream().filter(n -> n.get("loggerName").asText().equals("org.mailautoconf.access")
                    && n.get("formattedMessage").asText().contains("/mail/config-v1.1.xml")).findFirst().orElseThrow();
            Map<String, String> fields = fields(access);
            assertThat(fields).containsEntry("method", "GET").containsEntry("path", "/mail/config-v1.1.xml").containsEntry("status", "200")
                    .containsEntry("format", "autoconfig").containsEntry("domain", "polito.it").containsEntry("client", "127.0.0.1")
                    .containsKeys("bytes", "micros");
            JsonNode refused = lines.stream().filter(n -> n.get("loggerName").asText().equals("org.mailautoconf.requests")).findFirst().orElseThrow();
            assertThat(fields(refused)).containsEntry("method", "GET").containsEntry("path", "/v1.1/nowhere.example")
                    .containsEntry("status", "404").containsKey("reason");
            assertThat(serve.log()).doesNotContain("secret.person");
        }
    }

    /** logback's {@code kvpList}: an array of one-field objects. */
    private static Map<String, String> fields(JsonNode line) {
        Map<String, String> fields = new HashMap<>();
        line.get("kvpList").forEach(pair -> pair.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText())));
        return fields;
    }

    @Test
    void logLevelWarn_leavesOutTheInformationLines(@TempDir Path work) throws IOException {
        try (ServeProcess serve = ServeProcess.start(List.of(), env("MAILAUTOCONF_LOG_LEVEL", "warn"), work)) {
            assertThat(serve.get("/v1.1/nowhere.example").statusCode()).isEqualTo(404);
            assertThat(serve.log()).doesNotContain("listening on").doesNotContain(" INFO ").doesNotContain("nowhere.example");
        }
    }
}
