package org.mailautoconf.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.HostPort;

/** deploy/systemd: the unit as systemd reads it, and the command it runs with the example env file. */
class SystemdUnitTest {

    private static final String UNIT = DeployFiles.read(DeployFiles.SYSTEMD_UNIT);

    /** Every value of {@code key=} in the unit, in order (comments skipped, one pair of double quotes around it removed). */
    static List<String> values(String key) {
        return UNIT.lines().map(String::strip).filter(l -> l.startsWith(key + "=")).map(l -> l.substring(key.length() + 1))
                .map(v -> v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v).toList();
    }

    static String value(String key) {
        List<String> all = values(key);
        assertThat(all).as(key + "= in the unit").hasSize(1);
        return all.get(0);
    }

    /** The environment of the service: the unit's Environment= lines, then the env file's (which win). */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String assignment : values("Environment")) {
            int eq = assignment.indexOf('=');
            env.put(assignment.substring(0, eq), assignment.substring(eq + 1));
        }
        env.putAll(DeployFiles.envFile(DeployFiles.read(DeployFiles.SYSTEMD_ENV)));
        return env;
    }

    @Test
    void systemdAnalyzeVerify_findsNothingToSay() {
        Path analyze = Tools.require("systemd-analyze", "apt-get install systemd (.ci/install-deploy-tools)");
        Tools.Result r = Tools.run(Path.of("."), analyze.toString(), "verify", DeployFiles.SYSTEMD_UNIT.toAbsolutePath().toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        // verify only warns (exit 0) about unknown keys and unparsable values: any line naming the unit is one.
        assertThat(r.output()).doesNotContain("mailautoconf.service");
    }

    @Test
    void sandbox_exposureStaysLow() {
        Path analyze = Tools.require("systemd-analyze", "apt-get install systemd (.ci/install-deploy-tools)");
        // 2.0 on systemd's 0-10 scale ("OK"); weakening the sandbox raises it.
        Tools.Result r = Tools.run(Path.of("."), analyze.toString(), "security", "--offline=true", "--threshold=20",
                DeployFiles.SYSTEMD_UNIT.toAbsolutePath().toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("Overall exposure level for mailautoconf.service");
    }

    @Test
    void unit_readsItsSettingsFromTheEnvFile_andTheRegistryReadOnly() {
        assertThat(value("EnvironmentFile")).isEqualTo("-/etc/default/mailautoconf");
        assertThat(value("DynamicUser")).isEqualTo("yes");
        assertThat(value("NoNewPrivileges")).isEqualTo("yes");
        assertThat(value("ProtectSystem")).isEqualTo("strict");
        String providers = environment().get("MAILAUTOCONF_PROVIDERS");
        assertThat(Arrays.stream(value("ReadOnlyPaths").split("\\s+"))).anyMatch(p -> Path.of(providers).startsWith(p));
        assertThat(environment()).containsEntry("MAILAUTOCONF_LISTEN", "127.0.0.1");
        assertThat(HostPort.parse(environment().get("MAILAUTOCONF_MANAGEMENT_LISTEN")).host()).as("management on loopback").isEqualTo("127.0.0.1");
        assertThat(value("Type")).isEqualTo("exec");
        assertThat(values("MemoryDenyWriteExecute")).as("the JIT compiler needs writable code memory").isEmpty();
    }

    @Test
    void execStart_withTheExampleEnvFile_startsTheService_andStopsCleanly(@TempDir Path work) throws IOException {
        Map<String, String> env = environment();
        List<String> command = new ArrayList<>();
        for (String word : value("ExecStart").split("\\s+")) {
            if (word.equals("$JAVA_OPTS")) {
                // systemd splits an unquoted $VAR at white space
                command.addAll(List.of(env.getOrDefault("JAVA_OPTS", "").split("\\s+")));
            } else {
                command.add(word);
            }
        }
        assertThat(command.get(0)).isEqualTo("/usr/bin/java");
        int jar = command.indexOf("-jar");
        assertThat(command.subList(jar + 1, command.size())).containsExactly("/opt/mailautoconf/mailautoconf.jar", "serve");
        // What the test changes: a free port, and the example registry instead of /etc/mailautoconf.
        env.put("MAILAUTOCONF_PORT", String.valueOf(ServeProcess.freePort()));
        env.put("MAILAUTOCONF_MANAGEMENT_LISTEN", "127.0.0.1:" + ServeProcess.freePort());
        env.put("MAILAUTOCONF_PROVIDERS", DeployFiles.EXAMPLE_PROVIDERS.toAbsolutePath().toString());
        ServeProcess serve = ServeProcess.start(command.subList(1, jar), env, work);
        try (serve) {
            assertThat(serve.management("/readyz").statusCode()).isEqualTo(200);
            assertThat(serve.management("/metrics").statusCode()).isEqualTo(200);
            assertThat(serve.get("/readyz").statusCode()).as("/readyz on the port nginx passes on").isEqualTo(404);
            var json = serve.get("/autodiscover/autodiscover.json?Email=mario@example.org&Protocol=AutodiscoverV1");
            assertThat(json.body()).contains(env.get("MAILAUTOCONF_PUBLIC_URL") + "/autodiscover/autodiscover.xml");
        }
        // systemctl stop sends SIGTERM; the unit must count the JVM's answer to it as success.
        assertThat(values("SuccessExitStatus")).containsExactly(String.valueOf(serve.exitValue()));
    }
}
