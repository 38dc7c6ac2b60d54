package org.mailautoconf.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailautoconf.registry.ActiveSync;
import org.mailautoconf.registry.DirectoryUse;
import org.mailautoconf.registry.DirectoryUse.Value;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.IncomingServer;
import org.mailautoconf.registry.LoginTemplate;
import org.mailautoconf.registry.OutgoingServer;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Redirect;

/**
 * A provider copy for one address whose login templates are the directory's literal values, so
 * the renderers stay as they are: a value with {@code %} is never used (a renderer would fill it
 * as a placeholder). For an alias the canonical address stands in for the asked one in every
 * template the directory does not supply, and Autodiscover gets it as a {@code redirectAddr}.
 * {@code origins} says where each value came from, for {@code render}; it holds no values.
 */
public record PersonalProvider(Provider provider, List<String> origins) {

    public static PersonalProvider of(Provider p, EmailAddress address, DirectoryEntry entry) {
        DirectoryUse use = p.directory().orElseThrow();
        List<String> origins = new ArrayList<>();
        if (!entry.found()) {
            origins.add("every value: the provider file's templates (the directory does not know this address)");
            return new PersonalProvider(p, origins);
        }
        String from = "directory " + use.source();
        Optional<EmailAddress> canonical = use.supplies().contains(Value.CANONICAL_ADDRESS)
                ? entry.canonicalAddress().filter(c -> c.indexOf('%') < 0).flatMap(PersonalProvider::parse)
                        .filter(c -> !c.toString().equals(address.toString()))
                : Optional.empty();
        EmailAddress base = canonical.orElse(address);
        List<IncomingServer> incoming = new ArrayList<>();
        for (int i = 0; i < p.incoming().size(); i++) {
            IncomingServer s = p.incoming().get(i);
            LoginTemplate login = login(s.login(), use, Value.INCOMING_LOGIN, entry.incomingLogin(), base, canonical,
                    "incoming[" + i + "].login", from, origins);
            incoming.add(new IncomingServer(s.protocol(), s.hostname(), s.port(), s.security(), s.authentication(), login, s.pop3()));
        }
        List<OutgoingServer> outgoing = new ArrayList<>();
        for (int i = 0; i < p.outgoing().size(); i++) {
            OutgoingServer s = p.outgoing().get(i);
            LoginTemplate login = login(s.login(), use, Value.OUTGOING_LOGIN, entry.outgoingLogin(), base, canonical,
                    "outgoing[" + i + "].login", from, origins);
            outgoing.add(new OutgoingServer(s.hostname(), s.port(), s.security(), s.authentication(), login,
                    s.addThisServer(), s.useGlobalPreferredServer()));
        }
        Optional<ActiveSync> eas = p.activeSync().map(a -> new ActiveSync(a.url(), login(a.login(), use, Value.ACTIVESYNC_LOGIN,
                entry.activeSyncLogin(), base, canonical, "activeSync.login", from, origins)));
        Map<String, Redirect> aliases = new HashMap<>(p.aliases());
        canonical.ifPresent(c -> {
            aliases.put(address.toString(), new Redirect.ToAddress(c.toString()));
            origins.add("Autodiscover redirectAddr to the canonical mailbox: " + from);
        });
        Provider copy = new Provider(p.id(), p.name(), p.shortName(), p.domains(), incoming, outgoing, p.documentation(),
                p.enable(), p.webmail(), eas, p.caCertificate(), p.oauth2(), p.redirect(), aliases, p.assumptions(),
                p.services(), p.source(), p.mx(), p.directory(), p.branding());
        return new PersonalProvider(copy, origins);
    }

    private static LoginTemplate login(LoginTemplate template, DirectoryUse use, Value value, Optional<String> fromDirectory,
            EmailAddress base, Optional<EmailAddress> canonical, String field, String from, List<String> origins) {
        Optional<String> v = fromDirectory.filter(s -> s.indexOf('%') < 0);
        if (use.supplies().contains(value) && v.isPresent()) {
            origins.add(field + ": " + from);
            return new LoginTemplate.Derived(v.get());
        }
        if (canonical.isPresent() && template instanceof LoginTemplate.Derived d) {
            origins.add(field + ": the template, filled with the canonical mailbox from " + from);
            return new LoginTemplate.Derived(LoginTemplate.fill(d.template(), base));
        }
        origins.add(field + ": the provider file's template");
        return template;
    }

    private static Optional<EmailAddress> parse(String text) {
        try {
            return Optional.of(EmailAddress.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

}
