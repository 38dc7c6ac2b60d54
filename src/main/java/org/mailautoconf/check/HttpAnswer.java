package org.mailautoconf.check;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP response as the check read it.
 *
 * @param headers     names in lower case; the last of repeated headers
 * @param certificate the server's certificate, for https
 */
public record HttpAnswer(int status, Map<String, String> headers, byte[] body, Optional<X509Certificate> certificate) {

    public HttpAnswer {
        headers = Map.copyOf(headers);
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    public String contentType() {
        return header("content-type").orElse("");
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** "200 application/xml; charset=utf-8, 1234 bytes": what a report says came back. */
    public String summary() {
        return status + (contentType().isEmpty() ? "" : " " + contentType()) + ", " + body.length + " bytes"
                + header("location").map(l -> ", Location: " + l).orElse("");
    }
}
