package org.mailautoconf.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Optional;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.FormatRenderer;
import org.mailautoconf.answer.Refusal;
import org.mailautoconf.format.autoconfig.AutoconfigRenderer;
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
    int autoconfig(@Mixin RegistryOptions registry, @Parameters(paramLabel = "ADDRESS") String address) {
        return render(registry, address, (reg, a) -> {
            var match = reg.providerFor(a.domain());
            return match.map(m -> Answer.ok(new AutoconfigRenderer().render(m.provider(), a.domain(), Optional.of(a)),
                    AutoconfigRenderer.CONTENT_TYPE));
        });
    }

    @Command(name = "autodiscover", mixinStandardHelpOptions = true,
            description = "The Autodiscover (POX) answer: Outlook's schema, or ActiveSync's with --schema mobilesync."
                    + " Exit 4 when the answer is the protocol's error (e.g. 601: no ActiveSync).")
    int autodiscover(@Mixin RegistryOptions registry, @Parameters(paramLabel = "ADDRESS") String address,
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
        int status = render(registry, address, (reg, a) -> reg.providerFor(a.domain()).map(m -> {
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
