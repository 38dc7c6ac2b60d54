package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;

/** A loader that loads again reuses unchanged files; what it gives must equal a fresh load's. */
class ReloadReuseTest {

    private static void assertSameAsFreshLoad(LoadResult reloaded, Path dir) {
        LoadResult fresh = new RegistryLoader().load(dir, Optional.empty());
        assertThat(reloaded.problems()).isEqualTo(fresh.problems());
        assertThat(reloaded.ok()).isEqualTo(fresh.ok());
        if (fresh.ok()) {
            Registry a = reloaded.registry().orElseThrow();
            Registry b = fresh.registry().orElseThrow();
            assertThat(a.version()).isEqualTo(b.version());
            assertThat(a.providers()).containsExactlyElementsOf(b.providers());
            assertThat(a.domainCount()).isEqualTo(b.domainCount());
        }
    }

    private static String provider(String id, String domain) {
        return """
                id: %s
                name: %s
                domains: [%s]
                incoming: [{type: imap, hostname: imap.%s, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.%s, port: 465, security: tls}]
                """.formatted(id, id, domain, domain, domain);
    }

    @Test
    void editOfOneFile_givesWhatAFreshLoadGives_andReusesTheOthers(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        Registries.write(dir, "a.yaml", provider("a", "a.example"));
        Registries.write(dir, "b.yaml", provider("b", "b.example"));
        RegistryLoader loader = new RegistryLoader();
        Registry first = loader.load(dir, Optional.empty()).registry().orElseThrow();

        Registries.write(dir, "a.yaml", provider("a", "a.example").replace("name: a", "name: A renamed"));
        LoadResult second = loader.load(dir, Optional.empty());

        assertSameAsFreshLoad(second, dir);
        Provider b1 = first.provider("b").orElseThrow();
        Provider b2 = second.registry().orElseThrow().provider("b").orElseThrow();
        assertThat(b2).as("an unchanged file is taken over, not read again").isSameAs(b1);
        assertThat(second.registry().orElseThrow().provider("a").orElseThrow().name()).isEqualTo("A renamed");
    }

    @Test
    void unchangedFile_isTakenOverLoadAfterLoad(@TempDir Path dir) {
        Registries.write(dir, "a.yaml", provider("a", "a.example"));
        Registries.write(dir, "b.yaml", provider("b", "b.example"));
        RegistryLoader loader = new RegistryLoader();
        Provider b = loader.load(dir, Optional.empty()).registry().orElseThrow().provider("b").orElseThrow();
        for (String name : new String[] {"A1", "A2", "A3"}) {
            Registries.write(dir, "a.yaml", provider("a", "a.example").replace("name: a", "name: " + name));
            LoadResult again = loader.load(dir, Optional.empty());
            assertThat(again.registry().orElseThrow().provider("b").orElseThrow()).as("after " + name).isSameAs(b);
            assertSameAsFreshLoad(again, dir);
        }
    }

    @Test
    void newDuplicateDomainInAnotherFile_isStillFound(@TempDir Path dir) {
        Registries.write(dir, "a.yaml", provider("a", "shared.example"));
        RegistryLoader loader = new RegistryLoader();
        assertThat(loader.load(dir, Optional.empty()).ok()).isTrue();

        Registries.write(dir, "b.yaml", provider("b", "shared.example"));
        LoadResult second = loader.load(dir, Optional.empty());

        assertThat(second.ok()).isFalse();
        assertThat(second.errors()).extracting(Problem::code).containsExactly("duplicate-domain");
        assertSameAsFreshLoad(second, dir);
    }

    @Test
    void newChildOfAnUnchangedProvider_readsTheParentAgain(@TempDir Path dir) {
        Registries.write(dir, "base.yaml", provider("base", "base.example"));
        RegistryLoader loader = new RegistryLoader();
        assertThat(loader.load(dir, Optional.empty()).ok()).isTrue();

        Registries.write(dir, "child.yaml", """
                id: child
                extends: base
                name: Child
                domains: [child.example]
                """);
        LoadResult second = loader.load(dir, Optional.empty());

        assertSameAsFreshLoad(second, dir);
        assertThat(second.registry().orElseThrow().provider("child").orElseThrow().incoming().get(0).hostname())
                .isEqualTo("imap.base.example");
    }

    @Test
    void fileWithWarningsAndNotes_givesThemAgainWhenReused(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        RegistryLoader loader = new RegistryLoader();
        LoadResult first = loader.load(dir, Optional.empty());
        Files.writeString(dir.resolve("polito.yaml"), Files.readString(dir.resolve("polito.yaml")).replace("PoliTo", "PoliTO"));
        LoadResult second = loader.load(dir, Optional.empty());
        assertThat(second.problems()).isEqualTo(first.problems());
        assertSameAsFreshLoad(second, dir);
    }

    @Test
    void brokenEditThenFix_givesFreshLoadResultsEachTime(@TempDir Path dir) throws Exception {
        Registries.write(dir, "a.yaml", provider("a", "a.example"));
        RegistryLoader loader = new RegistryLoader();
        loader.load(dir, Optional.empty());
        Registries.write(dir, "a.yaml", provider("a", "a.example").replace("port: 993", "port: 99300"));
        LoadResult broken = loader.load(dir, Optional.empty());
        assertThat(broken.ok()).isFalse();
        assertSameAsFreshLoad(broken, dir);
        Registries.write(dir, "a.yaml", provider("a", "a.example"));
        LoadResult fixed = loader.load(dir, Optional.empty());
        assertThat(fixed.ok()).isTrue();
        assertSameAsFreshLoad(fixed, dir);
    }

    /** Rewrites a file in place with other bytes of the same length and puts its modification time back. */
    private static void rewriteKeepingStamp(Path file, String from, String to) throws Exception {
        assertThat(to).hasSameSizeAs(from);
        FileTime modified = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace(from, to));
        Files.setLastModifiedTime(file, modified);
    }

    @Test
    void settledFileWithAnUnchangedStamp_isNotReadAgain_aNewSizeIs(@TempDir Path dir) throws Exception {
        Registries.write(dir, "b.yaml", provider("b", "b.example"));
        Files.setLastModifiedTime(dir.resolve("b.yaml"), FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        RegistryLoader loader = new RegistryLoader();
        Provider b = loader.load(dir, Optional.empty()).registry().orElseThrow().provider("b").orElseThrow();

        rewriteKeepingStamp(dir.resolve("b.yaml"), "name: b", "name: x");
        assertThat(loader.load(dir, Optional.empty()).registry().orElseThrow().provider("b").orElseThrow())
                .as("size, modification time and inode as before: the stat is trusted, the file not read").isSameAs(b);

        Files.writeString(dir.resolve("b.yaml"), provider("b", "b.example").replace("name: b", "name: longer"));
        assertThat(loader.load(dir, Optional.empty()).registry().orElseThrow().provider("b").orElseThrow().name()).isEqualTo("longer");
    }

    @Test
    void fileWrittenJustBeforeItWasRead_isReadAgainEvenWithAnUnchangedStamp(@TempDir Path dir) throws Exception {
        Registries.write(dir, "b.yaml", provider("b", "b.example"));
        RegistryLoader loader = new RegistryLoader();
        assertThat(loader.load(dir, Optional.empty()).registry().orElseThrow().provider("b").orElseThrow().name()).isEqualTo("b");

        // A second edit within the file system's timestamp granularity leaves the stamp as it was.
        rewriteKeepingStamp(dir.resolve("b.yaml"), "name: b", "name: x");
        LoadResult again = loader.load(dir, Optional.empty());
        assertThat(again.registry().orElseThrow().provider("b").orElseThrow().name()).isEqualTo("x");
        assertSameAsFreshLoad(again, dir);
    }
}
