package org.mailautoconf.registry;

import java.util.Optional;

/**
 * The services a provider offers beside mail access and submission: JMAP, calendars (CalDAV),
 * contacts (CardDAV), files (WebDAV) and mail filters (ManageSieve). Each is optional; the
 * shipped providers' guides name none.
 */
public record Services(Optional<UrlService> jmap, Optional<UrlService> caldav, Optional<UrlService> carddav,
                       Optional<UrlService> webdav, Optional<ManageSieve> manageSieve) {

    public static final Services NONE = new Services(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty());

    public boolean isEmpty() {
        return equals(NONE);
    }
}
