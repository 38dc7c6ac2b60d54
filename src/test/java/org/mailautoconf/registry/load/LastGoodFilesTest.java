package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.RunningService;
import org.mailautoconf.testing.TestPki;

/** The last good provider files kept in a state directory: read back whole, never half written. */
class LastGoodFilesTest {

    private static final Instant SAVED_AT = Instant.parse("2026-11-28T01:00:00Z");

    @TempDir
    Path tmp;

    record Loaded(Registry registry, Map<String, byte[]> hashes) {}

    static Loaded load(Path dir) {
        RegistryLoader loader = new RegistryLoader();
        LoadResult result = loader.load(dir, Optional.empty());
        return new Loaded(result.registry().orElseThrow(() -> new AssertionError(result.errors())), loader.lastFileHashes());
    }

    static Registry loadBack(LastGoodFiles state) throws IOException {
        LastGoodFiles.Loaded back = state.load(Optional.empty()).orElseThrow();
        assertThat(back.result().errors()).isEmpty();
        return back.result().registry().orElseThrow();
    }

    @Test
    void theKeptFiles_loadBackToTheSameRegistry_withTheirCaCertificate() throws Exception {
        Path dir = Registries.shippedWithHalnetCa(tmp.resolve("providers.d"), TestPki.rootCa("Halnet Test CA"));
        Loaded good = load(dir);
        LastGoodFiles state = new LastGoodFiles(tmp.resolve("state"));
        assertThat(state.saved()).isEmpty();

        state.save(dir, good.registry(), good.hashes(), SAVED_AT);

        assertThat(state.saved()).contains(new LastGoodFiles.Saved(good.registry().version(), SAVED_AT, state.file()));
        Registry back = loadBack(state);
        // The version hashes every file's bytes and the CA certificates: equal means the same content.
        assertThat(back.version()).isEqualTo(good.registry().version());
        assertThat(back.providers()).extracting(Provider::id)
                .containsExactlyElementsOf(good.registry().providers().stream().map(Provider::id).toList());
        Provider halnet = back.providers().stream().filter(p -> p.id().equals("halnet")).findFirst().orElseThrow();
        assertThat(halnet.caCertificate().flatMap(c -> c.certificate())).isPresent();
    }

    @Test
    void aFileEditedAfterTheLoad_stopsTheSaveHalfWay_andLeavesThePreviousCopy() throws Exception {
        Path dir = Registries.copyShipped(tmp.resolve("providers.d"));
        Loaded first = load(dir);
        LastGoodFiles state = new LastGoodFiles(tmp.resolve("state"));
        state.save(dir, first.registry(), first.hashes(), SAVED_AT);

        Path polito = dir.resolve("polito.yaml");
        Files.writeString(polito, Files.readString(polito).replace("mail.polito.it", "imap.polito.it"));
        Loaded second = load(dir);
        // The last file in order is edited after its load: the save has written the others by then.
        Path unimi = dir.resolve("unimi.yaml");
        Files.writeString(unimi, Files.readString(unimi) + "\n# edited\n");

        assertThatThrownBy(() -> state.save(dir, second.registry(), second.hashes(), SAVED_AT.plusSeconds(60)))
                .isInstanceOf(LastGoodFiles.ChangedMeanwhile.class).hasMessageContaining("unimi.yaml");
        assertThat(state.saved().orElseThrow().version()).isEqualTo(first.registry().version());
        assertThat(loadBack(state).version()).isEqualTo(first.registry().version());
        assertThat(tmp.resolve("state").resolve(LastGoodFiles.TEMP_NAME)).doesNotExist();
    }

    /**
     * A process killed while it writes the copy (a crash, an OOM kill, a power cut as far as the
     * process can tell) leaves the previous copy whole. A child JVM saves without end; it is
     * killed (SIGKILL) while a temporary file shows it in the middle of a write.
     */
    @Test
    void aProcessKilledWhileSaving_leavesACompleteCopy() throws Exception {
        Path a = Registries.copyShipped(tmp.resolve("a"));
        // A few megabytes of files (a comment fills each): a write takes a while, and the kill lands inside one.
        String filler = ("# " + "x".repeat(78) + "\n").repeat(12_000);
        for (int i = 0; i < 8; i++) {
            Registries.write(a, "p" + i + ".yaml", """
                    id: p%1$d
                    name: P %1$d
                    domains: [p%1$d.example]
                    incoming: [{type: imap, hostname: imap.p%1$d.example, port: 993, security: tls}]
                    outgoing: [{type: smtp, hostname: smtp.p%1$d.example, port: 465, security: tls}]
                    """.formatted(i) + filler);
        }
        Path b = tmp.resolve("b");
        Files.createDirectories(b);
        try (var files = Files.list(a)) {
            for (Path f : files.toList()) {
                Files.copy(f, b.resolve(f.getFileName()));
            }
        }
        Files.writeString(b.resolve("p0.yaml"), Files.readString(b.resolve("p0.yaml")).replace("imap.p0", "mail.p0"));
        List<String> versions = List.of(load(a).registry().version(), load(b).registry().version());
        assertThat(versions.get(0)).isNotEqualTo(versions.get(1));
        Path stateDir = tmp.resolve("state");
        LastGoodFiles state = new LastGoodFiles(stateDir);
        Path temp = stateDir.resolve(LastGoodFiles.TEMP_NAME);
        boolean killedMidWrite = false;
        for (int attempt = 0; attempt < 3 && !killedMidWrite; attempt++) {
            Process child = saveLoop(stateDir, a, b);
            try {
                RunningService.await(Duration.ofSeconds(60), "a first copy and the next one being written",
                        () -> child.isAlive() && Files.exists(state.file()) && Files.exists(temp));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                child.destroyForcibly();
            }
            // The temporary file outlives the process only if the kill came before its rename.
            killedMidWrite = Files.exists(temp);
        }
        assertThat(killedMidWrite).as("the child was killed in the middle of a write").isTrue();

        assertThat(versions).contains(state.saved().orElseThrow().version());
        assertThat(loadBack(state).version()).isEqualTo(state.saved().orElseThrow().version());
        // The next save writes over what the killed one left.
        Loaded good = load(a);
        state.save(a, good.registry(), good.hashes(), SAVED_AT);
        assertThat(temp).doesNotExist();
        assertThat(loadBack(state).version()).isEqualTo(versions.get(0));
    }

    private static Process saveLoop(Path stateDir, Path a, Path b) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName()));
        command.addAll(List.of(stateDir.toString(), a.toString(), b.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
