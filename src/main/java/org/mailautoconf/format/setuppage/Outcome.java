package org.mailautoconf.format.setuppage;

import java.util.Optional;
import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;

/** What the setup page shows: what the person asked and what the registry knows about it. */
public sealed interface Outcome {

    /** No address yet: the form, titled with the provider the page's host name stands for, if any. */
    record Form(Optional<Provider> hostProvider) implements Outcome {}

    /** The typed text is not an address; {@code typed} is shown again in the form. */
    record Invalid(String typed) implements Outcome {}

    /** A valid address whose domain no provider serves. */
    record Unknown(String typed, DomainName domain) implements Outcome {}

    /** The provider for the address: profile link, settings, steps and guides. */
    record Found(Provider provider, EmailAddress address) implements Outcome {}
}
