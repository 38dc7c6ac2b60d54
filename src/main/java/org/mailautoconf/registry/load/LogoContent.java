package org.mailautoconf.registry.load;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.mailautoconf.registry.Branding.ImageType;

/**
 * What a logo file is, told by its bytes: a whole PNG (signature, chunks with their CRCs, IHDR
 * first, IEND last), or an SVG that is well-formed XML with an {@code <svg>} root in the SVG
 * namespace and nothing that runs or loads: no DTD (so no entities), no scripts, no event
 * handler attributes, no {@code foreignObject} or HTML, no reference outside the document. The
 * setup page shows it to every visitor, and someone may open its URL directly.
 */
final class LogoContent {

    sealed interface Verdict {
        record Image(ImageType type) implements Verdict {}

        /** {@code reason} follows the file name: "logo.svg has a script element". */
        record Refused(String code, String reason) implements Verdict {}
    }

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    /** Elements that run code or embed another document. */
    private static final Set<String> ACTIVE = Set.of("script", "foreignobject", "handler", "listener", "iframe", "embed",
            "object");
    private static final Pattern URL = Pattern.compile("url\\(\\s*['\"]?\\s*([^'\")\\s]*)", Pattern.CASE_INSENSITIVE);

    private LogoContent() {
    }

    static Verdict check(byte[] bytes) {
        if (bytes.length >= PNG_SIGNATURE.length && Arrays.equals(bytes, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            String problem = PngStructure.problem(ByteBuffer.wrap(bytes, PNG_SIGNATURE.length, bytes.length - PNG_SIGNATURE.length));
            return problem == null ? new Verdict.Image(ImageType.PNG) : notImage("is not a whole PNG image: " + problem);
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        if (!start.startsWith("<")) {
            return notImage("is neither a PNG nor an SVG image (told by its content, not its name)");
        }
        return svg(bytes);
    }

    private static Verdict notImage(String reason) {
        return new Verdict.Refused("logo-not-image", reason);
    }

    private static Verdict svg(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are never read");
        });
        XMLStreamReader xml = null;
        try {
            xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            boolean root = true;
            boolean inStyle = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && root && !isSvg(xml)) {
                    return notImage("is XML but not an SVG image: the root element is <" + xml.getLocalName() + "> in "
                            + (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty() ? "no namespace"
                                    : "the namespace " + xml.getNamespaceURI()) + ", not <svg xmlns=\"" + SVG_NS + "\">");
                }
                String refusal = switch (event) {
                    case XMLStreamConstants.DTD -> "has a DOCTYPE; an SVG logo needs none (and entities are never read)";
                    case XMLStreamConstants.ENTITY_REFERENCE -> "refers to an entity (&" + xml.getLocalName() + ";)";
                    case XMLStreamConstants.PROCESSING_INSTRUCTION -> "has a processing instruction <?" + xml.getPITarget()
                            + "?>, which may load a style sheet";
                    case XMLStreamConstants.START_ELEMENT -> element(xml);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> inStyle ? styleProblem(xml.getText()) : null;
                    default -> null;
                };
                if (refusal != null) {
                    return new Verdict.Refused("logo-unsafe-svg", refusal);
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    root = false;
                    inStyle = xml.getLocalName().equalsIgnoreCase("style");
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    inStyle = false;
                }
            }
            return new Verdict.Image(ImageType.SVG);
        } catch (XMLStreamException | RuntimeException e) {
            // The parser's message says where; it quotes only the admin's own file.
            return notImage("is not well-formed XML, so not an SVG image: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing was opened but the array
                }
            }
        }
    }

    private static boolean isSvg(XMLStreamReader xml) {
        return xml.getLocalName().equals("svg") && SVG_NS.equals(xml.getNamespaceURI());
    }

    /** Why this element may not be in a logo, or null. */
    private static String element(XMLStreamReader xml) {
        String name = xml.getLocalName();
        String ns = xml.getNamespaceURI() == null ? "" : xml.getNamespaceURI();
        if (ACTIVE.contains(name.toLowerCase(Locale.ROOT))) {
            return "has a <" + name + "> element (line " + xml.getLocation().getLineNumber() + "); a logo runs nothing and embeds nothing";
        }
        if (ns.equals(XHTML_NS)) {
            return "has an HTML element <" + name + "> (line " + xml.getLocation().getLineNumber() + ")";
        }
        if (name.equals("set") || name.startsWith("animate")) {
            String target = xml.getAttributeValue(null, "attributeName");
            if (target != null && target.toLowerCase(Locale.ROOT).endsWith("href")) {
                return "animates a link (<" + name + " attributeName=\"" + target + "\">)";
            }
        }
        return attributes(xml);
    }

    private static String attributes(XMLStreamReader xml) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            String attr = xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT);
            String value = xml.getAttributeValue(i).strip();
            String where = " (<" + xml.getLocalName() + "> on line " + xml.getLocation().getLineNumber() + ")";
            if (attr.startsWith("on")) {
                return "has an event handler attribute " + xml.getAttributeLocalName(i) + where;
            }
            if (attr.equals("base")) {
                // xml:base would make even "#id" a reference to another document.
                return "sets a base URL (xml:base)" + where;
            }
            if (attr.equals("href") && !value.startsWith("#")) {
                return "refers to something outside itself: href=\"" + value + "\"" + where + "; only #fragment links are allowed";
            }
            if (value.toLowerCase(Locale.ROOT).contains("javascript:")) {
                return "has a javascript: URL" + where;
            }
            String style = styleProblem(value);
            if (style != null) {
                return style + where;
            }
        }
        return null;
    }

    /** A style that loads something: {@code @import} or a {@code url()} that is not a #fragment. */
    private static String styleProblem(String css) {
        String lower = css.toLowerCase(Locale.ROOT);
        if (lower.contains("@import")) {
            return "imports a style sheet (@import)";
        }
        if (lower.contains("image-set(")) {
            return "loads images by name (image-set)";
        }
        Matcher m = URL.matcher(css);
        while (m.find()) {
            if (!m.group(1).startsWith("#")) {
                return "refers to something outside itself: url(" + m.group(1) + "); only url(#fragment) is allowed";
            }
        }
        return null;
    }
}
