package org.mailautoconf.format.autodiscover;

import java.net.URI;

/** Where the plain-old-XML Autodiscover service lives below a base URL. */
public final class PoxEndpoint {

    /** The path clients build (MS-OXDISCO 3.1.5); they vary its case, the service does not care. */
    public static final String PATH = "/autodiscover/autodiscover.xml";

    private PoxEndpoint() {
    }

    /** {@code https://host[/prefix]} → {@code https://host[/prefix]/autodiscover/autodiscover.xml}. */
    public static URI under(URI base) {
        String text = base.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text + PATH);
    }
}
