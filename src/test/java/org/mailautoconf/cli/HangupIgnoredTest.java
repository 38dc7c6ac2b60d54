package org.mailautoconf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} reads whether SIGHUP is ignored from the SigIgn mask of /proc/self/status. */
class HangupIgnoredTest {

    @Test
    void theMasksLowestBitIsSighup(@TempDir Path tmp) throws Exception {
        assertThat(ServeCommand.hangupIgnored(status(tmp, "0000000000000001"))).isTrue();
        assertThat(ServeCommand.hangupIgnored(status(tmp, "0000000000001001"))).isTrue();
        assertThat(ServeCommand.hangupIgnored(status(tmp, "0000000000001000"))).isFalse();
        assertThat(ServeCommand.hangupIgnored(status(tmp, "0000000000000000"))).isFalse();
    }

    @Test
    void noSuchFileOrLine_isNotIgnored(@TempDir Path tmp) throws Exception {
        assertThat(ServeCommand.hangupIgnored(tmp.resolve("missing"))).isFalse();
        Path empty = Files.writeString(tmp.resolve("empty"), "Name:\tjava\n");
        assertThat(ServeCommand.hangupIgnored(empty)).isFalse();
        // A mask that is not hex (no kernel writes one) reads as not ignored rather than failing the start.
        assertThat(ServeCommand.hangupIgnored(status(tmp, "zz"))).isFalse();
        assertThat(ServeCommand.hangupIgnored(status(tmp, ""))).isFalse();
    }

    private static Path status(Path dir, String mask) throws Exception {
        return Files.writeString(dir.resolve("status-" + mask), "Name:\tjava\nSigBlk:\t0000000000000000\nSigIgn:\t" + mask + "\nSigCgt:\t0\n");
    }
}
