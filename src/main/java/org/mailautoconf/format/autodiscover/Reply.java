package org.mailautoconf.format.autodiscover;

import java.net.URI;
import java.util.Optional;

/**
 * A rendered Autodiscover answer: a document sent with HTTP 200, or, when the address's settings
 * live on another Autodiscover server, HTTP 302 to {@code location} (MS-OXDSCLI 3.2.5).
 */
public record Reply(int status, byte[] body, Optional<URI> location) {

    public static final String CONTENT_TYPE = "text/xml; charset=utf-8";

    public static Reply document(byte[] body) {
        return new Reply(200, body, Optional.empty());
    }

    public static Reply moved(URI location, byte[] body) {
        return new Reply(302, body, Optional.of(location));
    }
}
