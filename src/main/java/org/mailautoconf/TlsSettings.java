package org.mailautoconf;

/** The https listener and where its certificates come from. (Stand-in: filled in by the TLS work.) */
public record TlsSettings() {
}
