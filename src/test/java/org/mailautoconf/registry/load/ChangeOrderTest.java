package org.mailautoconf.registry.load;

import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A duplicate id or domain is blamed on the file changed last (the edit that broke the
 * directory), not on the one that sorts later; equal times fall back to the name.
 */
class ChangeOrderTest {

    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    private void modified(String name, Instant at) throws IOException {
        Files.setLastModifiedTime(dir.path(name), FileTime.from(at));
    }

    @Test
    void duplicateDomain_isBlamedOnTheNewerFile_evenWhenItSortsFirst() throws IOException {
        dir.file("a.yaml", ProviderDir.provider("alpha", "shared.example")).file("b.yaml", ProviderDir.provider("beta", "shared.example"));
        modified("b.yaml", OLD);
        modified("a.yaml", OLD.plusSeconds(60));

        var result = dir.load();

        assertThatProblem(result, "duplicate-domain").isError().at("a.yaml", 3, 11)
                .says("shared.example is already claimed by " + dir.path("b.yaml"));
    }

    @Test
    void duplicateDomain_whileOtherErrorsStopTheLoad_isBlamedOnTheNewerFileToo() throws IOException {
        dir.file("a.yaml", ProviderDir.provider("alpha", "shared.example")).file("b.yaml", ProviderDir.provider("beta", "shared.example"))
                .file("c.yaml", "id: broken\nname: [unclosed\n");
        modified("b.yaml", OLD);
        modified("a.yaml", OLD.plusSeconds(60));

        var result = dir.load();

        assertThatProblem(result, "duplicate-domain").isError().at("a.yaml", 3, 11)
                .says("already claimed by " + dir.path("b.yaml"));
    }

    @Test
    void duplicateId_isBlamedOnTheNewerFile() throws IOException {
        dir.file("a.yaml", ProviderDir.provider("acme", "alpha.example")).file("b.yaml", ProviderDir.provider("acme", "beta.example"));
        modified("b.yaml", OLD);
        modified("a.yaml", OLD.plusSeconds(60));

        var result = dir.load();

        assertThatProblem(result, "duplicate-id").isError().at("a.yaml", 1, 5)
                .says("the id 'acme' is already used by " + dir.path("b.yaml"));
    }

    @Test
    void sameModificationTime_blamesTheLaterName() throws IOException {
        dir.file("a.yaml", ProviderDir.provider("acme", "shared.example")).file("b.yaml", ProviderDir.provider("acme", "shared.example"));
        modified("a.yaml", OLD);
        modified("b.yaml", OLD);

        assertThatProblem(dir.load(), "duplicate-id").at("b.yaml", 1, 5).says("already used by " + dir.path("a.yaml"));
    }
}
