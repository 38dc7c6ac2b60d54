package org.mailautoconf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.FormatRenderer;
import org.mailautoconf.answer.Refusal;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
import org.mailautoconf.format.mobileconfig.MobileconfigRenderer;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.format.autodiscover.ErrorCode;
import org.mailautoconf.format.autodiscover.MobileSyncRenderer;
import org.mailautoconf.format.autodiscover.OutlookRenderer;
import org.mailautoconf.format.autodiscover.ProtocolError;
import org.mailautoconf.format.autodiscover.ResponseSchema;
import org.mailautoconf.format.autodiscover.SchemaRenderer;
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
    int autoconfig(@Mixin RegistryOptions registry, @Mixin HosterOptions hoster, @Parameters(paramLabel = "ADDRESS") String address) {
        return render(registry, hoster, address, (reg, a) -> {
            var match = reg.providerFor(a.domain());
            return match.map(m -> Answer.ok(new AutoconfigRenderer().render(m.provider(), a.domain(), Optional.of(a)),
                    AutoconfigRenderer.CONTENT_TYPE));
        });
    }

    @Command(name = "mobileconfig", mixinStandardHelpOptions = true,
            description = {"An Apple configuration profile (.mobileconfig) for the address.",
                    "Without signing options: the XML profile. With --sign-cert and --sign-key (or their environment"
                            + " variables, as for serve): the signed profile, DER bytes; best written with --output."})
    int mobileconfig(@Mixin RegistryOptions registry, @Mixin HosterOptions hoster, @Mixin SigningOptions signing,
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
        return render(registry, hoster, address, Optional.ofNullable(output), (reg, a) -> reg.providerFor(a.domain()).map(m -> {
            byte[] profile = renderer.render(m.provider(), a.domain(), Optional.of(a));
            return Answer.ok(signer.map(s -> s.sign(profile)).orElse(profile), MobileconfigRenderer.CONTENT_TYPE);
        }));
    }

    @Command(name = "autodiscover", mixinStandardHelpOptions = true,
            description = "The Autodiscover (POX) answer: Outlook's schema, or ActiveSync's with --schema mobilesync."
                    + " Exit 4 when the answer is the protocol's error (e.g. 601: no ActiveSync).")
    int autodiscover(@Mixin RegistryOptions registry, @Mixin HosterOptions hoster, @Parameters(paramLabel = "ADDRESS") String address,
            @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "outlook",
                    description = "outlook (default) or mobilesync.") String schemaName) {
        Optional<ResponseSchema> schema = ResponseSchema.byKey(schemaName);
        if (schema.isEmpty()) {
            System.err.println("mailautoconf: --schema is outlook or mobilesync, was " + schemaName);
            return 2;
        }
        SchemaRenderer renderer = schema.get() == ResponseSchema.MOBILESYNC ? new MobileSyncRenderer() : new OutlookRenderer();
        FormatRenderer format = AutodiscoverAnswers.of(renderer);
        boolean[] refused = {false};
        int status = render(registry, hoster, address, (reg, a) -> reg.providerFor(a.domain()).map(m -> {
            Optional<Refusal> refusal = format.refusal(m.provider(), a.domain(), Optional.of(a));
            if (refusal.isPresent()) {
                // What the server sends: the protocol's error, timed now.
                refused[0] = true;
                ErrorCode code = ErrorCode.byCode(refusal.get().code()).orElse(ErrorCode.INTERNAL_ERROR);
                System.err.println("mailautoconf: Autodiscover error " + code.code() + ": " + refusal.get().reason());
                return AutodiscoverAnswers.error(new ProtocolError(code, refusal.get().reason()), schema, Instant.now(), 0);
            }
            Answer answer = format.render(m.provider(), a.domain(), Optional.of(a));
            Optional.ofNullable(answer.headers().get("Location"))
                    .ifPresent(l -> System.err.println("mailautoconf: HTTP " + answer.status() + ", Location: " + l));
            return answer;
        }));
        return status == 0 && refused[0] ? 4 : status;
    }

    interface Render {
        Optional<Answer> answer(MxChoice registry, EmailAddress address);
    }

    int render(RegistryOptions registry, HosterOptions hoster, String addressText, Render render) {
        return render(registry, hoster, addressText, Optional.empty(), render);
    }

    /** Renders, then writes the body to {@code output}, or to standard output when there is none. */
    int render(RegistryOptions registry, HosterOptions hoster, String addressText, Optional<Path> output, Render render) {
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
        MxChoice choice;
        try {
            choice = new MxChoice(result.registry().get(), hoster.settings(), System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: " + e.getMessage());
            return 2;
        }
        Optional<Answer> answer = render.answer(choice, address);
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
