package org.mailautoconf.registry;

import java.net.URI;

public record OAuth2Settings(String issuer, String scope, URI authUrl, URI tokenUrl) {}
