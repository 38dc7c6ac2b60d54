package org.mailautoconf.format;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A format's finished answer, everything but what the answer layer adds (the ETag): status,
 * body, content type and the headers the format needs ({@code Content-Disposition} of a
 * profile, {@code Location} of an Autodiscover redirect). Each format sets these itself, so the
 * server, {@code render}, the tests and the benchmark cannot drift apart on them.
 */
public record Rendered(int status, byte[] body, String contentType, Map<String, String> headers) {

    public Rendered {
        headers = Map.copyOf(headers);
    }

    public static Rendered ok(byte[] body, String contentType) {
        return new Rendered(200, body, contentType, Map.of());
    }

    public Rendered withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Rendered(status, body, contentType, more);
    }

    /** The same answer with another body (a signature around it), headers kept. */
    public Rendered withBody(byte[] other) {
        return new Rendered(status, other, contentType, headers);
    }
}
