package org.mailautoconf.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.mailautoconf.answer.Answer;
import org.mailautoconf.answer.AutodiscoverAnswers;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.FormatRenderer;
import org.mailautoconf.answer.Refusal;
import org.mailautoconf.answer.Renderers;
import org.mailautoconf.format.mobileconfig.ProfileSigner;
import org.mailautoconf.format.autodiscover.ProtocolError;
import org.mailautoconf.format.autodiscover.ResponseSchema;
import org.mailautoconf.format.pacc.PaccRenderer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
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
    int autoconfig(@Mixin RegistryOptions registry, @Mixin HosterOptions hoster, @Mixin DirectoryOptions directories,
            @Parameters(paramLabel = "ADDRESS") String address) {
        FormatRenderer autoconfig = Renderers.table(Optional.empty()).get(ClientFormat.AUTOCONFIG);
        return render(registry, hoster, address, (reg, a) -> reg.providerFor(a.domain())
                .map(m -> autoconfig.render(DirectoryRender.personal(directories, m.provider(), a), a.domain(), Optional.of(a))));
    }

    @Command(name = "mobileconfig", mixinStandardHelpOptions = true,
            description = {"An Apple configuration profile (.mobileconfig) for the address.",
                    "Without signing options: the XML profile. With --sign-cert and --sign-key (or their environment"
                            + " variables, as for serve): the signed profile, DER bytes; best written with --output."})
    int mobileconfig(@Mixin RegistryOptions registry, @Mixin HosterOptions hoster, @Mixin SigningOptions signing,
            @Mixin DirectoryOptions directories,
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
        FormatRenderer renderer = Renderers.table(signer)
                .get(signer.isPresent() ? ClientFormat.MOBILECONFIG_SIGNED : ClientFormat.MOBILECONFIG);
        return render(registry, hoster, address, Optional.ofNullable(output), (reg, a) -> reg.providerFor(a.domain())
                .map(m -> renderer.render(DirectoryRender.personal(directories, m.provider(), a), a.domain(), Optional.of(a))));
    }

    @Command(name = "autodiscover", mixinStandardHelpOptions = true,
            description = "The Autodiscover (POX) answer: Outlook's schema, or ActiveSync's with --schema mobilesync."
                    + " Exit 4 when the answer is the protocol's error (e.g. 601: no ActiveSync).")
    int autodiscover(@Mixin RegistryOptions registry, @Mixin HosterOptions hoster, @Mixin DirectoryOptions directories,
            @Parameters(paramLabel = "ADDRESS") String address,
            @Option(names = "--schema", paramLabel = "SCHEMA", defaultValue = "outlook",
                    description = "outlook (default) or mobilesync.") String schemaName) {
        Optional<ResponseSchema> schema = ResponseSchema.byKey(schemaName);
        if (schema.isEmpty()) {
            System.err.println("mailautoconf: --schema is outlook or mobilesync, was " + schemaName);
            return 2;
        }
        FormatRenderer format = Renderers.table(Optional.empty()).get(schema.get() == ResponseSchema.MOBILESYNC
                ? ClientFormat.AUTODISCOVER_MOBILESYNC : ClientFormat.AUTODISCOVER_OUTLOOK);
        boolean[] refused = {false};
        int status = render(registry, hoster, address, (reg, a) -> reg.providerFor(a.domain()).map(found -> {
            Provider provider = DirectoryRender.personal(directories, found.provider(), a);
            Optional<Refusal> refusal = format.refusal(provider, a.domain(), Optional.of(a));
            if (refusal.isPresent()) {
                // What the server sends: the protocol's error, timed now.
                refused[0] = true;
                ProtocolError error = ((Refusal.Protocol) refusal.get()).error();
                System.err.println("mailautoconf: Autodiscover error " + error.code().code() + ": " + error.reason());
                return AutodiscoverAnswers.error(error, schema, Instant.now(), 0);
            }
            Answer answer = format.render(provider, a.domain(), Optional.of(a));
            Optional.ofNullable(answer.headers().get("Location"))
                    .ifPresent(l -> System.err.println("mailautoconf: HTTP " + answer.status() + ", Location: " + l));
            return answer;
        }));
        return status == 0 && refused[0] ? 4 : status;
    }

    @Command(name = "pacc", mixinStandardHelpOptions = true,
            description = {"The PACC document (" + PaccRenderer.DRAFT + ") served for DOMAIN at"
                    + " https://ua-auto-config.DOMAIN/.well-known/user-agent-configuration.json, on standard output byte for byte;"
                    + " the _ua-auto-config TXT record of its digest on standard error.",
                    "Exit 4 when PACC cannot express the provider (the reason on standard error): the server answers 404."})
    int pacc(@Mixin RegistryOptions registry, @Parameters(paramLabel = "DOMAIN") String domainText) {
        DomainName domain;
        try {
            domain = DomainName.parse(domainText.contains("@") ? domainText.substring(domainText.lastIndexOf('@') + 1) : domainText);
        } catch (IllegalArgumentException e) {
            System.err.println("mailautoconf: not a domain: " + e.getMessage());
            return 2;
        }
        Optional<Registry> loaded = load(registry);
        if (loaded.isEmpty()) {
            return 1;
        }
        Optional<Registry.Match> match = loaded.get().providerFor(domain);
        if (match.isEmpty()) {
            System.err.println("mailautoconf: no provider serves " + domain.ascii());
            return 3;
        }
        FormatRenderer pacc = Renderers.table(Optional.empty()).get(ClientFormat.PACC);
        Optional<Refusal> refusal = pacc.refusal(match.get().provider(), domain, Optional.empty());
        if (refusal.isPresent()) {
            System.err.println("mailautoconf: no PACC document for " + domain.ascii() + ": " + refusal.get().reason());
            return 4;
        }
        byte[] body = pacc.render(match.get().provider(), domain, Optional.empty()).body();
        System.err.println("_ua-auto-config." + domain.ascii() + ". TXT \"" + PaccRenderer.txt(body) + "\"");
        System.out.write(body, 0, body.length);
        System.out.flush();
        return 0;
    }

    interface Render {
        Optional<Answer> answer(MxChoice registry, EmailAddress address);
    }

    int render(RegistryOptions registry, HosterOptions hoster, String addressText, Render render) {
        return render(registry, hoster, addressText, Optional.empty(), render);
    }

    /** The registry, its warnings on standard error; empty (errors printed) when it does not load. */
    private static Optional<Registry> load(RegistryOptions registry) {
        LoadResult result = new RegistryLoader().load(registry.providers, registry.defaultProvider());
        if (result.registry().isEmpty()) {
            result.errors().forEach(p -> System.err.println(p));
            return Optional.empty();
        }
        result.problems().stream().filter(p -> p.severity() == Problem.Severity.WARNING).forEach(p -> System.err.println(p));
        return result.registry();
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
        Optional<Registry> loaded = load(registry);
        if (loaded.isEmpty()) {
            return 1;
        }
        MxChoice choice;
        try {
            choice = new MxChoice(loaded.get(), hoster.settings(), System.err);
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
