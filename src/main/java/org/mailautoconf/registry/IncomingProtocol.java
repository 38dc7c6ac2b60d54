package org.mailautoconf.registry;

/** Protocols for reading mail. The autoconfig draft 1.2 adds JMAP, EWS and others here. */
public enum IncomingProtocol {
    IMAP("imap"),
    POP3("pop3");

    private final String key;

    IncomingProtocol(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
