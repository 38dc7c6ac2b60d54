package org.mailautoconf.check;

/** Why an HTTP exchange gave no answer, with the fix in words. */
public record WebFailure(Kind kind, String message, String fix) {

    public enum Kind { NAME, CONNECT, TIMEOUT, TLS, TLS_NAME, TLS_EXPIRED, TLS_UNTRUSTED, HTTP }
}
