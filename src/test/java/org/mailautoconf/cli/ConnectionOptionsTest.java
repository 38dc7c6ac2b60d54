package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.mailautoconf.ConnectionLimits;
import org.mailautoconf.HostPort;
import org.mailautoconf.ServiceConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code serve}'s connection flags, read by picocli into the config the service gets. */
class ConnectionOptionsTest {

    private static ServiceConfig parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config();
    }

    @Test
    void defaults_suitAPublicService() {
        ServiceConfig config = parse();
        assertThat(config.connections()).isEqualTo(ConnectionLimits.defaults());
        assertThat(config.connections().idleTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.connections().requestTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.connections().maxConnections()).isEqualTo(10_000);
        assertThat(config.connections().reserve()).isEqualTo(1_000);
        assertThat(config.management()).isEmpty();
    }

    @Test
    void flags_reachTheConfig() {
        ServiceConfig config = parse("--idle-timeout", "2.5", "--request-timeout", "4", "--max-connections", "300",
                "--management-listen", "[::1]:9090");
        assertThat(config.connections()).isEqualTo(new ConnectionLimits(Duration.ofMillis(2500), Duration.ofSeconds(4), 300));
        assertThat(config.management()).contains(new HostPort("::1", 9090));
    }

    @Test
    void badValues_nameTheFlag() {
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--idle-timeout", "0")).withMessageContaining("--idle-timeout must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--request-timeout", "-1")).withMessageContaining("--request-timeout must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--max-connections", "1")).withMessageContaining("--max-connections must be at least 2");
        assertThatIllegalArgumentException().isThrownBy(() -> parse("--management-listen", "9090"))
                .withMessageContaining("--management-listen 9090: expected ADDRESS:PORT");
    }
}
