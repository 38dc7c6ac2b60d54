package org.mailautoconf.answer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A complete answer, built once and copied to each client that asks the same: status, body,
 * content type, a strong ETag derived from the body, and any extra headers
 * ({@code Content-Disposition}, {@code Location}).
 */
public record Answer(int status, byte[] body, String contentType, String etag, Map<String, String> headers) {

    public Answer {
        headers = Map.copyOf(headers);
    }

    public static Answer ok(byte[] body, String contentType) {
        return new Answer(200, body, contentType, etagOf(body), Map.of());
    }

    public Answer withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, body, contentType, etag, more);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A strong validator: the same bytes always give the same tag, on every replica. */
    public static String etagOf(byte[] body) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
