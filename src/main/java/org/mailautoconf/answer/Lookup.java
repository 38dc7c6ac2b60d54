package org.mailautoconf.answer;

import org.mailautoconf.registry.DomainName;
import org.mailautoconf.registry.Provider;

/** The outcome of asking for an answer: found, or no provider serves the domain. */
public sealed interface Lookup {

    record Found(Answer answer, Provider provider) implements Lookup {}

    record NoProvider(DomainName domain) implements Lookup {}

    /** A provider serves the domain, but the format has no answer for it; the handler says why. */
    record Refused(Refusal refusal, Provider provider) implements Lookup {}
}
