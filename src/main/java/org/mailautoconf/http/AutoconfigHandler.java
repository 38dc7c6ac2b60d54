package org.mailautoconf.http;

import java.util.Optional;
import org.mailautoconf.answer.ClientFormat;
import org.mailautoconf.answer.Lookup;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/**
 * Thunderbird's autoconfig: {@code /mail/config-v1.1.xml} and the well-known URL, with the
 * address in {@code ?emailaddress=} or, when a client sends none (Thunderbird for Android,
 * KMail, Geary), the domain from the Host header; and the ISPDB form {@code /v1.1/<domain>}.
 */
final class AutoconfigHandler {

    private final DirectoryStep directory;
    private final Responses responses;

    AutoconfigHandler(DirectoryStep directory, Responses responses) {
        this.directory = directory;
        this.responses = responses;
    }

    void byAddressOrHost(Exchange ctx) {
        RequestDomains.withQueryAddress(ctx, responses, address -> {
            Optional<DomainName> domain = address.map(EmailAddress::domain).or(() -> RequestDomains.fromHost(ctx));
            if (domain.isEmpty()) {
                responses.clientError(ctx, 400, "send ?emailaddress=name@example.org, or ask autoconfig.<your domain>");
                return;
            }
            answer(ctx, domain.get(), address);
        });
    }

    void byDomain(Exchange ctx) {
        DomainName domain;
        try {
            domain = DomainName.parse(ctx.pathParam("domain"));
        } catch (IllegalArgumentException e) {
            responses.clientError(ctx, 400, "not a domain name: " + e.getMessage());
            return;
        }
        answer(ctx, domain, Optional.empty());
    }

    private void answer(Exchange ctx, DomainName domain, Optional<EmailAddress> address) {
        // A client that asks for 1.2 by name gets the SASL mechanisms of the mail servers too;
        // every other request the answer both Thunderbirds accept (docs/clients.md).
        ClientFormat format = "1.2".equals(ctx.request().getParam("version")) ? ClientFormat.AUTOCONFIG_12 : ClientFormat.AUTOCONFIG;
        RequestLog.format(ctx, format.label());
        RequestLog.domain(ctx, domain.ascii());
        directory.answer(ctx, format, domain, address, lookup -> {
            if (lookup instanceof Lookup.Found found) {
                responses.send(ctx, found.answer());
            } else {
                responses.clientError(ctx, 404, "no mail provider is known for " + domain.ascii());
            }
        });
    }
}
