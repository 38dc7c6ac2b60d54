package org.mailautoconf.registry.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailautoconf.registry.load.ProblemAssert.assertThatProblem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Registry;
import static org.mailautoconf.testing.DomainLists.HOSTER;

/** The {@code domainList:} field: a hoster's plain list of customer domains, checked like the YAML. */
class DomainListFieldTest {


    @TempDir
    Path tmp;
    ProviderDir dir;

    @BeforeEach
    void setUp() {
        dir = new ProviderDir(tmp);
    }

    private static Registry.Match lookup(LoadResult r, String domain) {
        return r.registry().orElseThrow().providerFor(DomainName.parse(domain)).orElse(null);
    }

    @Test
    void listedDomains_commentsBlanksAndIdn_answerWithTheProvider() {
        var result = dir.file("hoster.yaml", HOSTER).file("customers.txt", """
                # customers, exported nightly
                shop.example

                Bakery.Example.   # as typed in the shop's form
                città.example
                """).file("polito.yaml", ProviderDir.provider("polito", "polito.example")).load();

        assertThat(result.ok()).as(ProblemAssert.listed(result)).isTrue();
        for (String d : new String[] {"shop.example", "bakery.example", "città.example", "xn--citt-3na.example"}) {
            assertThat(lookup(result, d)).as(d).isNotNull();
            assertThat(lookup(result, d).provider().id()).isEqualTo("hoster");
            assertThat(lookup(result, d).kind()).isEqualTo(Registry.MatchKind.LISTED);
        }
        assertThat(lookup(result, "polito.example").provider().id()).isEqualTo("polito");
        assertThat(lookup(result, "other.example")).isNull();
        assertThat(result.registry().orElseThrow().domainCount()).isEqualTo(4);
        assertThat(result.registry().orElseThrow().listFor(DomainName.parse("shop.example")).orElseThrow().source())
                .isEqualTo("customers.txt");
    }

    @Test
    void badLine_atItsLineAndColumnInTheList() {
        var result = dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\n  bad_name.example\n").load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "bad-domain").satisfies(p -> {
            assertThat(p.location()).isEqualTo(new Location(tmp.resolve("customers.txt").toString(), 2, 3));
            assertThat(p.message()).contains("'bad_name.example' is not a valid domain");
        });
    }

    @Test
    void missingList_aProblemAtTheField() {
        var result = dir.file("hoster.yaml", HOSTER).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "missing-domain-list").satisfies(p -> {
            assertThat(p.location()).isEqualTo(new Location(tmp.resolve("hoster.yaml").toString(), 3, 13));
            assertThat(p.message()).contains("there is no file customers.txt in the provider directory");
        });
    }

    @Test
    void listOutsideTheDirectory_orNamedLikeAProviderFile_refused() {
        var outside = dir.file("hoster.yaml", HOSTER.replace("customers.txt", "../customers.txt")).load();
        assertThatProblem(outside, "bad-domain-list").satisfies(p -> assertThat(p.message()).contains("inside the provider directory"));
        var yaml = dir.file("hoster.yaml", HOSTER.replace("customers.txt", "customers.yaml")).load();
        assertThatProblem(yaml, "bad-domain-list").satisfies(p -> assertThat(p.message()).contains("read as a provider file"));
    }

    @Test
    void twoProviderFilesNameTheSameList_theSecondRefused() {
        var result = dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\n")
                .file("other.yaml", HOSTER.replace("id: hoster", "id: other")).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "duplicate-domain-list").satisfies(p -> {
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.message()).contains("customers.txt is already the list of");
        });
    }

    @Test
    void moreBadLinesThanReported_theRestCounted() {
        var lines = new StringBuilder();
        for (int i = 0; i < DomainListFile.MAX_PROBLEMS + 5; i++) {
            lines.append("bad_").append(i).append(".example\n");
        }
        var result = dir.file("hoster.yaml", HOSTER).file("customers.txt", lines.toString()).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "more-problems").satisfies(p ->
                assertThat(p.message()).contains("5 more problems in " + tmp.resolve("customers.txt")));
    }

    @Test
    void moreDomainsInSeveralListsThanReported_theRestCounted() {
        var names = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            names.append("d").append(i).append(".example\n");
        }
        var result = dir.file("hoster.yaml", HOSTER).file("customers.txt", names.toString())
                .file("other.yaml", HOSTER.replace("id: hoster", "id: other").replace("customers.txt", "other.txt"))
                .file("other.txt", names.toString())
                .file("third.yaml", HOSTER.replace("id: hoster", "id: third").replace("customers.txt", "third.txt"))
                .file("third.txt", names.toString()).load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "more-problems").satisfies(p ->
                assertThat(p.message()).contains("more domains claimed twice after the first " + DomainListFile.MAX_PROBLEMS));
    }

    @Test
    void domainInTheListAndInAnOlderYamlFile_theListIsBlamedAtItsLine() throws Exception {
        dir.file("polito.yaml", ProviderDir.provider("polito", "polito.example"));
        setModified("polito.yaml", "2026-01-01T00:00:00Z");
        var result = dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\n# a comment\n  Polito.example\n").load();

        assertThat(result.ok()).isFalse();
        assertThatProblem(result, "duplicate-domain").satisfies(p -> {
            assertThat(p.location()).isEqualTo(new Location(tmp.resolve("customers.txt").toString(), 3, 3));
            assertThat(p.message()).contains("polito.example is already claimed by " + tmp.resolve("polito.yaml"));
        });
    }

    @Test
    void domainInAnOlderListAndInANewerYamlFile_theYamlIsBlamed() throws Exception {
        dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\npolito.example\n");
        setModified("customers.txt", "2026-01-01T00:00:00Z");
        var result = dir.file("polito.yaml", ProviderDir.provider("polito", "polito.example")).load();

        assertThatProblem(result, "duplicate-domain").satisfies(p -> {
            assertThat(p.location().file()).isEqualTo(tmp.resolve("polito.yaml").toString());
            assertThat(p.location().line()).isEqualTo(3);
            assertThat(p.message()).contains("polito.example is already claimed by " + tmp.resolve("customers.txt"));
        });
    }

    @Test
    void domainInTwoLists_theNewerListIsBlamed() throws Exception {
        dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\nboth.example\n");
        setModified("customers.txt", "2026-01-01T00:00:00Z");
        var result = dir.file("other.yaml", HOSTER.replace("id: hoster", "id: other").replace("customers.txt", "lists/other.txt"))
                .file("lists/other.txt", "a.example\nb.example\nboth.example\n").load();

        assertThatProblem(result, "duplicate-domain").satisfies(p -> {
            assertThat(p.location()).isEqualTo(new Location(tmp.resolve("lists/other.txt").toString(), 3, 1));
            assertThat(p.message()).contains("both.example is already claimed by " + tmp.resolve("customers.txt"));
        });
    }

    @Test
    void reload_readsAChangedList_andTakesAnUnchangedOneOver() throws Exception {
        dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\n")
                .file("other.yaml", HOSTER.replace("id: hoster", "id: other").replace("customers.txt", "other.txt"))
                .file("other.txt", "a.example\n");
        setModified("other.txt", "2026-01-01T00:00:00Z");
        RegistryLoader loader = new RegistryLoader();
        Registry first = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        dir.file("customers.txt", "bakery.example\n");
        Registry second = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        assertThat(second.providerFor(DomainName.parse("bakery.example")).orElseThrow().provider().id()).isEqualTo("hoster");
        assertThat(second.providerFor(DomainName.parse("shop.example"))).as("left the list").isEmpty();
        assertThat(second.domainLists().get(1)).as("the unchanged list's index is shared").isSameAs(first.domainLists().get(1));
        assertThat(second.version()).isNotEqualTo(first.version());
        assertThat(second.sameListsAs(first)).isFalse();
    }

    @Test
    void reload_aLineReplacedInALargeList_theOldNameGone() throws Exception {
        dir.file("hoster.yaml", HOSTER).file("customers.txt", org.mailautoconf.testing.DomainLists.list(20_000, "leaving.example"));
        RegistryLoader loader = new RegistryLoader();
        Registry first = loader.load(tmp, Optional.empty()).registry().orElseThrow();
        assertThat(first.providerFor(DomainName.parse("leaving.example"))).isPresent();

        dir.file("customers.txt", org.mailautoconf.testing.DomainLists.list(20_000, "arriving.example"));
        Registry second = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        assertThat(second.providerFor(DomainName.parse("arriving.example"))).isPresent();
        assertThat(second.providerFor(DomainName.parse("leaving.example"))).isEmpty();
    }

    @Test
    void listSavedAgainUnchanged_keptAsItWas() throws Exception {
        dir.file("hoster.yaml", HOSTER).file("customers.txt", "shop.example\nbakery.example\n");
        RegistryLoader loader = new RegistryLoader();
        Registry first = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        setModified("customers.txt", "2026-01-01T00:00:00Z");
        Registry second = loader.load(tmp, Optional.empty()).registry().orElseThrow();

        assertThat(second.domainLists().get(0)).as("the same bytes: the same index, cached answers kept").isSameAs(first.domainLists().get(0));
        assertThat(second.sameListsAs(first)).isTrue();
        assertThat(second.version()).isEqualTo(first.version());
    }

    private void setModified(String name, String instant) throws Exception {
        Files.setLastModifiedTime(tmp.resolve(name), FileTime.from(Instant.parse(instant)));
    }
}
