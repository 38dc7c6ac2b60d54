package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mailautoconf.LogSettings;
import picocli.CommandLine;

class LogOptionsTest {

    private static ServeCommand serve(String... args) {
        ServeCommand command = new ServeCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void theFlags_setFormatLevelAndClientAddress_inAnyLetterCase() {
        assertThat(serve("--log-format", "JSON", "--log-level", "debug", "--access-log-client", "none").config().logging())
                .isEqualTo(new LogSettings(LogSettings.Format.JSON, LogSettings.Level.DEBUG, LogSettings.ClientAddress.NONE));
    }

    @Test
    void withoutFlags_plainAtInfo_withTheClientsNetwork() {
        // Holds only where the test's environment sets none of the variables, as under .ci/run.
        assertThat(serve().config().logging()).isEqualTo(LogSettings.defaults());
    }

    @Test
    void aWrongValue_isRefused_namingTheFlagAndTheChoices() {
        assertThatThrownBy(() -> serve("--log-format", "xml").config()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--log-format must be one of plain, json, was 'xml'");
        assertThatThrownBy(() -> serve("--log-level", "verbose").config()).hasMessageContaining("--log-level");
        assertThatThrownBy(() -> serve("--access-log-client", "half").config()).hasMessageContaining("--access-log-client");
    }
}
