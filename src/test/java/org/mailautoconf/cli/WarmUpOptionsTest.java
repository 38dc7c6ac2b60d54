package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mailautoconf.WarmUpSettings;
import picocli.CommandLine;

class WarmUpOptionsTest {

    private static WarmUpSettings warmUp(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config().warmUp();
    }

    @Test
    void flags_becomeTheSettings_andServeWarmsUpByDefault() {
        assertThat(warmUp("--warm-up-requests", "500", "--warm-up-seconds", "1.5"))
                .isEqualTo(new WarmUpSettings(500, Duration.ofMillis(1500)));
        assertThat(warmUp()).isEqualTo(WarmUpSettings.defaults());
        assertThat(warmUp("--warm-up-requests", "0").enabled()).isFalse();
    }

    @Test
    void badValues_nameTheFlag() {
        assertThatThrownBy(() -> warmUp("--warm-up-requests", "-1")).hasMessageContaining("--warm-up-requests");
        assertThatThrownBy(() -> warmUp("--warm-up-requests", "2000000")).hasMessageContaining("--warm-up-requests");
        assertThatThrownBy(() -> warmUp("--warm-up-seconds", "0")).hasMessageContaining("--warm-up-seconds");
        assertThatThrownBy(() -> warmUp("--warm-up-seconds", "61")).hasMessageContaining("--warm-up-seconds");
    }
}
