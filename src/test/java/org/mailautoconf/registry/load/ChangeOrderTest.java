package org.mailautoconf.registry.load;

import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A duplicate id or domain is blamed on the file changed last (the edit that broke the
 * directory), not on the one that sorts later; equal times fall back to the name.
 */
class ChangeOrderTest {

    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");

    private final ProviderDir dir;

    ChangeOrderTest(@TempDir Path tmp) {
        dir = new ProviderDir(tmp);
    }

    /** a.yaml and b.yaml with these ids and domains; a.yaml, which sorts first, changed a minute after b.yaml. */
    private ProviderDir newerFirst(String idA, String domainA, String idB, String domainB) throws IOException {
        dir.file("a.yaml", ProviderDir.provider(idA, domainA)).file("b.yaml", ProviderDir.provider(idB, domainB));
        Files.setLastModifiedTime(dir.path("b.yaml"), FileTime.from(OLD));
        Files.setLastModifiedTime(dir.path("a.yaml"), FileTime.from(OLD.plusSeconds(60)));
        return dir;
    }

    @Test
    void duplicateDomain_isBlamedOnTheNewerFile_evenWhenItSortsFirst() throws IOException {
        var result = newerFirst("alpha", "shared.example", "beta", "shared.example").load();

        assertThatProblem(result, "duplicate-domain").isError().at("a.yaml", 3, 11)
                .says("shared.example is already claimed by " + dir.path("b.yaml"));
    }

    @Test
    void duplicateDomain_whileOtherErrorsStopTheLoad_isBlamedOnTheNewerFileToo() throws IOException {
        var result = newerFirst("alpha", "shared.example", "beta", "shared.example")
                .file("c.yaml", "id: broken\nname: [unclosed\n").load();

        assertThatProblem(result, "duplicate-domain").isError().at("a.yaml", 3, 11)
                .says("already claimed by " + dir.path("b.yaml"));
    }

    @Test
    void duplicateId_isBlamedOnTheNewerFile() throws IOException {
        var result = newerFirst("acme", "alpha.example", "acme", "beta.example").load();

        assertThatProblem(result, "duplicate-id").isError().at("a.yaml", 1, 5)
                .says("the id 'acme' is already used by " + dir.path("b.yaml"));
    }

    @Test
    void sameModificationTime_blamesTheLaterName() throws IOException {
        dir.file("a.yaml", ProviderDir.provider("acme", "shared.example")).file("b.yaml", ProviderDir.provider("acme", "shared.example"));
        Files.setLastModifiedTime(dir.path("a.yaml"), FileTime.from(OLD));
        Files.setLastModifiedTime(dir.path("b.yaml"), FileTime.from(OLD));

        assertThatProblem(dir.load(), "duplicate-id").at("b.yaml", 1, 5).says("already used by " + dir.path("a.yaml"));
    }
}
