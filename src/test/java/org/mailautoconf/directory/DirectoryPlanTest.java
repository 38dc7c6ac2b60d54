package org.mailautoconf.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.Answers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.DirectoryAnswers;
import org.mailautoconf.answer.FormatRenderer;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.answer.ProviderChoice;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.testing.Registries;

/**
 * The directory step rests on the request's one provider choice: planning it and answering from
 * what the directory said read no registry at all (here none is even published), so a request
 * costs one registry lookup, the choice's.
 */
class DirectoryPlanTest {

    @TempDir
    Path dir;

    @Test
    void planAndPersonalAnswer_needNoRegistryLookupBeyondTheChoice() throws Exception {
        Provider halnet = Registries.load(Slapd.halnetProviders(dir.resolve("providers"))).provider("halnet").orElseThrow();
        Map<ClientFormat, FormatRenderer> renderers = new EnumMap<>(ClientFormat.class);
        AutoconfigRenderer autoconfig = new AutoconfigRenderer();
        renderers.put(ClientFormat.AUTOCONFIG, (p, d, a) -> Answer.ok(autoconfig.render(p, d, a), AutoconfigRenderer.CONTENT_TYPE));
        Answers answers = new Answers(renderers);
        assertThat(answers.registry()).as("nothing published").isEmpty();
        // A source that is never asked here: the entry is given.
        Path file = Slapd.customersFile(dir.resolve("conf"), LocalPorts.free(), "uid", "");
        try (DirectoryAnswers directories = new DirectoryAnswers(answers, Directories.open(DirectoryFile.read(file)))) {
            EmailAddress address = EmailAddress.parse("iuriturchi@hln.it");
            ProviderChoice choice = new ProviderChoice.Chosen(new Registry.Match(halnet, Registry.MatchKind.EXACT));
            Optional<DirectoryAnswers.Personal> plan = directories.plan(ClientFormat.AUTOCONFIG, choice, address.domain(),
                    Optional.of(address));
            assertThat(plan).isPresent();
            assertThat(plan.get().signs()).isFalse();
            DirectoryEntry entry = DirectoryEntry.of(Optional.empty(), Optional.empty(), Optional.of("hn-000417"),
                    Optional.empty(), Optional.empty(), Optional.empty());
            Lookup l = directories.answer(plan.get(), entry);
            assertThat(l).isInstanceOf(Lookup.Found.class);
            assertThat(new String(((Lookup.Found) l).answer().body(), StandardCharsets.UTF_8))
                    .contains("<username>hn-000417</username>");

            // No address, or a provider without a directory: no step.
            assertThat(directories.plan(ClientFormat.AUTOCONFIG, choice, address.domain(), Optional.empty())).isEmpty();
            Provider polito = Registries.shipped().provider("polito").orElseThrow();
            assertThat(directories.plan(ClientFormat.AUTOCONFIG, new ProviderChoice.Chosen(
                    new Registry.Match(polito, Registry.MatchKind.EXACT)), DomainName.parse("polito.it"), Optional.of(address))).isEmpty();
        }
    }
}
