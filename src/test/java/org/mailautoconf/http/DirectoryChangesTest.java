package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.RunningService;

class DirectoryChangesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void notifications_reportAnEditOnce_andNothingWhileQuiet(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "id: a\n");
        try (DirectoryChanges changes = new DirectoryChanges(dir)) {
            assertThat(changes.changed()).isFalse();
            Files.writeString(dir.resolve("a.yaml"), "id: a\nname: A\n");
            RunningService.await(WAIT, "the edit's notification", changes::changed);
            assertThat(changes.changed()).isFalse();
        }
    }

    @Test
    void notifications_coverASubdirectoryCreatedLater(@TempDir Path dir) throws Exception {
        try (DirectoryChanges changes = new DirectoryChanges(dir)) {
            Files.createDirectories(dir.resolve("certs"));
            RunningService.await(WAIT, "the new directory", changes::changed);
            Files.writeString(dir.resolve("certs/ca.crt"), "not yet a certificate");
            RunningService.await(WAIT, "the file in the new directory", changes::changed);
        }
    }

    @Test
    void withoutNotifications_theFingerprintSeesSizeAndNameChanges(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "id: a\n");
        try (DirectoryChanges changes = new DirectoryChanges(dir, false)) {
            assertThat(changes.changed()).isFalse();
            Files.writeString(dir.resolve("a.yaml"), "id: a\nname: A\n");
            assertThat(changes.changed()).isTrue();
            assertThat(changes.changed()).isFalse();
            Files.writeString(dir.resolve("b.yaml"), "id: b\n");
            assertThat(changes.changed()).isTrue();
            Files.delete(dir.resolve("b.yaml"));
            assertThat(changes.changed()).isTrue();
        }
    }
}
