package org.mailautoconf.format.autodiscover;

import java.util.Arrays;
import java.util.Optional;

/**
 * The response schemas a client may ask for in {@code AcceptableResponseSchema}, each with the
 * namespace its requests are written in (MS-OXDSCLI 2.2.3, MS-ASCMD 2.2.2.1).
 */
public enum ResponseSchema {
    OUTLOOK("outlook",
            "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a",
            "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"),
    MOBILESYNC("mobilesync",
            "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006",
            "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006");

    /** The namespace of every response's outer {@code Autodiscover} element. */
    public static final String AUTODISCOVER_NAMESPACE = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006";

    private final String key;
    private final String uri;
    private final String requestNamespace;

    ResponseSchema(String key, String uri, String requestNamespace) {
        this.key = key;
        this.uri = uri;
        this.requestNamespace = requestNamespace;
    }

    /** The short name used on the command line ({@code --schema outlook}). */
    public String key() {
        return key;
    }

    /** The schema's URI: what the client asks for, and the namespace of the {@code Response}. */
    public String uri() {
        return uri;
    }

    public String requestNamespace() {
        return requestNamespace;
    }

    /** The schema a client asks for; schema URIs are compared ignoring case, as Exchange does. */
    public static Optional<ResponseSchema> byUri(String uri) {
        return Arrays.stream(values()).filter(s -> s.uri.equalsIgnoreCase(uri)).findFirst();
    }

    static Optional<ResponseSchema> byRequestNamespace(String namespace) {
        return Arrays.stream(values()).filter(s -> s.requestNamespace.equals(namespace)).findFirst();
    }

    public static Optional<ResponseSchema> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equalsIgnoreCase(key)).findFirst();
    }
}
