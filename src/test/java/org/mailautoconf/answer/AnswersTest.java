package org.mailautoconf.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;

class AnswersTest {

    private static final FormatRenderer RENDER = Renderers.table(Optional.empty()).get(ClientFormat.AUTOCONFIG);

    private static Answers answers(Registry registry, FormatRenderer renderer) {
        Answers answers = new Answers(Map.of(ClientFormat.AUTOCONFIG, renderer));
        answers.publish(registry);
        return answers;
    }

    private static Answer found(Answers answers, String address) {
        EmailAddress a = EmailAddress.parse(address);
        Lookup l = answers.lookup(ClientFormat.AUTOCONFIG, a.domain(), Optional.of(a));
        assertThat(l).isInstanceOf(Lookup.Found.class);
        return ((Lookup.Found) l).answer();
    }

    @Test
    void splicedAnswers_equalWholeRenderings_forEveryShippedProvider() {
        Registry registry = Registries.shipped();
        Answers answers = answers(registry, RENDER);
        for (Provider p : registry.providers()) {
            DomainName domain = p.primaryDomain().orElseThrow();
            for (String local : List.of("mario.rossi", "x", "mario+tag", "dèlia", "mailautoconf0localpart0a")) {
                EmailAddress a = new EmailAddress(local, domain);
                Answer spliced = found(answers, a.toString());
                Answer whole = RENDER.render(p, domain, Optional.of(a));
                assertThat(spliced.bodyText()).as(a.toString()).isEqualTo(whole.bodyText());
                assertThat(spliced.etag()).isEqualTo(whole.etag());
            }
        }
    }

    @Test
    void localPartsThatXmlEscapes_areRenderedWhole() {
        Answers answers = answers(Registries.shipped(), RENDER);
        Answer a = found(answers, "a&b<c>@polito.it");
        assertThat(a.bodyText()).contains("<username>a&amp;b&lt;c>@polito.it</username>");
    }

    @Test
    void sameAddress_isServedFromTheCache() {
        Answers answers = answers(Registries.shipped(), RENDER);
        assertThat(found(answers, "x@polito.it")).isSameAs(found(answers, "x@polito.it"));
        assertThat(found(answers, "X@polito.it")).isNotSameAs(found(answers, "x@polito.it"));
    }

    @Test
    void aFormatThatHashesTheAddress_isNotSpliced() {
        FormatRenderer hashing = (p, d, a) -> Answer.ok(("id " + UUID.nameUUIDFromBytes(a.orElseThrow().toString()
                .getBytes(StandardCharsets.UTF_8)) + " for " + a.get().localPart()).getBytes(StandardCharsets.UTF_8), "text/plain");
        Answers answers = answers(Registries.shipped(), hashing);
        Answer a = found(answers, "someone@polito.it");
        assertThat(a.bodyText()).isEqualTo("id " + UUID.nameUUIDFromBytes("someone@polito.it".getBytes(StandardCharsets.UTF_8)) + " for someone");
    }

    @Test
    void reload_dropsTheAnswersOfChangedProvidersOnly(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        Answers answers = answers(Registries.load(dir), RENDER);
        Answer polito = found(answers, "x@polito.it");
        Answer unimi = found(answers, "x@unimi.it");

        Path file = dir.resolve("polito.yaml");
        Files.writeString(file, Files.readString(file).replace("name: Politecnico di Torino", "name: Politecnico di Torino (new)"));
        answers.publish(Registries.load(dir));

        assertThat(found(answers, "x@unimi.it")).isSameAs(unimi);
        Answer newPolito = found(answers, "x@polito.it");
        assertThat(newPolito).isNotSameAs(polito);
        assertThat(newPolito.bodyText()).contains("Politecnico di Torino (new)");
        assertThat(answers.answerCache().asMap().keySet()).hasSize(2);
    }

    /**
     * A request that already sees the new registry never gets an answer the reload is about to
     * drop: the sweep over a full cache takes a while, and answers made before it are not
     * trusted until it ends.
     */
    @Test
    void duringAReloadsSweep_aRequestThatSeesTheNewRegistry_getsNoAnswerOfTheOld(@TempDir Path dir) throws Exception {
        Registries.copyShipped(dir);
        Answers answers = new Answers(Map.of(ClientFormat.AUTOCONFIG, RENDER), 1L << 30);
        answers.publish(Registries.load(dir));
        for (int i = 0; i < 60_000; i++) {
            found(answers, "user" + i + "@unimi.it");
        }
        assertThat(found(answers, "x@polito.it").bodyText()).doesNotContain("(new)");
        Path file = dir.resolve("polito.yaml");
        Files.writeString(file, Files.readString(file).replace("name: Politecnico di Torino", "name: Politecnico di Torino (new)"));
        Registry changed = Registries.load(dir);

        Thread reload = new Thread(() -> answers.publish(changed));
        reload.start();
        long seenNew = 0;
        List<String> stale = new java.util.ArrayList<>();
        while (reload.isAlive()) {
            boolean isNew = answers.registry().orElseThrow() == changed;
            String body = found(answers, "x@polito.it").bodyText();
            if (isNew) {
                seenNew++;
                if (!body.contains("(new)") && stale.isEmpty()) {
                    stale.add(body);
                }
            }
        }
        reload.join();
        assertThat(stale).as("answers of the old registry after the new one was seen (%d requests saw it)", seenNew).isEmpty();
        assertThat(found(answers, "x@polito.it").bodyText()).contains("(new)");
    }

    @Test
    void aliasedAddress_isRenderedWithItsOwnRedirect(@TempDir Path dir) {
        Registries.write(dir, "moved.yaml", """
                id: moved
                name: Moved
                domains: [moved.example]
                incoming: [{type: imap, hostname: imap.moved.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.moved.example, port: 465, security: tls}]
                aliases:
                  old@moved.example: {address: new@moved.example}
                """);
        FormatRenderer showsRedirect = (p, d, a) -> Answer.ok(p.redirectFor(a.orElseThrow())
                .map(r -> "redirect " + ((org.mailautoconf.registry.Redirect.ToAddress) r).addressFor(a.get()))
                .orElse("settings for " + a.get()).getBytes(StandardCharsets.UTF_8), "text/plain");
        Answers answers = answers(Registries.load(dir), showsRedirect);
        assertThat(found(answers, "other@moved.example").bodyText()).isEqualTo("settings for other@moved.example");
        assertThat(found(answers, "old@moved.example").bodyText()).isEqualTo("redirect new@moved.example");
    }

    @Test
    void unknownDomain_isNoProvider() {
        Answers answers = answers(Registries.shipped(), RENDER);
        assertThat(answers.lookup(ClientFormat.AUTOCONFIG, DomainName.parse("example.com"), Optional.empty()))
                .isEqualTo(new Lookup.NoProvider(DomainName.parse("example.com")));
    }

    /** Says which provider answered, and nothing else. */
    private static final FormatRenderer NAMES_PROVIDER = (p, d, a) -> Answer.ok(("served by " + p.id()).getBytes(StandardCharsets.UTF_8), "text/plain");

    private static String providerFile(String id, String domains) {
        return """
                id: %s
                name: %s
                domains: [%s]
                incoming: [{type: imap, hostname: imap.%s.example, port: 993, security: tls}]
                outgoing: [{type: smtp, hostname: smtp.%s.example, port: 465, security: tls}]
                """.formatted(id, id, domains, id, id);
    }

    private static Registry load(Path dir, String defaultProvider) {
        return new org.mailautoconf.registry.load.RegistryLoader().load(dir, Optional.ofNullable(defaultProvider)).registry().orElseThrow();
    }

    @Test
    void answerOfTheDefaultProvider_isDroppedWhenANewProviderClaimsTheDomain(@TempDir Path dir) {
        Registries.write(dir, "fallback.yaml", providerFile("fallback", "fallback.example"));
        Answers answers = answers(load(dir, "fallback"), NAMES_PROVIDER);
        assertThat(found(answers, "x@customer.example").bodyText()).isEqualTo("served by fallback");

        Registries.write(dir, "customer.yaml", providerFile("customer", "customer.example"));
        answers.publish(load(dir, "fallback"));

        assertThat(found(answers, "x@customer.example").bodyText()).isEqualTo("served by customer");
    }

    @Test
    void answerOfAWildcard_isDroppedWhenAnExactClaimBelowItAppears_anExactAnswerIsKept(@TempDir Path dir) {
        Registries.write(dir, "acme.yaml", providerFile("acme", "acme.example, \"*.acme.example\""));
        Answers answers = answers(load(dir, null), NAMES_PROVIDER);
        assertThat(found(answers, "x@sales.acme.example").bodyText()).isEqualTo("served by acme");
        Answer exact = found(answers, "x@acme.example");

        Registries.write(dir, "sales.yaml", providerFile("sales", "sales.acme.example"));
        answers.publish(load(dir, null));

        assertThat(found(answers, "x@sales.acme.example").bodyText()).isEqualTo("served by sales");
        assertThat(found(answers, "x@acme.example")).as("an exact claim of an unchanged provider cannot have moved").isSameAs(exact);
    }

    @Test
    void answersOfARemovedProvider_areDropped(@TempDir Path dir) throws Exception {
        Registries.write(dir, "a.yaml", providerFile("a", "a.example"));
        Registries.write(dir, "b.yaml", providerFile("b", "b.example"));
        Answers answers = answers(load(dir, null), NAMES_PROVIDER);
        found(answers, "x@a.example");

        Files.delete(dir.resolve("a.yaml"));
        answers.publish(load(dir, null));

        assertThat(answers.lookup(ClientFormat.AUTOCONFIG, DomainName.parse("a.example"), Optional.of(EmailAddress.parse("x@a.example"))))
                .isEqualTo(new Lookup.NoProvider(DomainName.parse("a.example")));
    }
}
