package org.mailautoconf.registry;

import java.net.URI;
import java.util.List;

/**
 * A service reached by one https URL (JMAP's session resource, a CalDAV, CardDAV or WebDAV
 * collection), with the HTTP authentication it accepts, in preference order
 * ({@link Authentication.Http} schemes and {@code OAuth2}), and the login name.
 */
public record UrlService(URI url, List<Authentication> authentication, LoginTemplate login) {

    public UrlService {
        authentication = List.copyOf(authentication);
    }
}
