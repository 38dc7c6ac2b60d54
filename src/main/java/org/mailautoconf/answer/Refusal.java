package org.mailautoconf.answer;

import org.mailautoconf.format.autodiscover.ProtocolError;

/**
 * A format's reason for having no answer where a provider was found: the protocol's own error
 * (Autodiscover's 601), kept typed so the handler sends exactly it.
 */
public record Refusal(ProtocolError error) {

    /** A sentence for the log. */
    public String reason() {
        return error.reason();
    }
}
