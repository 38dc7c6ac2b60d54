package org.mailautoconf.format.autodiscover;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import org.mailautoconf.registry.EmailAddress;
import org.mailautoconf.registry.Provider;
import org.mailautoconf.registry.Redirect;

/**
 * Autodiscover v2 ({@code autodiscover.json}): for a protocol, the URL that serves it, as
 * {@code {"Protocol":..,"Url":..}}, or {@code {"ErrorCode":..,"ErrorMessage":..}} with a 4xx.
 * Pure: the provider and the service's public URL are passed in.
 */
public final class JsonRenderer {

    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** An answer, its HTTP status, and for an error its {@code ErrorCode} (for the log). */
    public record JsonReply(int status, byte[] body, Optional<String> errorCode) {}

    private final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param protocolName  the {@code Protocol} parameter as sent (null when missing)
     * @param provider      the provider serving the address's domain, if any
     * @param publicBaseUrl the service's own https base URL, if configured
     */
    public JsonReply answer(String protocolName, Optional<Provider> provider, EmailAddress address, Optional<URI> publicBaseUrl) {
        Optional<V2Protocol> protocol = Optional.ofNullable(protocolName).flatMap(V2Protocol::byName);
        if (protocol.isEmpty()) {
            return invalidProtocol(protocolName);
        }
        if (provider.isEmpty()) {
            return error(404, "UserNotFound", "No mail provider is known for the domain " + address.domain().ascii() + ".");
        }
        Provider p = provider.get();
        if (protocol.get() == V2Protocol.ACTIVE_SYNC) {
            return p.activeSync().map(eas -> url(V2Protocol.ACTIVE_SYNC, eas.url()))
                    .orElseGet(() -> error(404, "ProtocolNotAvailable", p.name() + " offers no ActiveSync server."));
        }
        Optional<Redirect> redirect = p.redirectFor(address);
        if (redirect.isPresent() && redirect.get() instanceof Redirect.ToAutodiscoverUrl to) {
            return url(V2Protocol.AUTODISCOVER_V1, to.url());
        }
        return publicBaseUrl.map(base -> url(V2Protocol.AUTODISCOVER_V1, PoxEndpoint.under(base)))
                .orElseGet(() -> error(404, "AutodiscoverUrlNotConfigured",
                        "This service does not know its public https URL (serve --public-url), so it cannot name its Autodiscover URL."));
    }

    public JsonReply invalidProtocol(String given) {
        String shown = given == null ? "" : given.length() > 64 ? given.substring(0, 64) : given;
        return error(400, "InvalidProtocol", "The given protocol value '" + shown + "' is invalid. Supported values are '"
                + V2Protocol.supported() + "'");
    }

    public JsonReply error(int status, String code, String message) {
        ObjectNode body = mapper.createObjectNode();
        body.put("ErrorCode", code);
        body.put("ErrorMessage", message);
        return new JsonReply(status, bytes(body), Optional.of(code));
    }

    private JsonReply url(V2Protocol protocol, URI url) {
        ObjectNode body = mapper.createObjectNode();
        body.put("Protocol", protocol.wireName());
        body.put("Url", url.toString());
        return new JsonReply(200, bytes(body), Optional.empty());
    }

    private byte[] bytes(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
