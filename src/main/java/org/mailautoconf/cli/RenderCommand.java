package org.mailautoconf.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.Problem;
import org.mailautoconf.registry.load.RegistryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** Prints exactly what the server would send, with the same loader and renderers. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the answer the server would send for an address.")
final class RenderCommand {

    @Command(name = "autoconfig", mixinStandardHelpOptions = true, description = "Thunderbird's config-v1.1.xml.")
    int autoconfig(@Mixin RegistryOptions registry, @Parameters(paramLabel = "ADDRESS") String address) {
        return render(registry, address, (reg, a) -> {
            var match = reg.providerFor(a.domain());
            return match.map(m -> Answer.ok(new AutoconfigRenderer().render(m.provider(), a.domain(), Optional.of(a)),
                    AutoconfigRenderer.CONTENT_TYPE));
        });
    }

    interface Render {
        Optional<Answer> answer(Registry registry, EmailAddress address);
    }

    int render(RegistryOptions registry, String addressText, Render render) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(addressText);
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: not an address: " + e.getMessage());
            return 2;
        }
        LoadResult result = new RegistryLoader().load(registry.providers, registry.defaultProvider());
        if (result.registry().isEmpty()) {
            result.errors().forEach(p -> System.err.println(p));
            return 1;
        }
        result.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).forEach(p -> System.err.println(p));
        Optional<Answer> answer = render.answer(result.registry().get(), address);
        if (answer.isEmpty()) {
            System.err.println("mailautoconf: no provider serves " + address.domain());
            return 3;
        }
        PrintStream out = System.out;
        out.write(answer.get().body(), 0, answer.get().body().length);
        out.flush();
        return 0;
    }
}
