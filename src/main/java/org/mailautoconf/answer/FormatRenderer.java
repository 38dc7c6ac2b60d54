package org.mailautoconf.answer;

import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/** Renders one client format: a pure function of provider, asked domain and address. */
@FunctionalInterface
public interface FormatRenderer {
    Answer render(Provider provider, DomainName domain, Optional<EmailAddress> address);
}
