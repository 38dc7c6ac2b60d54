package org.mailautoconf.http;

import io.vertx.core.net.HostAndPort;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The scheme and authority a person reached the setup page at, for the QR code that opens the
 * same page on a phone. The host is the request's own ({@code Host} or {@code :authority}): it
 * is the name in the person's address bar, the one the phone can reach too (the page is served
 * on {@code autoconfig.<domain>}, {@code autodiscover.<domain>} and the service's own name
 * alike). A forged Host could only point the code at a name the requester already reached this
 * server by, in a page sent to that requester alone ({@code Cache-Control: no-store}); still,
 * only a plain host name, IPv4 or bracketed IPv6 address with an optional port is used, so the
 * code never carries a path, credentials or markup. The scheme is https when this service
 * itself speaks TLS, or when {@code --public-url} is set (the deployments then put a TLS proxy
 * in front, which answers plain http with a redirect); http otherwise (development on loopback).
 */
final class PageBase {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]{2,45}]");

    private PageBase() {
    }

    static Optional<URI> of(boolean tls, HostAndPort authority, Optional<URI> publicBaseUrl) {
        if (authority == null || authority.host() == null || !HOST.matcher(authority.host()).matches()) {
            return Optional.empty();
        }
        String scheme = tls ? "https" : publicBaseUrl.map(URI::getScheme).orElse("http");
        int port = authority.port();
        boolean defaultPort = port <= 0 || (port == 443 && scheme.equals("https")) || (port == 80 && scheme.equals("http"));
        return Optional.of(URI.create(scheme + "://" + authority.host() + (defaultPort ? "" : ":" + port)));
    }
}
