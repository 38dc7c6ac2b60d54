package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mailautoconf.registry.load.LastGoodFilesTest.load;
import static org.mailautoconf.registry.load.LastGoodFilesTest.loadBack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LastGoodFilesTest.Loaded;
import org.mailautoconf.testing.DomainLists;
import org.mailautoconf.testing.Registries;
import org.mailautoconf.testing.ZipFiles;

/** The domain lists of the last good registry, kept beside its zip: copied when they change, never half. */
class LastGoodListsTest {

    private static final Instant SAVED_AT = Instant.parse("2026-11-28T01:00:00Z");

    @TempDir
    Path tmp;

    private static boolean listed(Registry r, String domain) {
        return r.listFor(DomainName.parse(domain)).isPresent();
    }

    private Path dir;
    private LastGoodFiles state;

    /** The hoster's file and a list of 50 customers, loaded and kept; what the tests change from. */
    private Loaded firstKept() throws IOException {
        dir = tmp.resolve("providers.d");
        Registries.write(dir, "hoster.yaml", DomainLists.HOSTER);
        Registries.write(dir, "customers.txt", DomainLists.list(50));
        state = new LastGoodFiles(tmp.resolve("state"));
        Loaded first = load(dir);
        save(state, dir, first, SAVED_AT);
        return first;
    }

    /** The list changed (shop40 up gone, added.example new) and loaded. */
    private Loaded listChanged() {
        Registries.write(dir, "customers.txt", DomainLists.list(40, "added.example"));
        return load(dir);
    }

    private List<Path> copies() throws IOException {
        try (Stream<Path> s = Files.list(tmp.resolve("state"))) {
            return s.filter(p -> p.getFileName().toString().startsWith(LastGoodLists.PREFIX)).sorted().toList();
        }
    }

    private static void save(LastGoodFiles state, Path dir, Loaded l, Instant at) throws IOException {
        state.save(dir, l.registry(), l.hashes(), at);
    }

    @Test
    void theKeptList_loadsBack_withTheListInTheProviderDirectoryGone() throws Exception {
        Loaded good = firstKept();

        Files.delete(dir.resolve("customers.txt"));
        Registry back = loadBack(state);

        assertThat(back.version()).isEqualTo(good.registry().version());
        assertThat(listed(back, "shop49.example")).isTrue();
        assertThat(back.providerFor(DomainName.parse("shop7.example")).orElseThrow().provider().id()).isEqualTo("hoster");
    }

    @Test
    void anUnchangedList_isNotCopiedAgain_whenAProviderFileChanges() throws Exception {
        Loaded first = firstKept();
        Path copy = copies().get(0);
        BasicFileAttributes before = Files.readAttributes(copy, BasicFileAttributes.class);

        Registries.write(dir, "hoster.yaml", DomainLists.HOSTER.replace("name: Hoster", "name: Hoster Two"));
        Loaded second = load(dir);
        assertThat(second.registry().version()).isNotEqualTo(first.registry().version());
        save(state, dir, second, SAVED_AT.plusSeconds(60));

        assertThat(copies()).containsExactly(copy);
        BasicFileAttributes after = Files.readAttributes(copy, BasicFileAttributes.class);
        assertThat(after.fileKey()).as("the same file, not a new copy renamed over it").isEqualTo(before.fileKey());
        assertThat(after.lastModifiedTime()).isEqualTo(before.lastModifiedTime());
        assertThat(loadBack(state).version()).isEqualTo(second.registry().version());
    }

    @Test
    void aChangedList_replacesItsCopy_andTheOldCopyIsDeleted() throws Exception {
        firstKept();
        Path old = copies().get(0);

        Loaded second = listChanged();
        save(state, dir, second, SAVED_AT.plusSeconds(60));

        assertThat(old).doesNotExist();
        assertThat(copies()).hasSize(1);
        Registry back = loadBack(state);
        assertThat(back.version()).isEqualTo(second.registry().version());
        assertThat(listed(back, "added.example")).isTrue();
        assertThat(listed(back, "shop45.example")).isFalse();
    }

    /**
     * A crash after the new list is copied but before the zip that names it is renamed into
     * place (a temporary zip is left) still loads the previous registry, whose list copy is kept
     * until a newer zip is committed; the next save clears what the crash left.
     */
    @Test
    void aCrashBetweenCopyingAListAndCommittingTheZip_leavesThePreviousStateLoadable() throws Exception {
        Loaded first = firstKept();

        Loaded second = listChanged();
        // What save does before its zip's rename, then the process dies.
        new LastGoodLists(tmp.resolve("state")).copy(dir, second.registry().domainLists());
        Files.write(tmp.resolve("state").resolve(LastGoodFiles.TEMP_NAME), new byte[] {'P', 'K', 3, 4, 0});
        Files.writeString(tmp.resolve("state").resolve(".list-0000000000000001.txt.tmp"), "half a co");
        assertThat(copies()).hasSize(2);

        Files.delete(dir.resolve("customers.txt"));
        Registry back = loadBack(state);
        assertThat(back.version()).isEqualTo(first.registry().version());
        assertThat(listed(back, "shop45.example")).isTrue();
        assertThat(listed(back, "added.example")).isFalse();

        save(state, dir, listChanged(), SAVED_AT.plusSeconds(60));
        assertThat(copies()).hasSize(1);
        assertThat(tmp.resolve("state").resolve(".list-0000000000000001.txt.tmp")).doesNotExist();
        assertThat(listed(loadBack(state), "added.example")).isTrue();
    }

    /** A copy written before lists were kept (no manifest) is not taken as kept, so the same version is written again. */
    @Test
    void aCopyWithoutTheListManifest_hasNoKeptVersion_untilSavedAgain() throws Exception {
        assertThat(new LastGoodFiles(tmp.resolve("state")).keptVersion()).isEmpty();
        Loaded good = firstKept();
        assertThat(state.keptVersion()).contains(good.registry().version());

        ZipFiles.withoutEntry(state.file(), LastGoodLists.MANIFEST);
        assertThat(state.saved().orElseThrow().version()).isEqualTo(good.registry().version());
        assertThat(state.keptVersion()).isEmpty();
        assertThat(state.load(Optional.empty()).orElseThrow().result().registry()).as("the old copy misses its list").isEmpty();

        save(state, dir, good, SAVED_AT.plusSeconds(60));
        assertThat(state.keptVersion()).contains(good.registry().version());
    }

    @Test
    void aListEditedAfterTheLoad_stopsTheSave_andLeavesThePreviousCopy() throws Exception {
        Loaded first = firstKept();

        Loaded second = listChanged();
        Registries.write(dir, "customers.txt", DomainLists.list(40, "edited.example"));

        assertThatThrownBy(() -> save(state, dir, second, SAVED_AT.plusSeconds(60)))
                .isInstanceOf(LastGoodFiles.ChangedMeanwhile.class).hasMessageContaining("customers.txt");
        assertThat(copies()).hasSize(1);
        assertThat(loadBack(state).version()).isEqualTo(first.registry().version());
    }
}
