package org.mailautoconf.registry;

import java.net.URI;

/** An Exchange ActiveSync endpoint ({@code https://host/Microsoft-Server-ActiveSync}). */
public record ActiveSync(URI url, LoginTemplate login) {

    public String host() {
        return url.getHost();
    }
}
