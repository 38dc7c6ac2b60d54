package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mailautoconf.directory.Directories.Outcome;
import org.mailautoconf.registry.EmailAddress;

/** A name no source has resolves at once to the template answer, counted. */
class DirectoriesTimeoutTest {

    @Test
    void unknownSource_isNoSourceAtOnce() throws Exception {
        try (Directories d = Directories.open(new DirectorySettings(Duration.ofSeconds(1), Duration.ofMinutes(1), 60, Map.of()))) {
            var r = d.resolve("missing", EmailAddress.parse("a@b.example")).get(1, TimeUnit.SECONDS);
            assertThat(r.outcome()).isEqualTo(Outcome.NO_SOURCE);
            assertThat(r.entry().found()).isFalse();
            assertThat(d.total(Outcome.NO_SOURCE)).isEqualTo(1);
            assertThat(d.cached("missing", EmailAddress.parse("a@b.example"))).isEqualTo(Optional.empty());
        }
    }
}
