package org.mailautoconf.format.autodiscover;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mailautoconf.registry.EmailAddress;

/**
 * Reads an Autodiscover POST body safely: at most {@link #MAX_BYTES}, namespace-aware, and any
 * document with a DTD is refused before its first entity could be declared, so neither external
 * entities (XXE) nor entity expansion (billion laughs) can happen. The encoding is taken as
 * RFC 7303 orders it: a byte order mark, else the HTTP {@code charset}, else the XML declaration
 * or the parser's sniffing. Unknown elements are skipped.
 */
public final class RequestReader {

    /** The largest body read; real requests are under 1 KiB. */
    public static final int MAX_BYTES = 16 * 1024;

    private static final String ROOT = "Autodiscover";
    private static final String REQUEST = "Request";
    private static final String EMAIL = "EMailAddress";
    private static final String LEGACY_DN = "LegacyDN";
    private static final String SCHEMA = "AcceptableResponseSchema";

    /** What reading gave: a request, or the error to answer in the namespace of {@code answerIn}. */
    public sealed interface Result {
        record Accepted(AutodiscoverRequest request) implements Result {}

        record Rejected(ProtocolError error, Optional<ResponseSchema> answerIn) implements Result {}
    }

    private final XMLInputFactory factory;

    public RequestReader() {
        factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never read");
        });
    }

    /** @param httpCharset the {@code charset} parameter of the request's Content-Type, if any */
    public Result read(byte[] body, Optional<String> httpCharset) {
        if (body.length == 0) {
            return invalid("the request body is empty", Optional.empty());
        }
        if (body.length > MAX_BYTES) {
            return invalid("the request body is larger than " + MAX_BYTES + " bytes", Optional.empty());
        }
        XMLStreamReader xml = null;
        try {
            xml = open(body, httpCharset);
            return document(xml);
        } catch (XMLStreamException | RuntimeException e) {
            // Parser messages quote the input; the reason stays ours.
            return invalid("the request body is not well-formed XML", Optional.empty());
        } finally {
            close(xml);
        }
    }

    private XMLStreamReader open(byte[] body, Optional<String> httpCharset) throws XMLStreamException {
        Optional<Charset> charset = httpCharset.filter(c -> !hasByteOrderMark(body)).flatMap(RequestReader::charset);
        if (charset.isPresent()) {
            // newDecoder() reports malformed bytes instead of replacing them.
            return factory.createXMLStreamReader(new InputStreamReader(new ByteArrayInputStream(body), charset.get().newDecoder()));
        }
        return factory.createXMLStreamReader(new ByteArrayInputStream(body));
    }

    private Result document(XMLStreamReader xml) throws XMLStreamException {
        if (!toRoot(xml)) {
            return invalid("a DTD is not accepted in an Autodiscover request", Optional.empty());
        }
        String ns = namespace(xml);
        Optional<ResponseSchema> kind = ResponseSchema.byRequestNamespace(ns);
        if (!ROOT.equals(xml.getLocalName()) || kind.isEmpty()) {
            return invalid("the root element is not Autodiscover in an Outlook or mobilesync request namespace", Optional.empty());
        }
        Map<String, String> fields = null;
        while (xml.next() != XMLStreamConstants.END_ELEMENT) {
            if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!REQUEST.equals(xml.getLocalName()) || !ns.equals(namespace(xml))) {
                skip(xml);
            } else if (fields != null) {
                return invalid("the request has more than one Request element", kind);
            } else {
                fields = fieldsOf(xml, ns);
                if (fields == null) {
                    return invalid("a Request element names the same field twice", kind);
                }
            }
        }
        // Read to the end, so a document with trailing garbage is refused as the malformed XML it is.
        while (xml.hasNext()) {
            xml.next();
        }
        return fields == null ? invalid("the request has no Request element", kind) : request(fields, kind);
    }

    private static Result request(Map<String, String> fields, Optional<ResponseSchema> kind) {
        String schemaUri = fields.get(SCHEMA);
        if (schemaUri == null || schemaUri.isEmpty()) {
            return invalid("the Request has no AcceptableResponseSchema", kind);
        }
        Optional<ResponseSchema> schema = ResponseSchema.byUri(schemaUri);
        if (schema.isEmpty()) {
            return new Result.Rejected(new ProtocolError(ErrorCode.SCHEMA_NOT_AVAILABLE,
                    "the AcceptableResponseSchema is none of " + ResponseSchema.OUTLOOK.uri() + ", " + ResponseSchema.MOBILESYNC.uri()), kind);
        }
        Optional<String> legacyDn = Optional.ofNullable(fields.get(LEGACY_DN)).filter(s -> !s.isEmpty());
        String email = fields.get(EMAIL);
        if (email == null || email.isEmpty()) {
            return legacyDn.isPresent()
                    ? new Result.Rejected(new ProtocolError(ErrorCode.ADDRESS_NOT_FOUND,
                            "only a LegacyDN was sent, and this service has no Exchange directory to find it in"), schema)
                    : invalid("the Request has no EMailAddress", schema);
        }
        try {
            return new Result.Accepted(new AutodiscoverRequest(EmailAddress.parse(email), schema.get(), legacyDn));
        } catch (IllegalArgumentException e) {
            return new Result.Rejected(new ProtocolError(ErrorCode.NO_CONFIGURATION, "the EMailAddress is not an address"), schema);
        }
    }

    /** The known children of one {@code Request}, trimmed; null when one comes twice. */
    private static Map<String, String> fieldsOf(XMLStreamReader xml, String ns) throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        boolean twice = false;
        while (xml.next() != XMLStreamConstants.END_ELEMENT) {
            if (xml.getEventType() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            if (ns.equals(namespace(xml)) && (EMAIL.equals(name) || LEGACY_DN.equals(name) || SCHEMA.equals(name))) {
                twice |= fields.put(name, xml.getElementText().strip()) != null;
            } else {
                skip(xml);
            }
        }
        return twice ? null : fields;
    }

    /**
     * Moves to the root element; false at a DTD, which stops reading before any entity in it is
     * declared. (A document without a root element is not XML: the parser throws.)
     */
    private static boolean toRoot(XMLStreamReader xml) throws XMLStreamException {
        int event = xml.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (event == XMLStreamConstants.DTD) {
                return false;
            }
            event = xml.next();
        }
        return true;
    }

    /** Skips the element just started, with everything inside it. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String namespace(XMLStreamReader xml) {
        String ns = xml.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    private static boolean hasByteOrderMark(byte[] b) {
        return (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF)
                || (b.length >= 2 && (((b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) || ((b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE)));
    }

    private static Optional<Charset> charset(String name) {
        try {
            return Optional.of(Charset.forName(name.strip()));
        } catch (IllegalArgumentException e) {
            // An unknown charset name: let the document's own declaration decide.
            return Optional.empty();
        }
    }

    private static Result invalid(String reason, Optional<ResponseSchema> answerIn) {
        return new Result.Rejected(new ProtocolError(ErrorCode.INVALID_REQUEST, reason), answerIn);
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Nothing is held open: the input is a byte array.
            }
        }
    }
}
