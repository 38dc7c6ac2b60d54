package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mailautoconf.SigningLimits;
import picocli.CommandLine;

class SigningOptionsTest {

    private static SigningLimits limits(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return serve.config().signingLimits();
    }

    @Test
    void flags_becomeTheLimits() {
        assertThat(limits("--sign-threads", "3", "--sign-queue", "7", "--client-work-per-minute", "0", "--client-work-burst", "5", "--sign-rate", "40"))
                .isEqualTo(new SigningLimits(3, 7, 0, 5, 40));
    }

    @Test
    void defaults_halfTheCoresAndAFewDozenWaiting() {
        SigningLimits limits = limits();

        assertThat(limits.threads()).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        assertThat(limits.queue()).isEqualTo(SigningLimits.DEFAULT_QUEUE);
        assertThat(limits.limitsClients()).isTrue();
        assertThat(limits.perSecond()).isEqualTo(SigningLimits.DEFAULT_PER_SECOND);
        assertThat(limits.capsRate()).isTrue();
    }

    @Test
    void badValues_nameTheFlag() {
        assertThatThrownBy(() -> limits("--sign-queue", "0")).hasMessageContaining("--sign-queue");
        assertThatThrownBy(() -> limits("--sign-threads", "-1")).hasMessageContaining("--sign-threads");
        assertThatThrownBy(() -> limits("--client-work-per-minute", "-5")).hasMessageContaining("--client-work-per-minute");
        assertThatThrownBy(() -> limits("--client-work-burst", "0")).hasMessageContaining("--client-work-burst");
        assertThatThrownBy(() -> limits("--sign-rate", "-1")).hasMessageContaining("--sign-rate");
    }
}
