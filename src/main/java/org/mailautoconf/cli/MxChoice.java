package org.mailautoconf.cli;

import java.io.PrintStream;
import java.util.Optional;
import org.mailautoconf.HosterSettings;
import org.mailautoconf.mx.MxAnswer;
import org.mailautoconf.mx.MxLookups;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Registry;

/**
 * The provider for a domain as {@code serve} chooses it, hoster mode included: a domain no file
 * lists (or only the default provider answers) is matched by its MX records, asked here and
 * waited for (a command line may block). Says on standard error which MX record chose the
 * provider, or why none did.
 */
final class MxChoice {

    private final Registry registry;
    private final HosterSettings settings;
    private final PrintStream notes;

    MxChoice(Registry registry, HosterSettings settings, PrintStream notes) {
        this.registry = registry;
        this.settings = settings;
        this.notes = notes;
    }

    Optional<Registry.Match> providerFor(DomainName domain) {
        Optional<Registry.Match> listed = registry.providerFor(domain);
        if (listed.isPresent() && listed.get().kind() == Registry.MatchKind.LISTED) {
            registry.listFor(domain).ifPresent(l -> notes.println("mailautoconf: " + domain.ascii() + " is " + l.providerId()
                    + "'s by its domain list " + l.source()));
        }
        if (!registry.matchesMx() || listed.isPresent() && listed.get().kind() != Registry.MatchKind.DEFAULT) {
            return listed;
        }
        MxAnswer answer = new MxLookups(settings).resolve(domain).join();
        for (DomainName host : answer.hosts()) {
            Optional<Provider> p = registry.providerForMx(host);
            if (p.isPresent()) {
                notes.println("mailautoconf: " + domain.ascii() + " is " + p.get().id() + "'s by its MX record " + host.ascii()
                        + " (" + p.get().source().getFileName() + ", mx)");
                return Optional.of(new Registry.Match(p.get(), Registry.MatchKind.MX));
            }
        }
        notes.println("mailautoconf: no provider's mx matches " + domain.ascii() + "'s MX (" + answer.outcome().label()
                + (answer.hosts().isEmpty() ? "" : ": " + answer.hosts().stream().map(DomainName::ascii).toList()) + ")");
        return listed;
    }
}
