package org.mailautoconf.format.autodiscover;

import java.util.Optional;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Redirect;

/** The redirect both schemas share: to another address, or to another Autodiscover server. */
final class Redirects {

    private Redirects() {
    }

    /** A redirect this answer cannot give: an address the template cannot make, a URL not https. */
    static Optional<ProtocolError> problem(Provider provider, EmailAddress address) {
        Optional<Redirect> redirect = provider.redirectFor(address);
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAddress to) {
            try {
                to.addressFor(address);
            } catch (IllegalArgumentException e) {
                return Optional.of(new ProtocolError(ErrorCode.CONFIGURATION_ERROR,
                        "provider " + provider.id() + " redirects to an address its template cannot make for this address"));
            }
        }
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAutodiscoverUrl to
                && !"https".equalsIgnoreCase(to.url().getScheme())) {
            return Optional.of(new ProtocolError(ErrorCode.CONFIGURATION_ERROR,
                    "provider " + provider.id() + " redirects to an Autodiscover URL that is not https"));
        }
        return Optional.empty();
    }

    static void requireNoProblem(Provider provider, EmailAddress address) {
        problem(provider, address).ifPresent(p -> {
            throw new IllegalStateException(p.reason());
        });
    }
}
