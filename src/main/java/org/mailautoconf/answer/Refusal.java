package org.mailautoconf.answer;

import org.mailautoconf.format.autodiscover.ProtocolError;

/** A format's reason for having no answer where a provider was found. */
public sealed interface Refusal {

    /** A sentence for the log. */
    String reason();

    /**
     * The protocol's own error to send instead (Autodiscover's 601 for mobilesync at a provider
     * without ActiveSync), kept typed so the handler sends exactly it.
     */
    record Protocol(ProtocolError error) implements Refusal {
        @Override
        public String reason() {
            return error.reason();
        }
    }

    /** The format cannot express this provider (PACC for a STARTTLS-only server): there is no document. */
    record Inexpressible(String reason) implements Refusal {}
}
