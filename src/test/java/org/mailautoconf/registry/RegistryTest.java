package org.mailautoconf.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryTest {

    private static final Provider UNIVERSITY = provider("university", "uni.example", "*.uni.example");
    private static final Provider DEPARTMENT = provider("department", "*.dept.uni.example");
    private static final Provider MAIL = provider("mail", "mail.uni.example");
    private static final Provider CITTA = provider("citta", "città.it");
    private static final Provider FALLBACK = provider("fallback", "fallback.example");

    private final Registry registry = new Registry(List.of(UNIVERSITY, DEPARTMENT, MAIL, CITTA, FALLBACK), Optional.empty(), "v1");

    @Test
    void providerFor_exactName() {
        assertThat(lookup("uni.example")).contains(new Registry.Match(UNIVERSITY, Registry.MatchKind.EXACT));
    }

    @Test
    void providerFor_exactNameBeforeAWildcardAboveIt() {
        assertThat(lookup("mail.uni.example")).contains(new Registry.Match(MAIL, Registry.MatchKind.EXACT));
        assertThat(lookup("other.uni.example")).contains(new Registry.Match(UNIVERSITY, Registry.MatchKind.WILDCARD));
    }

    @Test
    void providerFor_longestWildcardFirst() {
        assertThat(lookup("staff.dept.uni.example")).contains(new Registry.Match(DEPARTMENT, Registry.MatchKind.WILDCARD));
        assertThat(lookup("a.b.dept.uni.example")).contains(new Registry.Match(DEPARTMENT, Registry.MatchKind.WILDCARD));
    }

    @Test
    void providerFor_wildcardDoesNotCoverTheNameItself() {
        // *.dept.uni.example names what is below dept.uni.example; dept.uni.example itself falls to *.uni.example.
        assertThat(lookup("dept.uni.example")).contains(new Registry.Match(UNIVERSITY, Registry.MatchKind.WILDCARD));
    }

    @Test
    void providerFor_ignoresCaseAndTheTrailingDot() {
        assertThat(lookup("UNI.Example.")).map(Registry.Match::provider).contains(UNIVERSITY);
        assertThat(lookup("Staff.DEPT.uni.example.")).map(Registry.Match::provider).contains(DEPARTMENT);
    }

    @Test
    void providerFor_matchesInternationalNamesInUnicodeAndPunycode() {
        assertThat(lookup("città.it")).map(Registry.Match::provider).contains(CITTA);
        assertThat(lookup("CITTÀ.IT")).map(Registry.Match::provider).contains(CITTA);
        assertThat(lookup("xn--citt-3na.it")).map(Registry.Match::provider).contains(CITTA);
    }

    @Test
    void providerFor_unknownDomainFindsNothingWithoutADefault() {
        assertThat(lookup("nowhere.example")).isEmpty();
        assertThat(lookup("example")).isEmpty();
        assertThat(registry.defaultProvider()).isEmpty();
    }

    @Test
    void providerFor_defaultProviderAnswersOnlyForUnlistedDomains() {
        var withDefault = new Registry(List.of(UNIVERSITY, FALLBACK), Optional.of(FALLBACK), "v1");

        assertThat(withDefault.providerFor(DomainName.parse("nowhere.example")))
                .contains(new Registry.Match(FALLBACK, Registry.MatchKind.DEFAULT));
        assertThat(withDefault.providerFor(DomainName.parse("uni.example")))
                .contains(new Registry.Match(UNIVERSITY, Registry.MatchKind.EXACT));
        assertThat(withDefault.providerFor(DomainName.parse("x.uni.example")))
                .contains(new Registry.Match(UNIVERSITY, Registry.MatchKind.WILDCARD));
    }

    @Test
    void provider_byId() {
        assertThat(registry.provider("mail")).contains(MAIL);
        assertThat(registry.provider("nope")).isEmpty();
        assertThat(registry.providers()).containsExactly(UNIVERSITY, DEPARTMENT, MAIL, CITTA, FALLBACK);
        assertThat(registry.domainCount()).isEqualTo(6);
        assertThat(registry.version()).isEqualTo("v1");
    }

    @Test
    void constructor_refusesTwoProvidersForOneDomain() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Registry(List.of(CITTA, provider("other", "xn--citt-3na.it")), Optional.empty(), "v"))
                .withMessageContaining("xn--citt-3na.it").withMessageContaining("citta").withMessageContaining("other");
    }

    @Test
    void constructor_refusesTwoProvidersWithOneId() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Registry(List.of(MAIL, provider("mail", "other.example")), Optional.empty(), "v"))
                .withMessageContaining("mail");
    }

    @Test
    void constructor_letsAnExactNameAndAWildcardOfTheSameNameBelongToDifferentProviders() {
        var split = new Registry(List.of(provider("apex", "x.example"), provider("below", "*.x.example")), Optional.empty(), "v");

        assertThat(split.providerFor(DomainName.parse("x.example"))).map(m -> m.provider().id()).contains("apex");
        assertThat(split.providerFor(DomainName.parse("a.x.example"))).map(m -> m.provider().id()).contains("below");
    }

    private Optional<Registry.Match> lookup(String domain) {
        return registry.providerFor(DomainName.parse(domain));
    }

    /** A provider with one IMAP and one SMTP server serving these patterns ({@code *.name} for a wildcard). */
    /** Enough providers that every shard of the index holds names. */
    private static List<Provider> hoster(int count, String suffix) {
        List<Provider> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(provider("c" + i, "a" + i + suffix, "b" + i + suffix, "*.w" + i + suffix));
        }
        return out;
    }

    private static void assertAnswersAlike(Registry patched, Registry fresh, List<String> names) {
        assertThat(patched.domainCount()).isEqualTo(fresh.domainCount());
        assertThat(patched.providers()).containsExactlyElementsOf(fresh.providers());
        for (String name : names) {
            DomainName d = DomainName.parse(name);
            assertThat(patched.providerFor(d)).as(name).isEqualTo(fresh.providerFor(d));
        }
    }

    @Test
    void after_oneProviderChangedOneAddedOneRemoved_answersAsAFreshRegistry() {
        List<Provider> before = hoster(3000, ".example");
        Registry previous = new Registry(before, Optional.empty(), "v1");
        List<Provider> now = new ArrayList<>(before);
        now.set(10, provider("c10", "a10.example", "moved.example"));
        now.remove(20);
        now.add(provider("new", "b20.example", "new.example"));

        Registry patched = Registry.after(previous, now, Optional.empty(), "v2");

        Registry fresh = new Registry(now, Optional.empty(), "v2");
        List<String> names = new ArrayList<>(List.of("moved.example", "b10.example", "a20.example", "b20.example", "new.example",
                "x.w20.example", "x.w10.example"));
        for (int i = 0; i < 3000; i += 7) {
            names.add("a" + i + ".example");
            names.add("b" + i + ".example");
        }
        assertAnswersAlike(patched, fresh, names);
        assertThat(patched.providerFor(DomainName.parse("b10.example"))).isEmpty();
        assertThat(patched.providerFor(DomainName.parse("b20.example")).orElseThrow().provider().id()).isEqualTo("new");
        assertThat(previous.providerFor(DomainName.parse("b10.example")).orElseThrow().provider().id())
                .as("the registry before is left as it was").isEqualTo("c10");
    }

    @Test
    void domainIndexWith_patchesOnlyWhatChanged_andRefusesATakenName() {
        List<Provider> before = hoster(3000, ".example");
        DomainIndex index = DomainIndex.of(before, new ArrayList<>());
        Provider moved = provider("c10", "a10.example", "moved.example");

        DomainIndex patched = index.with(List.of(before.get(10), before.get(20)), List.of(moved)).orElseThrow();

        assertThat(patched.get(DomainName.parse("moved.example"))).isSameAs(moved);
        assertThat(patched.get(DomainName.parse("a10.example"))).isSameAs(moved);
        assertThat(patched.get(DomainName.parse("b10.example"))).isNull();
        assertThat(patched.get(DomainName.parse("a20.example"))).isNull();
        assertThat(patched.get(DomainName.parse("a21.example"))).isSameAs(before.get(21));
        assertThat(patched.size()).isEqualTo(index.size() - 4 + 2);
        assertThat(index.get(DomainName.parse("b10.example"))).as("the index before is left as it was").isSameAs(before.get(10));
        assertThat(index.with(List.of(), List.of(provider("thief", "a21.example")))).isEmpty();
    }

    @Test
    void after_aChangedProviderTakingAnUnchangedOnesName_throwsWhatTheConstructorThrows() {
        List<Provider> before = hoster(500, ".example");
        Registry previous = new Registry(before, Optional.empty(), "v1");
        List<Provider> now = new ArrayList<>(before);
        now.set(400, provider("c400", "a400.example", "a7.example"));

        var patched = org.assertj.core.api.Assertions.catchThrowableOfType(Registry.ConflictingClaims.class,
                () -> Registry.after(previous, now, Optional.empty(), "v2"));
        var fresh = org.assertj.core.api.Assertions.catchThrowableOfType(Registry.ConflictingClaims.class,
                () -> new Registry(now, Optional.empty(), "v2"));
        assertThat(patched.conflicts()).isEqualTo(fresh.conflicts()).hasSize(1);
        assertThat(patched.conflicts().get(0).first().id()).isEqualTo("c7");
        assertThat(patched.conflicts().get(0).second().id()).isEqualTo("c400");
    }

    static Provider provider(String id, String... domains) {
        List<DomainPattern> patterns = Arrays.stream(domains)
                .map(d -> d.startsWith("*.") ? new DomainPattern(DomainName.parse(d.substring(2)), true)
                        : new DomainPattern(DomainName.parse(d), false))
                .toList();
        List<Authentication> password = List.of(Authentication.of(AuthMethod.PASSWORD_CLEARTEXT));
        var imap = new IncomingServer(IncomingProtocol.IMAP, "imap.example.org", 993, Security.TLS, password,
                LoginTemplate.Derived.EMAIL_ADDRESS, Optional.empty());
        var smtp = new OutgoingServer("smtp.example.org", 465, Security.TLS, password, LoginTemplate.Derived.EMAIL_ADDRESS,
                true, false);
        return new Provider(id, id, id, patterns, List.of(imap), List.of(smtp), List.of(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                List.of(), org.mailautoconf.registry.Services.NONE, Path.of(id + ".yaml"));
    }
}
