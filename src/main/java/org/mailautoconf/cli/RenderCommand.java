package org.mailautoconf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Registry;
import org.mailautoconf.registry.load.LoadResult;
import org.mailautoconf.registry.load.Problem;
import org.mailautoconf.registry.load.RegistryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Command(name = "mobileconfig", mixinStandardHelpOptions = true,
            description = {"An Apple configuration profile (.mobileconfig) for the address.",
                    "Without signing options: the XML profile. With --sign-cert and --sign-key (or their environment"
                            + " variables, as for serve): the signed profile, DER bytes; best written with --output."})
    int mobileconfig(@Mixin RegistryOptions registry, @Mixin SigningOptions signing,
            @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the profile to FILE, not to standard output.")
            Path output,
            @Parameters(paramLabel = "ADDRESS") String address) {
        Optional<ProfileSigner> signer;
        try {
            signer = signing.signing().map(s -> ProfileSigner.load(s.certificate(), s.privateKey(), s.chain()));
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: " + e.getMessage());
            return 2;
        }
        MobileconfigRenderer renderer = new MobileconfigRenderer();
        return render(registry, address, Optional.ofNullable(output), (reg, a) -> reg.providerFor(a.domain()).map(m -> {
            byte[] profile = renderer.render(m.provider(), a.domain(), Optional.of(a));
            return Answer.ok(signer.map(s -> s.sign(profile)).orElse(profile), MobileconfigRenderer.CONTENT_TYPE);
        }));
    }

    interface Render {
        Optional<Answer> answer(Registry registry, EmailAddress address);
    }

    int render(RegistryOptions registry, String addressText, Render render) {
        return render(registry, addressText, Optional.empty(), render);
    }

    /** Renders, then writes the body to {@code output}, or to standard output when there is none. */
    int render(RegistryOptions registry, String addressText, Optional<Path> output, Render render) {
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
        byte[] body = answer.get().body();
        if (output.isPresent()) {
            try {
                Files.write(output.get(), body);
            } catch (IOException e) {
                System.err.println("mailautoconf: cannot write " + output.get() + ": " + e.getMessage());
                return 1;
            }
            return 0;
        }
        PrintStream out = System.out;
        out.write(body, 0, body.length);
        out.flush();
        return 0;
    }
}
