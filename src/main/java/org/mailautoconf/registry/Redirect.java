package org.mailautoconf.registry;

import java.net.URI;

/** Where Autodiscover sends a client whose addresses have moved. */
public sealed interface Redirect {

    /** Another address, a template such as {@code %EMAILLOCALPART%@new.example}. */
    record ToAddress(String template) implements Redirect {
        public EmailAddress addressFor(EmailAddress address) {
            return EmailAddress.parse(LoginTemplate.fill(template, address));
        }
    }

    /** Another Autodiscover server; https only. */
    record ToAutodiscoverUrl(URI url) implements Redirect {}
}
