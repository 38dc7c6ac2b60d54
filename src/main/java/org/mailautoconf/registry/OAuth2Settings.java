package org.mailautoconf.registry;

import java.net.URI;
import java.util.Optional;

/**
 * A provider's OAuth2 authorization server, in the shape the autoconfig draft's {@code <oAuth2>}
 * and draft-ietf-mailmaint-oauth-public need: the issuer (a host name, as config-v1.1 writes it,
 * or the https issuer URL of RFC 8414), the scopes (space-separated), the two endpoints, and the
 * public client ID that any client may use, when the provider has one.
 */
public record OAuth2Settings(String issuer, String scope, URI authUrl, URI tokenUrl, Optional<String> clientId) {

    public OAuth2Settings(String issuer, String scope, URI authUrl, URI tokenUrl) {
        this(issuer, scope, authUrl, tokenUrl, Optional.empty());
    }

    /** The issuer as an https URL (RFC 8414): written so, or {@code https://} and the host name. */
    public URI issuerUrl() {
        return issuer.startsWith("https://") ? URI.create(issuer) : URI.create("https://" + issuer);
    }
}
