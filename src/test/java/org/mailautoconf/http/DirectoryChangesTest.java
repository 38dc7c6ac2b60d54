package org.mailautoconf.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.testing.ConfigMapVolume;
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

    @Test
    void notifications_seeAConfigMapUpdate_withoutTheFingerprint(@TempDir Path dir) throws Exception {
        ConfigMapVolume volume = new ConfigMapVolume(dir);
        volume.publish(Map.of("a.yaml", "id: a\n"));
        try (DirectoryChanges changes = new DirectoryChanges(dir)) {
            assertThat(changes.changed()).isFalse();
            volume.publish(Map.of("a.yaml", "id: a\nname: A\n"));
            // Fewer checks than the fingerprint needs to see anything (its first one only sets it):
            // a change reported here came from the notifications of the ..data swap.
            boolean seen = false;
            for (int i = 0; i < DirectoryChanges.FULL_CHECK_EVERY && !seen; i++) {
                seen = changes.changed();
                Thread.sleep(20);
            }
            assertThat(seen).isTrue();
        }
    }
}
