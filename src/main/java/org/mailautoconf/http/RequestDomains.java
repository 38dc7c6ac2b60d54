package org.mailautoconf.http;

import java.util.Optional;
import java.util.function.Consumer;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;

/** Reads what a request asks about: an address from the query, or a domain from the Host header. */
final class RequestDomains {

    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile("[0-9.]+");

    private RequestDomains() {
    }

    /**
     * The address in {@code param}, if the client sent one. A '+' that the query decoding
     * turned into a space is put back: a space is never valid in an address, a '+' often is.
     *
     * @throws IllegalArgumentException when the parameter is there but not an address
     */
    static Optional<EmailAddress> address(Exchange ctx, String param) {
        String value = ctx.request().getParam(param);
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(queryAddress(value));
    }

    /**
     * Goes on with the address in {@code ?emailaddress=} (empty when the client sent none), or
     * answers 400 when it is there but not an address.
     */
    static void withQueryAddress(Exchange ctx, Responses responses, Consumer<Optional<EmailAddress>> then) {
        Optional<EmailAddress> address;
        try {
            address = address(ctx, "emailaddress");
        } catch (IllegalArgumentException e) {
            responses.clientError(ctx, 400, "emailaddress is not a valid address: " + e.getMessage());
            return;
        }
        then.accept(address);
    }

    /** An address taken from a decoded query, with the '+' that decoding made a space put back. */
    static EmailAddress queryAddress(String decoded) {
        return EmailAddress.parse(decoded.replace(' ', '+'));
    }

    /**
     * The mail domain named by the Host header: {@code autoconfig.example.org} and
     * {@code autodiscover.example.org} stand for {@code example.org}; any other name for itself.
     */
    static Optional<DomainName> fromHost(Exchange ctx) {
        String host = ctx.request().authority() == null ? null : ctx.request().authority().host();
        if (host == null || host.isEmpty() || host.startsWith("[") || IPV4.matcher(host).matches()) {
            return Optional.empty();
        }
        try {
            DomainName name = DomainName.parse(host);
            for (String prefix : new String[] {"autoconfig.", "autodiscover."}) {
                if (name.ascii().startsWith(prefix) && name.labelCount() > 2) {
                    return Optional.of(name.parent());
                }
            }
            return Optional.of(name);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
